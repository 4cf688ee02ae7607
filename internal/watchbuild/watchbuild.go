// Package watchbuild is the driver of "digest build --watch": it keeps a
// site's output folder on disk byte for byte what a fresh build of its
// sources would write, as the sources change.
//
// It follows the sources with the preview server's engine (internal/live):
// one change tracking for both drivers. After each batch of changes it
// renders the entries of internal/plan that read a part of the model that
// changed (or, for an entry with a Key, whose Key changed), writes only the files whose bytes differ from those on disk,
// and removes the files of entries that are gone, all through one
// output.Patch: a batch that fails (bad front matter, a template that does
// not parse, a full disk) writes nothing, and is reported with its files
// and lines; the next good save brings the folder up to date.
package watchbuild

import (
	"crypto/sha256"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/t4k3news/digest/internal/live"
	"github.com/t4k3news/digest/internal/output"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/site"
)

// Options say which site to keep and where.
type Options struct {
	// Root is the site's folder on disk.
	Root string
	// Destination is the output folder.
	Destination string
	// BaseURL overrides the config's base URL unless it is "".
	BaseURL string
	// Publish says which stories are in the site, at the clock Now.
	Publish site.Publish
	Now     func() time.Time
}

// Builder keeps one output folder up to date. Its methods must not be
// called concurrently.
type Builder struct {
	opts Options
	e    *live.Engine
	// version is the engine's version that the folder holds; 0 until the
	// first whole write.
	version int
	// files are the folder's files, by slash path, and kinds what the
	// folder holds of each entry, by its kind and key: both are updated
	// in place after each write, for the entries rendered and those
	// gone, not made again whole.
	files map[string]file
	kinds map[string]map[entryKey]*written
	// writes counts the writes, to tell the entries of the last one.
	writes int
}

// file is one file of the folder: the sum of its bytes, and the entry
// that wrote it.
type file struct {
	sum [sha256.Size]byte
	of  *written
}

// Result counts what one step did.
type Result struct {
	live.Result
	// Rendered counts the entries rendered, of Entries, those listed.
	Rendered, Entries int
	// Partial says that the write listed only the entries that the
	// change may have changed (plan.Changed), not every entry.
	Partial bool
	// Written, Unchanged and Removed count files: those rendered whose
	// bytes were new or the same, and those of entries that are gone.
	output.Stats
}

// New returns a builder of the site opts.Root into opts.Destination. Call
// Load before use.
func New(opts Options) *Builder {
	e := live.New(live.Options{Root: opts.Root, BaseURL: opts.BaseURL, Publish: opts.Publish, Now: opts.Now})
	return &Builder{opts: opts, e: e, files: make(map[string]file), kinds: make(map[string]map[entryKey]*written)}
}

// Load reads the site and writes it whole, as a build does: the files
// whose bytes did not change keep their inode and modification time.
func (b *Builder) Load() (Result, error) {
	if err := b.e.Load(); err != nil {
		return Result{}, err
	}
	return b.write()
}

// Apply brings the output folder up to date with changes to the files and
// folders at paths, slash paths relative to the site's root (see
// live.Engine.Apply). On error the folder is as it was, and the error
// lists the problems with their files and lines.
func (b *Builder) Apply(paths []string) (Result, error) {
	res, err := b.e.Apply(paths)
	if err != nil || len(res.Changed) == 0 && b.version != 0 {
		return Result{Result: res}, err
	}
	out, err := b.write()
	out.Result = res
	return out, err
}

// Due returns the time at which the site next changes by the clock alone,
// or zero for none.
func (b *Builder) Due() time.Time { return b.e.Due() }

// Tick brings the site up to the clock (see live.Engine.Tick) and writes
// what changed.
func (b *Builder) Tick() (int, Result, error) {
	n, err := b.e.Tick()
	if err != nil || n == 0 {
		return n, Result{}, err
	}
	res, err := b.write()
	return n, res, err
}

// written is what the folder holds of one entry.
type written struct {
	entry entryKey // its kind and files
	// files are those the entry wrote.
	files []string
	// key is the entry's Key, for an entry that has one (plan.Entry.Key),
	// and sum the Sum of one that has not (plan.Model.Sum), as written.
	key string
	sum uint64
	// seen is the last write that listed the entry, and dropped the last
	// that found it gone.
	seen, dropped int
}

