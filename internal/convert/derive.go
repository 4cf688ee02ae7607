package convert

import (
	"strings"
	"unicode"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/seed"
)

// Bounds on derived fields, in runes.
const (
	maxTitle   = 90
	maxSummary = 300
)

// derive fills the title, description and summary that a lacks, from its
// alternative headline or its first sentences, and warns about each.
func derive(a *seed.Article, m *content.Meta, warns *diag.List) {
	sentences, line := leadSentences(a)
	if m.Title == "" && a.AltHeadline != "" {
		m.Title = a.AltHeadline
		warns.Add(a.Name, a.Lines.AltHeadline, "no headline; title taken from the alternative headline")
	}
	if m.Title == "" && len(sentences) > 0 {
		// A sentence of punctuation alone ("!") makes no headline.
		if t := title(sentences[0]); t != "" {
			m.Title = t
			warns.Add(a.Name, line, "no headline; title derived from the first sentence: %q", m.Title)
			if len(sentences) > 1 {
				afterHeadline(a, m, sentences[1:], line, warns)
				return
			}
		}
	}
	if m.Title == "" {
		m.Title = strings.TrimSuffix(m.Seed, ".txt")
		warns.Add(a.Name, 0, "no headline and no sentence to derive one; title is the seed's name")
	}
	if m.Description == "" && len(sentences) > 0 {
		m.Description = bound(sentences[0], maxSummary)
		warns.Add(a.Name, line, "no dek; description derived from the first sentence")
	}
	if m.Summary == "" && len(sentences) > 0 {
		m.Summary = summary(sentences)
		warns.Add(a.Name, line, "no lede; summary derived from the first sentences")
	}
}

// afterHeadline fills the description and summary of an article whose
// headline was made from its first sentence, so that neither says it
// again: the summary starts with the sentences after it, rest, and the
// description is left empty (a page then describes itself by its summary).
func afterHeadline(a *seed.Article, m *content.Meta, rest []string, line int, warns *diag.List) {
	if m.Description == "" {
		warns.Add(a.Name, line, "no dek; left empty, since the first sentence is the headline")
	}
	switch {
	case m.Summary == "":
		m.Summary = summary(rest)
		warns.Add(a.Name, line, "no lede; summary derived from the sentences after the headline")
	case strings.HasPrefix(m.Summary, m.Title):
		m.Summary = summary(rest)
		warns.Add(a.Name, a.Lines.Lede, "the lede starts with the headline; summary taken from the sentences after it")
	}
}

// leadSentences are the sentences the derived fields come from, those of
// the lede, else of the first two body paragraphs, and the line they start
// on.
func leadSentences(a *seed.Article) ([]string, int) {
	var paras []seed.Para
	switch {
	case a.Lede != "":
		paras = []seed.Para{{Text: a.Lede, Line: a.Lines.Lede}}
	case len(a.Body) > 0:
		paras = a.Body[:min(2, len(a.Body))]
	case len(a.Analysis) > 0:
		paras = a.Analysis[:1]
	default:
		return nil, 0
	}
	var out []string
	for _, p := range paras {
		out = append(out, splitSentences(p.Text)...)
	}
	return out, paras[0].Line
}

// title makes a headline of a sentence: its first clause, cut to at most
// maxTitle runes before a phrase ("... European leaders | at the White
// House") or else at a word boundary, without a dangling "for" or "the"
// or final punctuation.
func title(s string) string {
	if i := strings.IndexAny(s, ",;:—–("); i > 0 && len([]rune(s[:i])) >= 20 {
		s = s[:i]
	}
	words := strings.Fields(cut(s, maxTitle))
	if len([]rune(s)) > maxTitle {
		words = cutAtPhrase(words)
	}
	for len(words) > 3 && dangling[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return strings.TrimRightFunc(strings.Join(words, " "), func(r rune) bool {
		return unicode.IsPunct(r) && !strings.ContainsRune("”’\")", r)
	})
}

// cutAtPhrase drops the words from the last one that starts a clause
// ("after", "while"), or else a phrase ("at", "and"), so that a cut
// headline ends where a thought does, if at least minPhrase runes remain:
// "Drivers will strike again next week | after talks between the union
// and NS broke down", not "... after talks between the union | and NS".
func cutAtPhrase(words []string) []string {
	for _, set := range []map[string]bool{clause, phrase} {
		for i := len(words) - 1; i > 0; i-- {
			if len([]rune(strings.Join(words[:i], " "))) < minPhrase {
				break
			}
			if set[strings.ToLower(words[i])] {
				return words[:i]
			}
		}
	}
	return words
}

// clause words start a clause, the best place to end a headline.
var clause = map[string]bool{
	"after": true, "as": true, "while": true, "because": true, "despite": true, "amid": true,
	"since": true, "until": true, "following": true, "which": true, "who": true, "when": true,
	"before": true, "although": true, "though": true, "according": true,
}

// minPhrase is the shortest headline cutAtPhrase leaves, in runes.
const minPhrase = 40

// phrase words start a phrase that a headline can end before.
var phrase = map[string]bool{
	"on": true, "in": true, "at": true, "for": true, "as": true, "after": true, "before": true,
	"with": true, "while": true, "from": true, "by": true, "over": true, "amid": true,
	"during": true, "and": true, "but": true, "which": true, "who": true, "that": true, "to": true,
	"according": true, "despite": true, "since": true, "until": true, "because": true,
}

// dangling words cannot end a headline.
var dangling = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true,
	"for": true, "to": true, "in": true, "on": true, "at": true, "by": true, "with": true,
	"from": true, "as": true, "that": true, "its": true, "their": true, "his": true, "her": true,
}

// summary joins the first sentences while they fit in maxSummary runes.
func summary(sentences []string) string {
	s := sentences[0]
	for _, next := range sentences[1:] {
		if len([]rune(s))+1+len([]rune(next)) > maxSummary {
			break
		}
		s += " " + next
	}
	return bound(s, maxSummary)
}

// bound cuts s to at most max runes at a word boundary, with an ellipsis.
func bound(s string, max int) string {
	if len([]rune(s)) <= max {
		return s
	}
	return strings.TrimRightFunc(cut(s, max-1), unicode.IsPunct) + "…"
}

// cut returns the longest prefix of s of whole words with at most max runes.
func cut(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	head := string(r[:max])
	if unicode.IsSpace(r[max]) {
		return strings.TrimSpace(head)
	}
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i > 0 {
		return strings.TrimSpace(head[:i])
	}
	return head
}

// splitSentences splits a paragraph after ".", "?" or "!" (and any closing
// quotes) where a space and a capital letter or opening quote follow, but
// not after an initial or an abbreviation such as "U.S.".
func splitSentences(p string) []string {
	var out []string
	words := strings.Fields(p)
	start := 0
	for i, w := range words {
		if i+1 < len(words) && endsSentence(w) && startsSentence(words[i+1]) {
			out = append(out, strings.Join(words[start:i+1], " "))
			start = i + 1
		}
	}
	if start < len(words) {
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

func endsSentence(w string) bool {
	w = strings.TrimRight(w, "\"”’')")
	if !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "?") && !strings.HasSuffix(w, "!") {
		return false
	}
	stem := strings.TrimRight(w, ".?!")
	if strings.Contains(stem, ".") || len([]rune(stem)) == 1 {
		return false // "U.S.", "J."
	}
	return !abbreviations[strings.ToLower(stem)]
}

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "no": true, "vs": true}

func startsSentence(w string) bool {
	r := []rune(strings.TrimLeft(w, "\"“‘'("))
	return len(r) > 0 && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]))
}
