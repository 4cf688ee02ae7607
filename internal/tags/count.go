package tags

import (
	"slices"
	"strings"
)

// count finds the name runs of the paragraphs and counts them by key.
func count(paras []string) map[string]*candidate {
	split := make([][]word, len(paras))
	for i, p := range paras {
		split[i] = words(p)
	}
	mid := midSentenceCapitals(split)
	cands := map[string]*candidate{}
	for _, ws := range split {
		for _, run := range runs(ws, mid) {
			add(cands, run, 1)
		}
	}
	return cands
}

// add counts n mentions of the name run.
func add(cands map[string]*candidate, run string, n int) {
	if place, ok := demonyms[strings.ToLower(run)]; ok {
		run = place
	}
	key := strings.ToLower(run)
	c := cands[key]
	if c == nil {
		c = &candidate{key: key, forms: map[string]int{}}
		cands[key] = c
	}
	c.forms[run] += n
	c.count += n
}

// midSentenceCapitals returns the lower-cased words that appear capitalised
// somewhere other than at the start of a sentence.
func midSentenceCapitals(paras [][]word) map[string]bool {
	mid := map[string]bool{}
	for _, ws := range paras {
		for _, w := range ws {
			if !w.start && isCapital(w.text) {
				key := w.lower
				mid[key] = true
				if place, ok := demonyms[key]; ok {
					mid[strings.ToLower(place)] = true
				}
			}
		}
	}
	return mid
}

// runs returns the runs of name words in ws, joined by spaces.
func runs(ws []word, mid map[string]bool) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
		}
		cur = nil
	}
	for i, w := range ws {
		if w.brk {
			flush()
		}
		if len(cur) > 0 && isParticle(ws[i:]) {
			cur = append(cur, w.text)
			continue
		}
		if !isName(w, mid, ws[i+1:]) {
			flush()
			continue
		}
		cur = append(cur, w.text)
	}
	flush()
	return out
}

// isName reports whether w can be part of a name. A sentence-initial word
// must be capitalised mid-sentence elsewhere (itself or as its country), or
// be followed by another capitalised word that is not a stop word: "NATO
// Secretary General ..." or "Mark Rutte".
func isName(w word, mid map[string]bool, rest []word) bool {
	key := w.lower
	if !isCapital(w.text) || stop[key] || titles[key] {
		return false
	}
	if place, ok := demonyms[key]; ok && mid[strings.ToLower(place)] {
		return true
	}
	if !w.start || mid[key] {
		return true
	}
	if len(rest) == 0 || rest[0].brk {
		return false
	}
	return isCapital(rest[0].text) && !stop[rest[0].lower]
}

// isParticle reports whether ws starts with a particle inside a name: one
// or more particles, then a capitalised word.
func isParticle(ws []word) bool {
	for i, w := range ws {
		switch {
		case w.brk:
			return false
		case particles[w.text]:
		case i > 0 && isCapital(w.text):
			return true
		default:
			return false
		}
	}
	return false
}

// mergeSurnames counts a full name for its last word where that word is a
// tag of its own: "Sergei Lavrov" for "Lavrov".
func mergeSurnames(cands map[string]*candidate) {
	for key, c := range cands {
		i := strings.LastIndexByte(key, ' ')
		if i < 0 {
			continue
		}
		if s := cands[key[i+1:]]; s != nil {
			for f, n := range c.forms {
				s.forms[f[strings.LastIndexByte(f, ' ')+1:]] += n
			}
			s.count += c.count
			delete(cands, key)
		}
	}
}

// headlineMentions counts the headlines, given as their lower-case words,
// that contain the candidate, in any spelling, or the nationality of a
// country.
func headlineMentions(c *candidate, headlines [][]string) int {
	needle := strings.Fields(c.key)
	n := 0
	for _, hw := range headlines {
		if containsSeq(hw, needle) || containsDemonym(hw, c.key) {
			n++
		}
	}
	return n
}

func lowerWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		out = append(out, strings.ToLower(w.lower)) // w.lower is w.text if not capitalised
	}
	return out
}

// containsSeq reports whether needle occurs in hay, word for word.
func containsSeq(hay, needle []string) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

func containsDemonym(hay []string, key string) bool {
	for _, w := range hay {
		if strings.EqualFold(demonyms[w], key) {
			return true
		}
	}
	return false
}