// write renders the entries that read a part of the model changed since
// the version on disk, and those never written, and writes the files
// whose bytes changed. The first write, with nothing known of the folder,
// renders every entry and writes the site whole. A write after a change
// of the stories alone lists only the entries it may have changed
// (plan.Changed), and costs what those are, not every entry of the site.
func (b *Builder) write() (Result, error) {
	parts, version := b.e.Since(b.version)
	b.writes++
	var fresh []written          // what the entries picked will hold, by index
	seen := make(map[string]int) // by kind: of the entries known, those listed again
	pick := func(en *plan.Entry, sum uint64) bool {
		w := written{entry: key(en), sum: sum, seen: b.writes}
		if en.Key != nil { // it stands for everything the bytes depend on
			w.key, w.sum = en.Key(), 0
		}
		old := b.kinds[en.Kind][w.entry]
		if old != nil && old.seen != b.writes {
			old.seen = b.writes
			seen[en.Kind]++
		}
		if b.version != 0 && old != nil && w.key == old.key && w.sum == old.sum &&
			(en.Key != nil || en.Reads.Parts&parts == 0) {
			return false
		}
		fresh = append(fresh, w)
		return true
	}
	var sink sink
	var err error
	if b.version == 0 {
		sink, err = beginWhole(b.opts.Destination)
	} else {
		sink, err = output.BeginPatch(b.opts.Destination)
	}
	if err != nil {
		return Result{}, err
	}
	defer sink.Abort()
	made := newMade()
	listing, rendered, err := b.e.Render(b.version, pick, func(i int, name string, data []byte) error {
		sum := sha256.Sum256(data)
		made.add(i, name, sum)
		if old, ok := b.files[name]; ok && old.sum == sum && b.version != 0 {
			return nil // unchanged: the file on disk stays as it is
		}
		return sink.WriteFile(name, data)
	})
	if err != nil {
		return Result{}, err
	}
	goneEntries, gone := b.gone(listing, rendered, made, seen)
	if b.version != 0 {
		for _, name := range gone {
			sink.Remove(name)
		}
	}
	stats, err := sink.Commit()
	if err != nil {
		return Result{}, err
	}
	unchanged := b.update(listing.Entries, rendered, made, fresh, goneEntries, gone)
	if b.version != 0 {
		stats.Unchanged = unchanged
	}
	b.version = version
	return Result{Rendered: len(fresh), Entries: len(listing.Entries), Partial: listing.Part != nil, Stats: stats}, nil
}

// gone returns the entries of the folder that the site no longer has, and
// the files of the folder that no entry of the write holds: those of the
// entries gone, and those the entries rendered held before and did not
// make again. Of a kind listed whole, an entry known and not listed is
// gone (seen counts, by kind, the entries known that the write listed);
// of a kind listed in part, an entry not listed is as it was, unless it
// holds a file the listing says is gone.
func (b *Builder) gone(l plan.Listing, rendered []bool, made *made, seen map[string]int) ([]*written, []string) {
	var entries []*written
	drop := func(w *written) {
		if w.seen != b.writes && w.dropped != b.writes {
			w.dropped = b.writes
			entries = append(entries, w)
		}
	}
	for _, name := range l.Gone {
		if f, ok := b.files[name]; ok {
			drop(f.of)
		}
	}
	for kind, known := range b.kinds {
		if !l.Part[kind] && seen[kind] < len(known) {
			for _, w := range known {
				drop(w)
			}
		}
	}
	var gone []string
	for _, w := range entries {
		gone = append(gone, w.files...)
	}
	for i := range l.Entries {
		if w := b.kinds[l.Entries[i].Kind][key(&l.Entries[i])]; rendered[i] && w != nil {
			gone = append(gone, w.files...)
		}
	}
	if len(gone) == 0 {
		return entries, nil
	}
	kept := make(map[string]bool)
	for _, names := range made.names {
		for _, name := range names {
			kept[name] = true
		}
	}
	return entries, slices.DeleteFunc(gone, func(name string) bool { return kept[name] })
}

// update records, once the write is committed, the files and sums of the
// entries rendered, and forgets the files and entries gone. It returns
// how many files were rendered with the bytes they had.
func (b *Builder) update(entries []plan.Entry, rendered []bool, made *made, fresh []written, goneEntries []*written, gone []string) int {
	for _, name := range gone {
		delete(b.files, name)
	}
	for _, w := range goneEntries {
		delete(b.kinds[w.entry.kind], w.entry)
	}
	unchanged, j := 0, 0
	for i := range entries {
		if !rendered[i] {
			continue
		}
		w := new(written)
		*w = fresh[j]
		j++
		w.files = made.names[i]
		if w.files == nil {
			w.files = []string{}
		}
		for n, name := range w.files {
			sum := made.sums[i][n]
			if old, ok := b.files[name]; ok && old.sum == sum {
				unchanged++
			}
			b.files[name] = file{sum, w}
		}
		known := b.kinds[w.entry.kind]
		if known == nil {
			known = make(map[entryKey]*written)
			b.kinds[w.entry.kind] = known
		}
		known[w.entry] = w
	}
	return unchanged
}

// entryKey names an entry from one version of the site to the next: by
// its kind and its files, or its kind alone for the entry whose files are
// known only once made.
type entryKey struct{ kind, paths string }

func key(en *plan.Entry) entryKey {
	if len(en.Paths) == 1 { // most: no string to make
		return entryKey{en.Kind, en.Paths[0]}
	}
	return entryKey{en.Kind, strings.Join(en.Paths, "\x00")}
}

// made are the files that the entries rendered, by the entry's index.
// Each entry is rendered by one goroutine, which alone appends to its
// lists.
type made struct {
	mu    sync.Mutex
	names map[int][]string
	sums  map[int][][sha256.Size]byte
}

func newMade() *made {
	return &made{names: make(map[int][]string), sums: make(map[int][][sha256.Size]byte)}
}

func (m *made) add(i int, name string, sum [sha256.Size]byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.names[i] = append(m.names[i], name)
	m.sums[i] = append(m.sums[i], sum)
}

// sink is where the files go: a whole build (output.Writer) or a patch.
type sink interface {
	WriteFile(rel string, data []byte) error
	Remove(rel string)
	Commit() (output.Stats, error)
	Abort()
}

// whole is a whole build as a sink: it removes every file not written.
type whole struct{ *output.Writer }

func beginWhole(dest string) (sink, error) {
	w, err := output.Begin(dest)
	if err != nil {
		return nil, err
	}
	return whole{w}, nil
}

func (whole) Remove(string) {}
