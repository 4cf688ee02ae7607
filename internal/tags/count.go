package tags

import (
	"slices"
	"strings"
	"unicode"
)

// count finds the name runs of the paragraphs and counts them by key.
// Capitals in sentence-case headlines ("Hornsea 4 project scrapped by
// Ørsted") mark names as capitals mid-sentence do.
func count(paras, heads []string) map[string]*candidate {
	split := make([][]word, len(paras))
	for i, p := range paras {
		split[i] = words(p)
	}
	mid := midSentenceCapitals(split)
	for _, h := range heads {
		if ws := words(h); sentenceCase(ws) {
			addCapitals(mid, ws)
		}
	}
	cands := map[string]*candidate{}
	for _, ws := range split {
		for _, run := range runs(ws, mid) {
			add(cands, run, 1)
		}
	}
	return cands
}

// add counts n mentions of the name run. A nationality counts for its
// country, but only as support: see candidate.named.
func add(cands map[string]*candidate, run string, n int) {
	named := n
	if place, ok := demonyms[strings.ToLower(run)]; ok {
		run, named = place, 0
	}
	key := strings.ToLower(run)
	c := cands[key]
	if c == nil {
		c = &candidate{key: key, forms: map[string]int{}}
		cands[key] = c
	}
	c.forms[run] += n
	c.count += n
	c.named += named
}

// midSentenceCapitals returns the lower-cased words that appear capitalised
// somewhere other than at the start of a sentence.
func midSentenceCapitals(paras [][]word) map[string]bool {
	mid := map[string]bool{}
	for _, ws := range paras {
		addCapitals(mid, ws)
	}
	return mid
}

func addCapitals(mid map[string]bool, ws []word) {
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

// sentenceCase reports whether a headline is written in sentence case, where
// only names are capitalised: more of its long words are lower case than
// capitalised after the first.
func sentenceCase(ws []word) bool {
	lower, upper := 0, 0
	for i, w := range ws {
		switch {
		case len(w.text) < 4 || i == 0:
		case isCapital(w.text):
			upper++
		case unicode.IsLower(firstRune(w.text)):
			lower++
		}
	}
	return lower > upper
}

// runs returns the runs of name words in ws, joined by spaces.
func runs(ws []word, mid map[string]bool) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 && !allCommon(cur) {
			out = append(out, strings.Join(cur, " "))
		}
		cur = nil
	}
	for i, w := range ws {
		if w.brk {
			flush()
		}
		switch {
		case len(cur) > 0 && isParticle(ws[i:], len(cur)):
			cur = append(cur, w.text)
		case len(cur) > 0 && isNumber(w.text):
			cur = append(cur, w.text) // "Hornsea 4"
			flush()
		case isName(w, mid, ws[i+1:]):
			cur = append(cur, w.text)
		default:
			flush()
		}
	}
	flush()
	return out
}

// allCommon reports whether a run is only common abbreviations ("AI").
func allCommon(run []string) bool {
	for _, w := range run {
		if !common[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// isNumber reports whether w is a short number that can end a name.
func isNumber(w string) bool {
	if len(w) > 3 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isName reports whether w can be part of a name. A sentence-initial word
// must be capitalised mid-sentence elsewhere (itself or as its country), or
// be followed by another capitalised word that is not a stop word: "NATO
// Secretary General ..." or "Mark Rutte". A title of office is part of a
// name only before an institution: "Premier League", "Foreign Office".
func isName(w word, mid map[string]bool, rest []word) bool {
	key := w.lower
	if !isCapital(w.text) || stop[key] {
		return false
	}
	if titles[key] {
		return len(rest) > 0 && !rest[0].brk && institutions[rest[0].lower]
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
// or more particles, then a capitalised word. The one-letter joiners of
// Spanish and Italian names ("Vuelta a España", "Castilla y León") join
// one word to one word only, so that "gave Chelsea a Champions League
// place" stays two names.
func isParticle(ws []word, before int) bool {
	for i, w := range ws {
		switch {
		case w.brk:
			return false
		case particles[w.text]:
		case i > 0 && isCapital(w.text):
			if len(ws[0].text) == 1 {
				return before == 1 && i == 1 && (i+1 == len(ws) || ws[i+1].brk || !isCapital(ws[i+1].text))
			}
			return true
		default:
			return false
		}
	}
	return false
}

// mergeNames counts a lone surname for the one full name of a person that
// ends in it, spelled as the full name: "Lavrov" for "Sergey Lavrov". A
// place is never a surname ("NHS England" is not England's full name),
// and a surname that two full names share ("Trump") is left alone.
func mergeNames(cands map[string]*candidate) {
	full := map[string][]*candidate{} // surname → full names
	for _, c := range cands {
		if isPerson(c) {
			s := c.key[strings.LastIndexByte(c.key, ' ')+1:]
			full[s] = append(full[s], c)
		}
	}
	for s, list := range full {
		c := cands[s]
		if c == nil || len(list) != 1 || places[s] {
			continue
		}
		list[0].count += c.count
		list[0].named += c.named
		delete(cands, s)
	}
}

// mergeHeads counts a word that stands alone for the one organisation or
// place whose head it is, spelled in full: "the Bank" for "Bank of
// England", "Sea" for "North Sea". The head is the first word before "of"
// or "for", and the last word after a generic one.
func mergeHeads(cands map[string]*candidate) {
	heads := map[string][]*candidate{}
	for _, c := range cands {
		ws := strings.Fields(c.key)
		switch {
		case len(ws) > 2 && (ws[1] == "of" || ws[1] == "for"):
			heads[ws[0]] = append(heads[ws[0]], c)
		case len(ws) > 1 && generic[ws[0]]:
			heads[ws[len(ws)-1]] = append(heads[ws[len(ws)-1]], c)
		}
	}
	for h, list := range heads {
		c := cands[h]
		if c == nil || len(list) != 1 || places[h] {
			continue
		}
		list[0].count += c.count
		list[0].named += c.named
		delete(cands, h)
	}
}

// isPerson reports whether a candidate looks like a person's full name:
// two to four words, the first neither generic ("North Sea") nor an
// abbreviation ("NHS England"), none of them a number.
func isPerson(c *candidate) bool {
	ws := strings.Fields(c.key)
	if len(ws) < 2 || len(ws) > 4 || generic[ws[0]] || places[ws[0]] || demonyms[ws[0]] != "" {
		return false
	}
	for f := range c.forms {
		first := strings.Fields(f)[0]
		if strings.ToUpper(first) == first {
			return false
		}
	}
	for _, w := range ws {
		if isNumber(w) || particles[w] && (w == "of" || w == "for") {
			return false
		}
	}
	return true
}

// namedIn reports whether a headline names the candidate itself, not by
// its nationality.
func namedIn(c *candidate, headlines [][]string) bool {
	needle := strings.Fields(c.key)
	return slices.ContainsFunc(headlines, func(hw []string) bool { return containsSeq(hw, needle) })
}

// headlineMentions counts the headlines, given as their lower-case words,
// that contain the candidate, in any spelling, its surname if it is a
// person, or the nationality of a country.
func headlineMentions(c *candidate, headlines [][]string) int {
	needle := strings.Fields(c.key)
	var surname []string
	if isPerson(c) {
		surname = needle[len(needle)-1:]
	}
	n := 0
	for _, hw := range headlines {
		if containsSeq(hw, needle) || surname != nil && containsSeq(hw, surname) || containsDemonym(hw, c.key) {
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
