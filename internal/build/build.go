// Package build turns a site's sources into its output folder: it loads
// them (internal/load), makes the whole site model, renders every output
// that internal/plan lists, and commits the result to the destination in
// one step, so that a failed build leaves the last good site.
package build

import (
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/output"
	"github.com/t4k3news/digest/internal/plan"
	"github.com/t4k3news/digest/internal/site"
)

// Options says what to build and where.
type Options struct {
	// Source is the site's root: content/, templates/ and static/ are read
	// from it.
	Source fs.FS
	// Destination is the output folder on disk.
	Destination string
	// Config is the site config; nil means read config.File from Source
	// (the defaults when there is none).
	Config *config.Config
	// BaseURL overrides the config's base URL, the URL the site is
	// published at, unless it is "".
	BaseURL string
	// Publish decides which stories are in the site, at the build's clock.
	Publish site.Publish
	// CardCache is the folder that keeps the share images drawn
	// (internal/card), outside the destination; "" draws them all.
	CardCache string
}

// Result counts what a build did.
type Result struct {
	Articles, Topics int
	output.Stats
	Cards card.Stats
	// Rendered and Kept count the outputs (plan's entries) rendered, and
	// kept from the last build without rendering them.
	Rendered, Kept int
	Elapsed        time.Duration
	// Schedule is what goes out or comes down after the build's clock.
	Schedule site.Schedule
	// Warnings stopped nothing but are worth telling: tags past the cap,
	// a base URL without a host.
	Warnings diag.List
	// Steps are where the time went, in order: reading the sources, making
	// the model, each kind of output (internal/plan), committing.
	Steps []Step
}

// A Step is one stage of a build and the wall time it took.
type Step struct {
	Name string
	Took time.Duration
}

// Timings lists the steps, one a line, with the share of the build each
// took: what "digest build --timings" prints.
func (r Result) Timings() string {
	var b strings.Builder
	for _, s := range r.Steps {
		share := 0.0
		if r.Elapsed > 0 {
			share = 100 * s.Took.Seconds() / r.Elapsed.Seconds()
		}
		fmt.Fprintf(&b, "%-14s %8.3fs %5.1f%%\n", s.Name, s.Took.Seconds(), share)
	}
	return b.String()
}

// Pages is the number of files in the new site.
func (r Result) Pages() int { return r.Written + r.Unchanged }

func (r Result) String() string {
	s := fmt.Sprintf("built %d files (%d articles, %d topics) in %v: %d written, %d unchanged, %d removed",
		r.Pages(), r.Articles, r.Topics, r.Elapsed.Round(time.Millisecond), r.Written, r.Unchanged, r.Removed)
	if n := r.Schedule.Scheduled; n > 0 {
		s += fmt.Sprintf("; %d scheduled, the next at %s", n, r.Schedule.Next.Format(time.RFC3339))
	}
	s += fmt.Sprintf("\nshare images: %d drawn, %d from the cache", r.Cards.Drawn, r.Cards.Cached)
	return s + fmt.Sprintf("\noutputs: %d rendered, %d kept from the last build", r.Rendered, r.Kept)
}

// Build builds the site. Errors in the sources are reported together (a
// diag.List) and leave the destination as it was. An output that the last
// build of the destination made from the same inputs is kept as it is,
// unrendered, and a site whose sources did not change is not made at all
// (see keep.go).
func Build(opts Options) (Result, error) {
	start := time.Now()
	cfg, err := load.Config(opts.Source, load.Options{Config: opts.Config, BaseURL: opts.BaseURL})
	if err != nil {
		return Result{}, err
	}
	pub := opts.Publish
	pub.Zone, pub.Config = cfg.Location(), cfg
	last := readManifest(opts.Destination)
	src, err := load.Hash(opts.Source)
	if err != nil { // Load says what is wrong
		last = nil
	}
	key := sourceKey(load.ConfigSum(cfg), pub, src)
	if last != nil && last.Site == key && last.covers(pub.Now) {
		res, same, err := unchanged(opts.Destination, last)
		if same || err != nil {
			res.Elapsed = time.Since(start)
			res.Steps = []Step{{"unchanged", res.Elapsed}}
			return res, err
		}
	}
	var steps []Step
	mark := start
	step := func(name string) {
		now := time.Now()
		steps = append(steps, Step{name, now.Sub(mark)})
		mark = now
	}
	in, err := load.Load(opts.Source, load.Options{Config: cfg})
	if err != nil {
		return Result{}, err
	}
	step("load")
	m, err := Model(in, pub)
	if err != nil {
		return Result{}, err
	}
	m.Cards = card.OpenCache(opts.CardCache)
	w, err := output.Begin(opts.Destination)
	if err != nil {
		return Result{}, err
	}
	k := newKeeper(w, last, in, pub, src, m.Site)
	step("model")
	if err := plan.BuildKeep(m, w.WriteFile, k, step); err != nil {
		w.Abort()
		return Result{}, err
	}
	stats, err := w.Commit()
	if err != nil {
		return Result{}, err
	}
	if err := m.Cards.Prune(); err != nil {
		return Result{}, err
	}
	res := Result{Articles: len(m.Site.Articles), Topics: len(m.Site.Topics), Stats: stats, Cards: m.Cards.Stats(),
		Rendered: int(k.rendered.Load()), Kept: int(k.kept.Load()), Schedule: pub.Schedule(in.Docs), Warnings: in.Warnings}
	// The manifest only saves the next build time: without it, that build
	// renders every output.
	newManifest(key, pub, m.Site, res, k.entries(w.Files())).write(opts.Destination)
	step("commit")
	res.Steps, res.Elapsed = steps, time.Since(start)
	return res, nil
}

// unchanged reports whether the destination holds the site that last
// describes, every file intact, and then returns what the build that made
// it reported.
func unchanged(dest string, last *manifest) (Result, bool, error) {
	w, err := output.Begin(dest)
	if err != nil {
		return Result{}, false, err
	}
	defer w.Abort() // leaves the destination as it is
	files := last.files()
	same, err := w.Same(files)
	if !same || err != nil {
		return Result{}, false, err
	}
	warns := make(diag.List, len(last.Warnings))
	for i := range last.Warnings {
		warns[i] = &last.Warnings[i]
	}
	return Result{Articles: last.Articles, Topics: last.Topics, Stats: output.Stats{Unchanged: len(files)}, Kept: len(last.Entries),
		Cards: card.Stats{Cached: last.Cards}, Schedule: last.Schedule, Warnings: warns}, true, nil
}

// Model makes the whole model of the stories pub includes (at the time
// zone pub names; see site.Publish), every
// article's sidebar included, before any output is rendered: nothing an
// output reads changes while outputs render, so their bytes do not depend
// on the order they are rendered in. The images stories may name are
// those of in.
func Model(in *load.Inputs, pub site.Publish) (*plan.Model, error) {
	pub.Images = load.Images(in.Static)
	s, err := pub.New(in.Docs, in.Routes)
	if err != nil {
		return nil, err
	}
	s.SetPagerSize(in.Config.Pagination.PagerSize)
	return &plan.Model{Config: in.Config, Site: s, Pages: in.Templates.ForSite(), Static: in.Static}, nil
}
