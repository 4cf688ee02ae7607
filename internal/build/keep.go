package build

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"maps"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/output"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/site"
	"github.com/t4k3news/digest/internal/sitemap"
)

// A build keeps, unrendered, every output it can prove unchanged since the
// last build of the same destination. The proof is a key: a hash of
// everything the output's bytes depend on (the program, the config and
// flags, and the parts of the model it reads, or its own key, as a share
// image's), which the last build recorded, with the ID of each file the
// output made (see output.FileID), in a manifest beside the destination.
// An output whose key is the same and whose files are intact is kept as
// it is; any other is rendered. When the sources, the program and the
// flags are all the same, and the clock has not crossed a time at which
// another story is published or the news sitemap changes, the whole site
// is, and a build that finds the destination intact ends there, before
// the model is made.

// manifestFormat changes whenever the manifest or the keys change meaning.
const manifestFormat = "digest manifest 1"

// manifest is what a build records about its site for the next one.
type manifest struct {
	// Site is the key of the whole site (see sourceKey).
	Site load.Sum
	// From and Until bound the clocks at which the stories published and
	// the news sitemap are those of the build; Until is zero for no
	// bound.
	From, Until time.Time
	// Result is what the build reports.
	Articles, Topics, Cards int
	Schedule                site.Schedule
	Warnings                []diag.Error
	// Entries are the files of each output, by its key.
	Entries map[load.Sum][]file
}

type file struct {
	Path string
	ID   output.FileID
}

// newManifest records a build of the site s from sources of the given key,
// which reported res and made the files of entries.
func newManifest(key load.Sum, pub site.Publish, s *site.Site, res Result, entries map[load.Sum][]file) *manifest {
	m := &manifest{Site: key, Articles: res.Articles, Topics: res.Topics, Cards: res.Cards.Drawn + res.Cards.Cached,
		Schedule: res.Schedule, Entries: entries}
	for _, w := range res.Warnings {
		m.Warnings = append(m.Warnings, *w)
	}
	if !pub.Now.IsZero() {
		m.From = pub.Now
		m.Until = earliest(res.Schedule.Change, sitemap.NewsChange(s, pub.Now))
	}
	return m
}

// earliest returns the earlier of two times, zero meaning none.
func earliest(t, u time.Time) time.Time {
	if t.IsZero() || (!u.IsZero() && u.Before(t)) {
		return u
	}
	return t
}

// readManifest returns the manifest recorded for dest, or nil if there is
// none or it is not one this program can read.
func readManifest(dest string) *manifest {
	data, err := output.ReadManifest(dest)
	if err != nil || !bytes.HasPrefix(data, []byte(manifestFormat+"\n")) {
		return nil
	}
	var m manifest
	if gob.NewDecoder(bytes.NewReader(data[len(manifestFormat)+1:])).Decode(&m) != nil {
		return nil
	}
	return &m
}

func (m *manifest) write(dest string) error {
	var b bytes.Buffer
	b.WriteString(manifestFormat + "\n")
	if err := gob.NewEncoder(&b).Encode(m); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return output.WriteManifest(dest, b.Bytes())
}

// files returns every file of the site m describes.
func (m *manifest) files() map[string]output.FileID {
	all := make(map[string]output.FileID)
	for _, files := range m.Entries {
		for _, f := range files {
			all[f.Path] = f.ID
		}
	}
	return all
}

// covers reports whether the clock now falls in the manifest's bounds.
func (m *manifest) covers(now time.Time) bool {
	return !now.Before(m.From) && (m.Until.IsZero() || now.Before(m.Until))
}

// program hashes the running program, whose code makes the bytes of every
// output; if it cannot be read, a random sum makes every key new.
var program = sync.OnceValue(func() load.Sum {
	var sum load.Sum
	exe, err := os.Executable()
	if err == nil {
		var data []byte
		if data, err = os.ReadFile(exe); err == nil {
			sum = sha256.Sum256(data)
		}
	}
	if err != nil {
		rand.Read(sum[:])
	}
	return sum
})

// sourceKey is the key of a whole site: of the program, the config as
// used, the publishing flags and every source file. Two builds with the
// same key, at clocks that publish the same stories and list the same
// news, make the same site.
func sourceKey(config load.Sum, pub site.Publish, src load.Sums) load.Sum {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%x\n%x\n%v %v %v %v\n", manifestFormat, program(), config, pub.Drafts, pub.Future, pub.Expired, pub.Now.IsZero())
	fmt.Fprintf(h, "%x %x %x\n", src.Content, src.Templates, src.Static)
	return load.Sum(h.Sum(nil))
}

// keeper keeps the outputs whose key is the one recorded in the last
// manifest, and records the key of every output.
type keeper struct {
	w     *output.Writer
	last  *manifest // nil keeps nothing
	parts map[plan.Part]load.Sum
	base  load.Sum // the program, the config and the flags
	// static are the static files' sums: an output about one static file
	// reads that file alone.
	static map[string]load.Sum

	rendered, kept atomic.Int64

	mu   sync.Mutex
	made map[load.Sum][]string // the files of each output, by key
}

