package search

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/t4k3news/digest/bench/gen/corpus/corpustest"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/cputime"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

var (
	articles = flag.String("articles", "1000,10000", "sizes of the generated corpora BenchmarkIndex indexes")
	memoAdd  = flag.Bool("memoadd", false, "BenchmarkMemoEdit adds a story for each edit, a copy of the one it edits, in place of editing it")
	siteDir  = flag.String("site", "", "a site folder whose content/ BenchmarkIndex indexes instead, such as a converted digest gen corpus")
)

// BenchmarkIndex indexes a generated corpus and reports what it costs
// (time, CPU, allocations) and what it makes: the index's bytes and files,
// and the bytes a query transfers (the script, the manifest and the
// shards of its words) for 100 words of the corpus. Run it with
//
//	go test ./internal/search -run '^$' -bench Index -benchtime 3x -articles 10000
//	go test ./internal/search -run '^$' -bench Index -benchtime 1x -site /tmp/g100k
func BenchmarkIndex(b *testing.B) {
	sizes := strings.Split(*articles, ",")
	if *siteDir != "" {
		sizes = []string{"0"}
	}
	for _, f := range sizes {
		n, err := strconv.Atoi(f)
		if err != nil {
			b.Fatalf("-articles: %v", err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			s := generatedSite(b, n)
			var out map[string]int
			cpu := cputime.Used()
			for b.Loop() {
				out = make(map[string]int)
				err := Write(s, func(file string, data []byte) error { out[file] = len(data); return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cputime.Used()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			total := 0
			for _, n := range out {
				total += n
			}
			b.ReportMetric(float64(total)/1e6, "index-MB")
			b.ReportMetric(float64(len(out)), "files")
			reportQueries(b, s, out)
		})
	}
}

func generatedSite(b *testing.B, n int) *site.Site {
	root := *siteDir
	if root == "" {
		root = corpustest.Site(b, n, "../..")
		defer os.RemoveAll(root)
	}
	docs, err := content.Load(os.DirFS(root), "content")
	if err != nil {
		b.Fatal(err)
	}
	routes, _ := route.New("/")
	s, err := site.New(docs, routes)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// reportQueries reports the bytes that queries of one and two words
// transfer, for two samples of 100 words: words as they occur in the
// bodies (common words often), and distinct words of the vocabulary
// (rare ones as often as common ones).
func reportQueries(b *testing.B, s *site.Site, sizes map[string]int) {
	script, err := os.ReadFile("../../static/search.js")
	if err != nil {
		b.Fatal(err)
	}
	var m Manifest
	manifest := sizes[ManifestFile]
	if err := json.Unmarshal(manifestOf(b, s), &m); err != nil {
		b.Fatal(err)
	}
	for _, sample := range []struct {
		name  string
		words []string
	}{{"occurrences", sampleOccurrences(s, 100)}, {"vocabulary", sampleVocabulary(s, 100)}} {
		var one, two []int
		for i, w := range sample.words {
			shard := sizes[path.Join(Dir, ShardFile(prefixOf(&m, w)))]
			one = append(one, len(script)+manifest+shard)
			next := sample.words[(i+1)%len(sample.words)]
			nextFile := ShardFile(prefixOf(&m, next))
			if nextFile != ShardFile(prefixOf(&m, w)) {
				shard += sizes[path.Join(Dir, nextFile)]
			}
			two = append(two, len(script)+manifest+shard)
		}
		for _, q := range []struct {
			name  string
			bytes []int
		}{{"1word", one}, {"2words", two}} {
			slices.Sort(q.bytes)
			b.ReportMetric(float64(q.bytes[len(q.bytes)/2])/1e3, sample.name+"-"+q.name+"-p50-KB")
			b.ReportMetric(float64(q.bytes[len(q.bytes)*9/10])/1e3, sample.name+"-"+q.name+"-p90-KB")
			b.ReportMetric(float64(q.bytes[len(q.bytes)-1])/1e3, sample.name+"-"+q.name+"-max-KB")
		}
		b.Logf("%s sample: %q", sample.name, sample.words)
	}
	b.Logf("script %d B, manifest %d B", len(script), manifest)
}

func manifestOf(b *testing.B, s *site.Site) []byte {
	var data []byte
	err := Write(s, func(file string, d []byte) error {
		if file == ManifestFile {
			data = d
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// prefixOf is the prefix of the shard the script reads for word w.
func prefixOf(m *Manifest, w string) string {
	p := ""
	for i, r := range w {
		next, split := m.Split[p]
		if !split || !strings.ContainsRune(next, r) {
			break
		}
		p = w[:i+utf8.RuneLen(r)]
	}
	return p
}

// sampleOccurrences is n words of the stories' bodies, evenly spaced
// through the corpus.
func sampleOccurrences(s *site.Site, n int) []string {
	var all []string
	for _, a := range s.Articles {
		Tokens(a.Doc.Body, func(t Token) { all = append(all, t.Term) })
	}
	var out []string
	for i := range n {
		out = append(out, all[i*len(all)/n])
	}
	return out
}

// sampleVocabulary is n distinct words of the index, evenly spaced through
// their sorted list.
func sampleVocabulary(s *site.Site, n int) []string {
	terms := New(s).Terms()
	var out []string
	for i := range n {
		out = append(out, terms[i*len(terms)/n])
	}
	return out
}

// BenchmarkMemoEdit writes the index of a generated corpus with a Memo
// after each edit of one story's dek through site.Live, as build --watch
// does, and reports the CPU an edit costs. Run it with
//
//	go test ./internal/search -run '^$' -bench MemoEdit -benchtime 50x -articles 10000
func BenchmarkMemoEdit(b *testing.B) {
	for _, f := range strings.Split(*articles, ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			b.Fatalf("-articles: %v", err)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			root := corpustest.Site(b, n, "../..")
			docs, err := content.Load(os.DirFS(root), "content")
			if err != nil {
				b.Fatal(err)
			}
			os.RemoveAll(root)
			routes, _ := route.New("/")
			l, err := site.NewLive(docs, routes)
			if err != nil {
				b.Fatal(err)
			}
			memo := NewMemo()
			discard := func(string, []byte) error { return nil }
			if err := WriteMemo(l.Site(), memo, discard); err != nil {
				b.Fatal(err)
			}
			slices.SortFunc(docs, func(x, y *content.Document) int { return strings.Compare(x.Path, y.Path) })
			d := *docs[len(docs)/2]
			var cpu time.Duration
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				d.Meta.Description = fmt.Sprintf("A dek saved %d times", i+1)
				e := d
				if *memoAdd {
					e.Path, e.Meta.Slug = fmt.Sprintf("content/added-%d.md", i), fmt.Sprintf("added-%d", i)
				}
				if err := l.Update([]*content.Document{&e}, nil); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				c := cputime.Used()
				if err := WriteMemo(l.Site(), memo, discard); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Used() - c
			}
			b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
		})
	}
}
