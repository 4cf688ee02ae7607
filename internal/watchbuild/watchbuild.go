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
	// files are the sums of the folder's files, by slash path; owned are
	// the files each entry wrote, by the entry's key.
	files map[string][sha256.Size]byte
	owned map[string][]string
	// keys are the Keys of the entries that have one (plan.Entry.Key),
	// as written, and sums the Sums of the others (plan.Model.Sum), by
	// the entry's key.
	keys map[string]string
	sums map[string]uint64
}

// Result counts what one step did.
type Result struct {
	live.Result
	// Rendered counts the entries rendered, of Entries.
	Rendered, Entries int
	// Written, Unchanged and Removed count files: those rendered whose
	// bytes were new or the same, and those of entries that are gone.
	output.Stats
}

// New returns a builder of the site opts.Root into opts.Destination. Call
// Load before use.
func New(opts Options) *Builder {
	e := live.New(live.Options{Root: opts.Root, BaseURL: opts.BaseURL, Publish: opts.Publish, Now: opts.Now})
	return &Builder{opts: opts, e: e}
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

// write renders the entries that read a part of the model changed since
// the version on disk, and those never written, and writes the files
// whose bytes changed. The first write, with nothing known of the folder,
// renders every entry and writes the site whole.
func (b *Builder) write() (Result, error) {
	parts, version := b.e.Since(b.version)
	keys := make(map[string]string)
	sums := make(map[string]uint64)
	pick := func(en *plan.Entry, sum uint64) bool {
		k := key(en)
		_, known := b.owned[k]
		if en.Key != nil { // it stands for everything the bytes depend on
			keys[k] = en.Key()
			return b.version == 0 || !known || keys[k] != b.keys[k]
		}
		sums[k] = sum
		return b.version == 0 || !known || en.Reads.Parts&parts != 0 || sum != b.sums[k]
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
	entries, rendered, err := b.e.Render(pick, func(i int, name string, data []byte) error {
		sum := sha256.Sum256(data)
		made.add(i, name, sum)
		if old, ok := b.files[name]; ok && old == sum && b.version != 0 {
			return nil // unchanged: the file on disk stays as it is
		}
		return sink.WriteFile(name, data)
	})
	if err != nil {
		return Result{}, err
	}
	files, owned, unchanged := b.next(entries, rendered, made)
	for name := range b.files {
		if _, ok := files[name]; !ok && b.version != 0 {
			sink.Remove(name)
		}
	}
	stats, err := sink.Commit()
	if err != nil {
		return Result{}, err
	}
	if b.version != 0 {
		stats.Unchanged = unchanged
	}
	b.files, b.owned, b.keys, b.sums, b.version = files, owned, keys, sums, version
	return Result{Rendered: count(rendered), Entries: len(entries), Stats: stats}, nil
}

// next returns the files of the site after a write, the files each entry
// owns, and how many files were rendered with the bytes they had.
func (b *Builder) next(entries []plan.Entry, rendered []bool, made *made) (map[string][sha256.Size]byte, map[string][]string, int) {
	files := make(map[string][sha256.Size]byte, len(b.files))
	owned := make(map[string][]string, len(entries))
	unchanged := 0
	for i := range entries {
		k := key(&entries[i])
		if !rendered[i] {
			owned[k] = b.owned[k]
			for _, name := range owned[k] {
				files[name] = b.files[name]
			}
			continue
		}
		for j, name := range made.names[i] {
			owned[k] = append(owned[k], name)
			sum := made.sums[i][j]
			if old, ok := b.files[name]; ok && old == sum {
				unchanged++
			}
			files[name] = sum
		}
		if owned[k] == nil {
			owned[k] = []string{}
		}
	}
	return files, owned, unchanged
}

// key names an entry from one version of the site to the next: by its
// kind and its files, or its kind alone for the entry whose files are
// known only once made.
func key(en *plan.Entry) string {
	return en.Kind + "\x00" + strings.Join(en.Paths, "\x00")
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

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
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