func newKeeper(w *output.Writer, last *manifest, in *load.Inputs, pub site.Publish, src load.Sums, s *site.Site) *keeper {
	k := &keeper{w: w, last: last, static: make(map[string]load.Sum), made: make(map[load.Sum][]string)}
	k.base = sourceKey(in.ConfigSum, pub, load.Sums{})
	content := contentKey(src.Content, in, pub, s)
	k.parts = map[plan.Part]load.Sum{plan.Config: k.base, plan.Templates: src.Templates, plan.Static: src.Static,
		plan.Articles: content, plan.Topics: content, plan.Sidebars: content, plan.Nav: content}
	for _, f := range in.Static {
		k.static[f.Name] = f.Sum
	}
	return k
}

// contentKey is the key of the model made from the content: of its
// files, of the sizes of the images stories may name (static files, read
// into the model), and of what the clock decides, which stories are
// published and which the news sitemap lists.
func contentKey(files load.Sum, in *load.Inputs, pub site.Publish, s *site.Site) load.Sum {
	h := sha256.New()
	fmt.Fprintf(h, "%x\n", files)
	images := load.Images(in.Static)
	for _, name := range slices.Sorted(maps.Keys(images)) {
		fmt.Fprintf(h, "image %s %v\n", name, images[name])
	}
	for _, d := range in.Docs {
		fmt.Fprintf(h, "%s %v\n", d.Path, pub.Includes(&d.Meta))
	}
	for _, a := range sitemap.News(s, s.Now()) {
		fmt.Fprintf(h, "news %s\n", a.Path)
	}
	return load.Sum(h.Sum(nil))
}

// key returns the key of e.
func (k *keeper) key(e plan.Entry) load.Sum {
	h := sha256.New()
	fmt.Fprintf(h, "%x\n%s %q\n", k.base, e.Kind, e.Paths)
	if e.Key != nil {
		fmt.Fprintf(h, "key %s\n", e.Key())
		return load.Sum(h.Sum(nil))
	}
	for _, p := range []plan.Part{plan.Config, plan.Templates, plan.Articles, plan.Topics, plan.Sidebars, plan.Static, plan.Nav} {
		if e.Reads.Parts&p == 0 {
			continue
		}
		sum := k.parts[p]
		if p == plan.Static && e.Reads.Static != "" {
			sum = k.static[e.Reads.Static]
		}
		fmt.Fprintf(h, "%d %x\n", p, sum)
	}
	// The one article or topic an output is about is made from the
	// content; its files are not hashed one by one, so the output reads
	// the content's sum, as an alias page, which reads only the config
	// and its story, must.
	if e.Reads.Article != nil {
		fmt.Fprintf(h, "article %s %x\n", e.Reads.Article.Path, k.parts[plan.Articles])
	}
	if e.Reads.Topic != nil {
		fmt.Fprintf(h, "topic %s %x\n", e.Reads.Topic.Path, k.parts[plan.Topics])
	}
	if e.Reads.Author != nil || e.Reads.List != nil || e.Reads.Stories != nil {
		fmt.Fprintf(h, "stories %x\n", k.parts[plan.Articles])
	}
	return load.Sum(h.Sum(nil))
}

// leaveOut names a kind of output that builds leave out; only benchmarks
// set it, to measure what the kind costs.
var leaveOut string

// Keep keeps e's files if its key is the one recorded for them.
func (k *keeper) Keep(e plan.Entry) (bool, error) {
	if e.Kind == leaveOut {
		return true, nil
	}
	key := k.key(e)
	if k.last == nil {
		return false, nil
	}
	files, ok := k.last.Entries[key]
	if !ok || (e.Paths != nil && !samePaths(e.Paths, files)) {
		return false, nil
	}
	ids := make(map[string]output.FileID, len(files))
	for _, f := range files {
		ids[f.Path] = f.ID
	}
	kept, err := k.w.Keep(ids)
	if kept {
		k.kept.Add(1)
		k.record(key, files)
	}
	return kept, err
}

// Made records the files of an entry rendered.
func (k *keeper) Made(e plan.Entry, paths []string) {
	k.rendered.Add(1)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.made[k.key(e)] = paths
}

func (k *keeper) record(key load.Sum, files []file) {
	if files == nil {
		return
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	k.made[key] = paths
}

func samePaths(paths []string, files []file) bool {
	return slices.EqualFunc(paths, files, func(p string, f file) bool { return p == f.Path })
}

// entries returns the files of every output by key, with their IDs in
// the committed site.
func (k *keeper) entries(ids map[string]output.FileID) map[load.Sum][]file {
	all := make(map[load.Sum][]file, len(k.made))
	for key, paths := range k.made {
		files := make([]file, 0, len(paths))
		for _, p := range paths {
			id, ok := ids[p]
			if !ok {
				files = nil // not recorded: the next build renders it
				break
			}
			files = append(files, file{p, id})
		}
		if files != nil {
			all[key] = files
		}
	}
	return all
}
