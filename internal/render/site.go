package render

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// job is one page to render: its output file and how to render it.
type job struct {
	file string
	// sidebar says that the page shows an article's sidebar.
	sidebar bool
	render  func() ([]byte, error)
}

// Jobs lists every page of the site in a fixed order: front page, topics,
// authors, 404, search, then the articles, whose pages show their sidebars, then
// the redirect pages of their aliases and the pages of withdrawn stories.
func (r *Renderer) jobs(s *site.Site) []job {
	jobs := []job{{"index.html", false, func() ([]byte, error) { return r.Front(s) }}}
	for _, t := range s.Topics {
		jobs = append(jobs, job{route.File(t.Path), false, func() ([]byte, error) { return r.Topic(s, t) }})
	}
	for _, au := range s.Authors {
		jobs = append(jobs, job{route.File(au.Path), false, func() ([]byte, error) { return r.Author(s, au) }})
	}
	jobs = append(jobs, job{"404.html", false, func() ([]byte, error) { return r.NotFound(s) }},
		job{route.File(route.SearchPath), false, func() ([]byte, error) { return r.Search(s) }})
	for _, a := range s.Articles {
		jobs = append(jobs, job{route.File(a.Path), true, func() ([]byte, error) { return r.Article(s, a) }})
	}
	for _, al := range s.Aliases {
		jobs = append(jobs, job{route.File(al.Path), false, func() ([]byte, error) { return r.Alias(al) }})
	}
	for _, a := range s.Withdrawn {
		jobs = append(jobs, job{route.File(a.Path), false, func() ([]byte, error) { return r.Withdrawn(s, a) }})
	}
	return jobs
}

// Site renders every page of s and passes each to emit with its output
// file, relative to the output folder ("news/x/index.html"). Pages are
// rendered by up to GOMAXPROCS workers, so emit may be called concurrently
// and in any order; each page's bytes do not depend on that order. emit
// must not keep data once it returns: the memory goes to the next page. The
// fragments that pages ask for with [Page.Cached] are rendered once for
// all of them.
//
// On failure no new pages are started and the error of the first failing
// page in the fixed page order is returned: pages are handed out in that
// order and every page handed out is finished, so the error is the same
// from run to run.
func (r *Renderer) Site(s *site.Site, emit func(file string, data []byte) error) error {
	return r.SiteWhile(s, nil, emit)
}

// SiteWhile is Site for a site whose sidebars are still to be made by
// sidebars (see site.Start), which it calls: the pages without a sidebar
// are rendered while it runs, the article pages once it has returned.
// sidebars may be nil.
func (r *Renderer) SiteWhile(s *site.Site, sidebars func(), emit func(file string, data []byte) error) error {
	cached := *r
	cached.fragments = new(fragments)
	cached.buffers = new(buffers)
	jobs := cached.jobs(s)
	sidebarsDone := make(chan struct{})
	go func() {
		defer close(sidebarsDone)
		if sidebars != nil {
			sidebars()
		}
	}()
	defer func() { <-sidebarsDone }()
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				if jobs[i].sidebar {
					<-sidebarsDone
				}
				if errs[i] = run(jobs[i], emit, cached.buffers); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func run(j job, emit func(string, []byte) error, bufs *buffers) error {
	data, err := j.render()
	if err != nil {
		return err
	}
	err = emit(j.file, data)
	bufs.put(data)
	return err
}
