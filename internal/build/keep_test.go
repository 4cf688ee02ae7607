package build_test

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/site"
)

// The clocks of TestRebuild: at the first the generated stories (dated
// corpustest.Date) are in the news sitemap and the scheduled story is
// not out; at the second, the other way round.
var (
	clock1 = corpustest.Date.Add(12 * time.Hour)
	clock2 = corpustest.Date.Add(72 * time.Hour)
)

const scheduled = `---
title: A story for Sunday
slug: sunday-story
date: 2025-08-21T09:00:00Z
publishDate: 2025-08-23T06:00:00Z
---
It goes out on Sunday morning.
`

// moved has an old address, whose page shows its title; withdrawn's page
// shows its reason. Their pages read the config and their story alone.
const (
	moved = `---
title: A story that moved
slug: moved-story
date: 2025-08-20T09:00:00Z
aliases: [news/old-address/]
---
It had another address.
`
	withdrawn = `---
title: A story taken down
slug: taken-down
date: 2025-08-20T08:00:00Z
withdrawn: It named the wrong man.
---
Gone.
`
)

// TestRebuild changes one kind of source at a time and wants each rebuild
// over the last one to render what the change reaches and keep the rest,
// and to leave the same site as a fresh build of the same sources at the
// same clock: content, templates, config, static files, the clock
// crossing a publish date and the news sitemap's two days, output files
// damaged, added or removed, a manifest damaged or missing, and a failed
// build in between.
func TestRebuild(t *testing.T) {
	src := corpustest.Site(t, 30, "../..")
	edit(t, src, "digest.yaml", `(?m)^cards: \d+$`, "cards: 3")
	write(t, src, "content/sunday-story.md", scheduled)
	write(t, src, "content/moved-story.md", moved)
	write(t, src, "content/taken-down.md", withdrawn)
	dest := filepath.Join(src, "public")
	r := rebuilder{t: t, src: src, dest: dest, now: clock1, cards: card.OpenCache(t.TempDir())}

	all := r.build("first build", 0).Rendered
	if all == 0 {
		t.Fatal("the first build rendered nothing")
	}
	r.want("unchanged", r.build("unchanged", 0), 0, all)

	story := firstStory(t, src)
	edit(t, src, story, `(?m)\z`, "\nOne more sentence.\n")
	res := r.build("content edited", 0)
	r.wantSome("content edited", res, all)

	edit(t, src, "content/moved-story.md", `title: A story that moved`, "title: A story that moved house")
	edit(t, src, "content/taken-down.md", `the wrong man`, "the wrong woman")
	r.wantSome("moved and withdrawn stories edited", r.build("moved and withdrawn stories edited", 0), all)
	if res.Cards.Drawn != 0 {
		t.Errorf("content edited: %d cards drawn for a change to the body, which no card shows", res.Cards.Drawn)
	}

	edit(t, src, "templates/layout.html", `<body>`, "<body>\n<!-- edited -->")
	res = r.build("template edited", 0)
	r.wantSome("template edited", res, all)
	if res.Cards.Drawn != 0 || res.Cards.Cached == 0 {
		t.Errorf("template edited: share images %+v, want all kept, which no template draws", res.Cards)
	}

	edit(t, src, "digest.yaml", `(?m)^title: .*$`, "title: Another Digest")
	// Every output reads the config.
	r.want("config edited", r.build("config edited", 0), all, 0)

	edit(t, src, "static/style.css", `\z`, "\n/* edited */\n")
	r.want("static file edited", r.build("static file edited", 0), 1, all-1)

	r.now = clock2
	res = r.build("clock moved", 1)
	all = res.Rendered + res.Kept // the story that went out has outputs of its own
	r.wantSome("clock past a publish date and the news sitemap's two days", res, all)
	r.want("unchanged at the later clock", r.build("unchanged at the later clock", 0), 0, all)

	page := filepath.Join(dest, "news", "sunday-story", "index.html")
	data := read(t, page)
	write(t, page, strings.Repeat("x", len(data)))
	r.want("output file damaged", r.build("output file damaged", 0), 1, all-1)

	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	r.want("output file deleted", r.build("output file deleted", 0), 1, all-1)

	write(t, filepath.Join(dest, "news", "extra.html"), "not ours")
	if res := r.build("file added to the output", 0); res.Removed != 1 {
		t.Errorf("file added to the output: %d files removed, want 1", res.Removed)
	}

	manifest := filepath.Join(src, ".public.manifest")
	write(t, manifest, "digest manifest 1\nnot a manifest")
	r.want("manifest damaged", r.build("manifest damaged", 0), all, 0)
	if err := os.Remove(manifest); err != nil {
		t.Fatal(err)
	}
	r.want("manifest deleted", r.build("manifest deleted", 0), all, 0)

	before := snapshot(t, dest)
	write(t, src, "content/broken.md", "---\ntitel: no\n---\n")
	if _, err := r.try(); err == nil {
		t.Fatal("a build with a broken content file succeeded")
	}
	if diff := differ(before, snapshot(t, dest)); diff != "" {
		t.Fatalf("a failed build changed %s", diff)
	}
	if err := os.Remove(filepath.Join(src, "content", "broken.md")); err != nil {
		t.Fatal(err)
	}
	r.want("fixed after a failed build", r.build("fixed after a failed build", 0), 0, all)
}

