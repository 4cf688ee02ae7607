// Package search makes the site's search index from the site model: the
// words of every published story, folded (lower case, no diacritics),
// each with the stories that name it ranked by where it stands (headline,
// then dek, takeaways, highlights, tags and byline, then body) and then by
// date, split into shards by the words' prefixes so that a query reads
// only the shards of its words. static/search.js reads them.
//
// The index is a folder of JSON files under search/:
//
//	search/manifest.json   which prefixes are split, and into what
//	search/s/<prefix>.json a shard: the words under a prefix
//
// A shard refers to stories by their place in its own list of stories,
// and a shard's prefixes depend only on the words under it, so an edit to
// one story changes only the shards of the words it had or has (and the
// manifest when one of them grows past or falls under ShardTarget).
package search

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"

	"github.com/t4k3news/digest/internal/parallel"
	"github.com/t4k3news/digest/internal/site"
)

// Dir is the folder of the index in the output.
const Dir = "search"

// ManifestFile is the manifest's file in the output.
const ManifestFile = Dir + "/manifest.json"

// Manifest is what the script reads first.
type Manifest struct {
	// Version changes when the format does.
	Version int `json:"v"`
	// Max is MaxResults: the most stories a word finds.
	Max int `json:"max"`
	// Split maps each split prefix to the letters that follow it in some
	// word, in order; every other prefix reached that way is a shard.
	Split map[string]string `json:"split"`
}

// Write indexes s and passes each file of the index to emit, by its path
// in the output ("search/s/lav.json"), one at a time.
func Write(s *site.Site, emit func(file string, data []byte) error) error {
	return New(s).Write(emit)
}

// batch is how many shards are encoded at once, on every CPU, before they
// are passed on: it bounds the memory of shards encoded and not yet
// written.
const batch = 64

// Write passes the index's files to emit, one at a time.
func (ix *Index) Write(emit func(file string, data []byte) error) error {
	return ix.write(func(file string, data []byte, _ uint64) error { return emit(file, data) })
}

// File is a file of an index laid out whole ([LayMemo]).
type File struct {
	// Name is the file's path in the output, and Data its bytes.
	Name string
	Data []byte
	// Key, for a shard, stands for what its bytes are made of: two
	// shards with one Key have the same bytes (see shardSum); "" for the
	// manifest.
	Key string
}

// LayMemo indexes s as [WriteMemo] does and returns the index's files,
// the manifest first, each shard with its Key: build --watch lists each
// shard as an output of its own, so that the thousands a large site has
// are not handed again, and compared with the files on disk, after an
// edit that changes a few. The bytes are m's, kept until the next call;
// m must not be nil.
func LayMemo(s *site.Site, m *Memo) ([]File, error) {
	files := make([]File, 0, len(m.shards)+1)
	err := newIndex(s, m).write(func(file string, data []byte, sum uint64) error {
		f := File{Name: file, Data: data}
		if len(files) > 0 {
			f.Key = strconv.FormatUint(sum, 16)
		}
		files = append(files, f)
		return nil
	})
	return files, err
}

// write passes the index's files to emit, one at a time, each shard with
// the sum of what it is made of (0 without a memo).
func (ix *Index) write(emit func(file string, data []byte, sum uint64) error) error {
	p := ix.plan()
	m, err := json.Marshal(Manifest{Version: 1, Max: MaxResults, Split: p.split})
	if err != nil {
		return fmt.Errorf("search manifest: %w", err)
	}
	if err := emit(ManifestFile, append(m, '\n'), 0); err != nil {
		return err
	}
	workers := runtime.GOMAXPROCS(0)
	encoders := make([]encoder, batch)
	out := make([][]byte, batch)
	sums := make([]uint64, batch)
	files := make([]string, batch)
	for lo := 0; lo < len(p.shards); lo += batch {
		hi := min(lo+batch, len(p.shards))
		parallel.For(hi-lo, workers, func(i int) {
			encoders[i].s = ix.site
			out[i], sums[i] = ix.memo.shard(&encoders[i], p, p.shards[lo+i])
			files[i] = ix.memo.file(p.shards[lo+i].prefix)
		})
		ix.memo.keepShards(p.shards[lo:hi], out[:hi-lo], sums[:hi-lo], files[:hi-lo])
		for i := range hi - lo {
			if err := emit(files[i], out[i], sums[i]); err != nil {
				return err
			}
		}
	}
	ix.memo.shardsDone()
	return nil
}
