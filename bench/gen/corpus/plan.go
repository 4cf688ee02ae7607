package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Topic is an entry of the topic vocabulary: how it is named in full and
// for short (a person's surname).
type Topic struct {
	Full, Short string
	Place       bool
}

// topics interleaves places, people and organisations, so that each kind
// has large and small topics: the distribution favours the first entries.
var topics = func() []Topic {
	var out []Topic
	lists := [][]string{places, people, orgs}
	for i := 0; ; i++ {
		added := false
		for k, l := range lists {
			if i < len(l) {
				out = append(out, newTopic(l[i], k))
				added = true
			}
		}
		if !added {
			return out
		}
	}
}()

// newTopic makes a topic of the kind of list k: places, people, orgs.
func newTopic(name string, k int) Topic {
	t := Topic{Full: name, Short: name, Place: k == 0}
	if k == 1 {
		t.Short = name[strings.LastIndexByte(name, ' ')+1:]
	}
	return t
}

// Topics returns the topic vocabulary, most frequent first.
func Topics() []Topic { return topics }

// Shares of the corpus, in percent.
const (
	headerlessPct = 15 // articles in the headerless shape
	exactPct      = 45 // related titles naming a headline exactly
	nearPct       = 35 // ... as a near-duplicate; the rest name nothing
)

// planner draws the plan of a corpus from one random stream.
type planner struct {
	n       int
	r       *rand.Rand
	zipf    *rand.Zipf
	names   *rand.Zipf      // over the corpus's project names
	seen    map[string]bool // normalised headlines taken
	byTopic [][]int         // topic → header-shaped articles whose first topic it is
}

func newPlanner(opts Options) *planner {
	r := rand.New(rand.NewPCG(opts.Seed, planStream))
	return &planner{
		n:       opts.Count,
		r:       r,
		zipf:    rand.NewZipf(r, 1.3, 3, uint64(len(topics)-1)),
		names:   rand.NewZipf(r, 1.1, 2, uint64(names(opts.Count)-1)),
		seen:    make(map[string]bool),
		byTopic: make([][]int, len(topics)),
	}
}

// plan makes every article's headline and topics, then their related
// titles, which may name any article before or after them.
func (p *planner) plan() []*Article {
	width := len(fmt.Sprint(p.n - 1))
	arts := make([]*Article, p.n)
	for i := range arts {
		a := &Article{Name: fmt.Sprintf("%0*d_gen.txt", max(width, 3), i), Topics: p.topicsOf()}
		a.Headerless = p.r.IntN(100) < headerlessPct
		if !a.Headerless {
			a.Headline = p.headline(a.Topics)
			a.AltHeadline = p.altHeadline(a)
			p.byTopic[a.Topics[0]] = append(p.byTopic[a.Topics[0]], i)
		}
		arts[i] = a
	}
	for i, a := range arts {
		if !a.Headerless {
			a.Related = p.related(arts, i)
		}
	}
	return arts
}

// topicsOf draws two to four distinct topics.
func (p *planner) topicsOf() []int {
	want := 2 + p.r.IntN(3)
	var ts []int
	for len(ts) < want {
		t := int(p.zipf.Uint64())
		if !contains(ts, t) {
			ts = append(ts, t)
		}
	}
	return ts
}

// headline draws a headline no other article has, such as "Kovalenko
// presses Drelvan port tariffs in Lisbon amid protests".
func (p *planner) headline(ts []int) string {
	for {
		h := fmt.Sprintf("%s %s %s %s %s %s %s", topics[ts[0]].Short, pick(p.r, verbs), p.name(),
			pick(p.r, adjectives), pick(p.r, nouns), linkWord(ts[1]), topics[ts[1]].Short)
		if p.r.IntN(2) == 0 {
			h += " " + pick(p.r, tails)
		}
		if key := strings.ToLower(h); !p.seen[key] {
			p.seen[key] = true
			return h
		}
	}
}

// name draws the name of a project, deal or bill, such as "Drelvan".
// Their number grows with the corpus, as an archive's vocabulary does
// (Heaps' law): headlines share topics and common words, but a larger
// archive also has more particular ones.
func (p *planner) name() string {
	return projectName(int(p.names.Uint64()))
}

// names is the number of project names of a corpus of n articles.
func names(n int) int { return 100 + n/4 }

// projectName is the i-th project name, made of syllables.
func projectName(i int) string {
	var b strings.Builder
	for k := 0; k < 2 || i > 0; k++ {
		b.WriteString(syllables[i%len(syllables)])
		i /= len(syllables)
	}
	return capital(b.String())
}

// linkWord joins the second topic to a headline: "in" a place, "with" the
// others.
func linkWord(t int) string {
	if topics[t].Place {
		return "in"
	}
	return "with"
}

// altHeadline is another headline, such as "Kovalenko backs rail levy as
// Lisbon turns uneasy", kept unique as well.
func (p *planner) altHeadline(a *Article) string {
	for {
		h := fmt.Sprintf("%s %s %s %s as %s turns %s", topics[a.Topics[0]].Short, pick(p.r, verbs),
			pick(p.r, adjectives), pick(p.r, nouns), topics[a.Topics[1]].Short, pick(p.r, moods))
		if key := strings.ToLower(h); !p.seen[key] {
			p.seen[key] = true
			return h
		}
	}
}

// related draws three to eight related titles for article i.
func (p *planner) related(arts []*Article, i int) []Ref {
	n := 3 + p.r.IntN(6)
	var refs []Ref
	used := []int{i}
	for range n {
		k := p.r.IntN(100)
		if k >= exactPct+nearPct {
			refs = append(refs, Ref{Title: p.unrelated(), Target: -1, Kind: Unrelated})
			continue
		}
		j := p.target(arts[i], used)
		if j < 0 {
			continue
		}
		used = append(used, j)
		if k < exactPct {
			refs = append(refs, Ref{Title: p.exact(arts[j].Headline), Target: j, Kind: Exact})
		} else {
			refs = append(refs, Ref{Title: p.near(arts[j].Headline), Target: j, Kind: Near})
		}
	}
	return refs
}

// target picks a header-shaped article on one of a's topics that is not in
// used, or -1 after a few tries.
func (p *planner) target(a *Article, used []int) int {
	for range 8 {
		list := p.byTopic[a.Topics[p.r.IntN(len(a.Topics))]]
		if len(list) == 0 {
			continue
		}
		if j := list[p.r.IntN(len(list))]; !contains(used, j) {
			return j
		}
	}
	return -1
}

// exact writes the headline in another letter case.
func (p *planner) exact(h string) string {
	if p.r.IntN(2) == 0 {
		return strings.ToLower(h)
	}
	words := strings.Fields(h)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// near adds a word no headline uses, or drops the second word (the verb
// after a one-word subject) of a long headline: dropped from a short one,
// the rest too often matches another headline as well.
func (p *planner) near(h string) string {
	words := strings.Fields(h)
	if len(words) < 8 || p.r.IntN(2) == 0 {
		return h + " " + pick(p.r, fresh)
	}
	return strings.Join(append(words[:1:1], words[2:]...), " ")
}

// unrelated is a title made of words no headline uses.
func (p *planner) unrelated() string {
	t := pick(p.r, offTopic)
	return strings.ToUpper(t[:1]) + t[1:]
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func contains(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