// rebuilder builds one site over and over into dest.
type rebuilder struct {
	t         *testing.T
	src, dest string
	now       time.Time
	cards     *card.Cache // of the fresh builds, apart from the site's
}

func (r *rebuilder) try() (build.Result, error) {
	return buildAt(r.src, r.dest, r.now)
}

// build rebuilds the site and checks that it is the site a fresh build
// makes; wantWritten > 0 says that files must have been written.
func (r *rebuilder) build(what string, wantWritten int) build.Result {
	r.t.Helper()
	res, err := r.try()
	if err != nil {
		r.t.Fatalf("%s: %v", what, err)
	}
	if diff := differ(r.fresh(), snapshot(r.t, r.dest)); diff != "" {
		r.t.Fatalf("%s: %s differs from a fresh build's", what, diff)
	}
	if wantWritten > 0 && res.Written == 0 {
		r.t.Errorf("%s: nothing written", what)
	}
	return res
}

// fresh builds the site in memory, as a build with no earlier site
// makes it, and returns each file's sum.
func (r *rebuilder) fresh() map[string][sha256.Size]byte {
	r.t.Helper()
	in, err := load.Load(os.DirFS(r.src), load.Options{})
	if err != nil {
		r.t.Fatal(err)
	}
	m, err := build.Model(in, site.Publish{Now: r.now, Zone: in.Config.Location()})
	if err != nil {
		r.t.Fatal(err)
	}
	m.Cards = r.cards
	var mu sync.Mutex
	sums := make(map[string][sha256.Size]byte)
	err = plan.Build(m, func(p string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		sums[p] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		r.t.Fatal(err)
	}
	return sums
}

// want checks the numbers of outputs rendered and kept.
func (r *rebuilder) want(what string, res build.Result, rendered, kept int) {
	r.t.Helper()
	if res.Rendered != rendered || res.Kept != kept {
		r.t.Errorf("%s: %d outputs rendered and %d kept, want %d and %d", what, res.Rendered, res.Kept, rendered, kept)
	}
}

// wantSome wants some outputs rendered and some kept, all of them.
func (r *rebuilder) wantSome(what string, res build.Result, all int) {
	r.t.Helper()
	if res.Rendered == 0 || res.Kept == 0 || res.Rendered+res.Kept != all {
		r.t.Errorf("%s: %d outputs rendered and %d kept, want some of each and %d in all", what, res.Rendered, res.Kept, all)
	}
}

func buildAt(src, dest string, now time.Time) (build.Result, error) {
	return build.Build(build.Options{Source: os.DirFS(src), Destination: dest,
		Publish: site.Publish{Now: now}, CardCache: filepath.Join(src, ".cache", "cards")})
}

// snapshot returns the sum of every file below dir, by slash path.
func snapshot(t *testing.T, dir string) map[string][sha256.Size]byte {
	t.Helper()
	sums := make(map[string][sha256.Size]byte)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		sums[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func firstStory(t *testing.T, src string) string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(src, "content", "*.md"))
	if err != nil || len(names) == 0 {
		t.Fatal("no content", err)
	}
	rel, _ := filepath.Rel(src, names[0])
	return rel
}

// edit replaces the matches of the regular expression re in the file
// name of src.
func edit(t *testing.T, src, name, re, repl string) {
	t.Helper()
	p := filepath.Join(src, name)
	data := regexp.MustCompile(re).ReplaceAll(read(t, p), []byte(repl))
	write(t, p, string(data))
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// write writes the file name, or name below dir.
func write(t *testing.T, parts ...string) {
	t.Helper()
	name := filepath.Join(parts[:len(parts)-1]...)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(parts[len(parts)-1]), 0o644); err != nil {
		t.Fatal(err)
	}
}
