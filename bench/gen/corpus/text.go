package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// writer makes the text of one article from its own random stream.
type writer struct {
	a     *Article
	r     *rand.Rand
	buf   bytes.Buffer
	named map[int]bool // topics already named in full
}

func newWriter(c *Corpus, i int, r *rand.Rand) *writer {
	return &writer{a: c.Articles[i], r: r, named: make(map[int]bool)}
}

// seed returns the article in its shape.
func (w *writer) seed() []byte {
	if w.a.Headerless {
		w.headerless()
	} else {
		w.header()
	}
	return w.buf.Bytes()
}

// headerless writes body paragraphs and a byline after a blank line.
func (w *writer) headerless() {
	w.line("")
	w.line(w.lead() + " " + w.paragraph())
	for range w.count(3, 23) {
		w.line(w.paragraph())
	}
	w.line("Written By " + pick(w.r, reporters))
}

// header writes the full shape, every section present.
func (w *writer) header() {
	a := w.a
	w.line("T4K3.news")
	w.line(a.Headline)
	w.line(w.dek())
	w.line("")
	w.line(w.sentence())
	w.line(a.AltHeadline)
	for range w.count(3, 24) {
		w.line(w.paragraph())
	}
	w.takeaways()
	for range w.count(1, 3) {
		w.line(w.paragraph())
	}
	w.highlights()
	w.line(fmt.Sprintf("%s %s risk a %s response", capital(pick(w.r, adjectives)), pick(w.r, nouns), pick(w.r, moods)))
	w.line(w.sentence() + " " + w.sentence())
	w.line("The story is far from over.")
	w.line("Enjoyed this? Let your friends know!")
	w.related()
}

// lead is the first sentence of a headerless article, from which convert
// derives its title: the clause before the comma.
func (w *writer) lead() string {
	return fmt.Sprintf("%s %s the %s %s with %s, officials said on Tuesday.", w.topic(0), pick(w.r, verbs),
		pick(w.r, adjectives), pick(w.r, nouns), w.topic(1))
}

func (w *writer) dek() string {
	return fmt.Sprintf("%s and %s face %s questions over the %s %s", w.topic(0), w.topic(1),
		pick(w.r, moods), pick(w.r, adjectives), pick(w.r, nouns))
}

func (w *writer) takeaways() {
	w.line("Key Takeaways")
	for range w.count(2, 4) {
		w.line(fmt.Sprintf("\"We will not sign a %s %s we cannot enforce\"", pick(w.r, adjectives), pick(w.r, nouns)))
		w.line(fmt.Sprintf("A %s line from %s on the %s", pick(w.r, moods), w.topic(w.r.IntN(len(w.a.Topics))), pick(w.r, nouns)))
	}
}

func (w *writer) highlights() {
	w.line("Highlights")
	for range w.count(3, 4) {
		w.line(fmt.Sprintf("- The %s %s %s the %s %s", pick(w.r, adjectives), pick(w.r, nouns),
			pick(w.r, verbs), pick(w.r, adjectives), pick(w.r, nouns)))
	}
}

func (w *writer) related() {
	w.line("Related News")
	for _, ref := range w.a.Related {
		w.line("")
		w.line(ref.Title)
	}
}

// paragraph is three to eight sentences.
func (w *writer) paragraph() string {
	s := make([]string, w.count(3, 8))
	for i := range s {
		s[i] = w.sentence()
	}
	return strings.Join(s, " ")
}

// sentence fills a template with the article's topics.
func (w *writer) sentence() string {
	t := sentences[w.r.IntN(len(sentences))]
	var b strings.Builder
	for {
		before, rest, ok := strings.Cut(t, "{")
		b.WriteString(before)
		if !ok {
			return b.String()
		}
		b.WriteString(w.fill(rest[0]))
		t = rest[2:] // past "x}"
	}
}

// fill is the text of the placeholder {k}.
func (w *writer) fill(k byte) string {
	switch k {
	case 'a':
		return w.topic(0)
	case 'b':
		return w.topic(1)
	case 'c':
		return w.topic(len(w.a.Topics) - 1)
	case 'x':
		return pick(w.r, adjectives) + " " + pick(w.r, nouns)
	case 'n':
		return fmt.Sprint(2 + w.r.IntN(98))
	}
	return pick(w.r, moods)
}

// topic names the article's k-th topic: in full the first time, then as
// a newsroom would, by surname.
func (w *writer) topic(k int) string {
	t := w.a.Topics[k]
	if w.named[t] {
		return topics[t].Short
	}
	w.named[t] = true
	return topics[t].Full
}

// count draws a number in [lo, hi], small numbers more often.
func (w *writer) count(lo, hi int) int {
	return lo + w.r.IntN(1+w.r.IntN(hi-lo+1))
}

func (w *writer) line(s string) {
	w.buf.WriteString(s)
	w.buf.WriteByte('\n')
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
