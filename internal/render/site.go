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
	file   string
	render func() ([]byte, error)
}

// Jobs lists every page of the site in a fixed order: front page, articles,
// topics, 404.
func (r *Renderer) jobs(s *site.Site) []job {
	jobs := []job{{"index.html", func() ([]byte, error) { return r.Front(s) }}}
	for _, a := range s.Articles {
		jobs = append(jobs, job{route.File(a.Path), func() ([]byte, error) { return r.Article(s, a) }})
	}
	for _, t := range s.Topics {
		jobs = append(jobs, job{route.File(t.Path), func() ([]byte, error) { return r.Topic(s, t) }})
	}
	return append(jobs, job{"404.html", func() ([]byte, error) { return r.NotFound(s) }})
}

// Site renders every page of s and passes each to emit with its output
// file, relative to the output folder ("news/x/index.html"). Pages are
// rendered by up to GOMAXPROCS workers, so emit may be called concurrently
// and in any order; each page's bytes do not depend on that order. The
// fragments that pages ask for with [Page.Cached] are rendered once for
// all of them.
//
// On failure no new pages are started and the error of the first failing
// page in the fixed page order is returned: pages are handed out in that
// order and every page handed out is finished, so the error is the same
// from run to run.
func (r *Renderer) Site(s *site.Site, emit func(file string, data []byte) error) error {
	cached := *r
	cached.fragments = new(fragments)
	jobs := cached.jobs(s)
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
				if errs[i] = run(jobs[i], emit); errs[i] != nil {
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

func run(j job, emit func(string, []byte) error) error {
	data, err := j.render()
	if err != nil {
		return err
	}
	return emit(j.file, data)
}
