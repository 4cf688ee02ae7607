// Package corpus makes a synthetic corpus of seed texts for benchmarks: N
// articles in both seed shapes (see internal/seed), of varied length, about
// topics drawn from a fixed vocabulary of people, places and organisations
// with a skewed distribution (a few topics carry thousands of articles,
// most a handful), and with related-news titles that name other articles of
// the corpus exactly, as near-duplicates, or not at all. The related index
// and the topic pages therefore do the work they do on a real archive.
//
// A corpus depends only on its Options: the same count and seed give the
// same bytes on every machine (math/rand/v2 with PCG sources, never a
// map's order or the clock), and the seed files the same modification
// times (see Corpus.Published).
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
)

// Options says what corpus to make.
type Options struct {
	// Count is the number of articles.
	Count int
	// Seed selects the corpus.
	Seed uint64
}

// Corpus is a planned corpus: every article's headline, topics and related
// titles. The text of an article is made when it is written.
type Corpus struct {
	opts     Options
	Articles []*Article
}

// Article is one planned seed.
type Article struct {
	// Name is the seed's file name, e.g. "000042_gen.txt"; names sort in
	// the order of Corpus.Articles.
	Name string
	// Headerless articles have no header, only body paragraphs and a
	// byline; their title is derived by convert.
	Headerless bool
	// Headline and AltHeadline are empty for headerless articles.
	Headline, AltHeadline string
	// Topics index the topic vocabulary (see Topic); the first is the
	// article's main subject.
	Topics []int
	// Related are the article's related-news titles, in order.
	Related []Ref
}

// Ref is a related-news title and the article it was made to name.
type Ref struct {
	Title string
	// Target is the index in Corpus.Articles of the article named, or -1
	// for a title that names no article.
	Target int
	// Kind says how Title was made from the target's headline.
	Kind RefKind
}

// RefKind is how a related title relates to the headline it names.
type RefKind int

// Kinds of related title.
const (
	Exact     RefKind = iota // the headline in another letter case
	Near                     // the headline with one word added or dropped
	Unrelated                // words no headline uses
)

// New plans the corpus of opts.
func New(opts Options) *Corpus {
	c := &Corpus{opts: opts}
	p := newPlanner(opts)
	c.Articles = p.plan()
	return c
}

// Seed returns the text of article i.
func (c *Corpus) Seed(i int) []byte {
	r := rand.New(rand.NewPCG(c.opts.Seed^textStream, uint64(i)))
	return newWriter(c, i, r).seed()
}

// Publishing pace of a generated corpus: PerDay articles a day, the last
// at Last, so that a corpus spans months or years as a real digest does
// (10,000 articles about a year and four months) and its archive has
// months to page through.
const PerDay = 20

// Last is when the newest article of every corpus was published.
var Last = time.Date(2026, 6, 30, 18, 0, 0, 0, time.UTC)

// Published is when article i was published: the seed file's modification
// time, which convert takes as the date of a new article. Articles are
// published in the order of their names, PerDay a day, the last at Last.
func (c *Corpus) Published(i int) time.Time {
	return Last.Add(-time.Duration(len(c.Articles)-1-i) * (24 * time.Hour / PerDay))
}

// Write writes every article as DIR/seeds/<name>. It refuses a folder whose
// seeds/ already holds files, so that two corpora never mix.
func (c *Corpus) Write(dir string) error {
	seeds := filepath.Join(dir, "seeds")
	if err := os.MkdirAll(seeds, 0o755); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if ents, err := os.ReadDir(seeds); err != nil || len(ents) > 0 {
		if err == nil {
			err = fmt.Errorf("%s is not empty", seeds)
		}
		return fmt.Errorf("gen: %w", err)
	}
	return c.writeAll(seeds)
}

// writeAll writes the seeds from one goroutine per CPU.
func (c *Corpus) writeAll(seeds string) error {
	n := runtime.GOMAXPROCS(0)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Go(func() {
			for i := k; i < len(c.Articles) && errs[k] == nil; i += n {
				name := filepath.Join(seeds, c.Articles[i].Name)
				if errs[k] = os.WriteFile(name, c.Seed(i), 0o644); errs[k] == nil {
					errs[k] = os.Chtimes(name, c.Published(i), c.Published(i))
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("gen: %w", err)
		}
	}
	return nil
}

// Streams of the PCG sources, so that planning and each article's text
// draw from independent sequences.
const (
	planStream = 0x706c616e // "plan"
	textStream = 0x74657874 // "text"
)
