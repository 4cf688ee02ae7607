package tags

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// Subject is one subject of the controlled vocabulary: its name, which
// becomes a tag ("Economy"), and the cue words that signal it. A cue is a
// lower-case word or phrase ("interest rate"); a trailing "*" makes its
// last word a prefix ("vaccin*" for "vaccine" and "vaccination"). A
// subject without cues is the fallback, given to a story that no cue
// matches.
type Subject struct {
	Name string   `yaml:"name"`
	Cues []string `yaml:"cues"`
}

// MaxSubjects is the most subjects a story gets.
const MaxSubjects = 2

// Weights of a cue found in a headline and in running text: a headline
// says what the story is about, a paragraph may mention anything.
const (
	headWeight = 3
	textWeight = 1
)

// Vocabulary is a list of subjects made ready for matching. It is
// read-only after NewVocabulary and safe for concurrent use.
type Vocabulary struct {
	subjects []Subject
	fallback string
	// byFirst indexes the cues by their first word, or by their prefix
	// for a one-word prefix cue.
	byFirst  map[string][]cue
	prefixes map[string][]cue
}

// cue is one cue of subject number subject, split into words; prefix is
// set when the last word is a prefix.
type cue struct {
	subject int
	words   []string
	prefix  bool
}

// NewVocabulary prepares subjects for matching.
func NewVocabulary(subjects []Subject) *Vocabulary {
	v := &Vocabulary{subjects: subjects, byFirst: map[string][]cue{}, prefixes: map[string][]cue{}}
	for i, s := range subjects {
		if len(s.Cues) == 0 && v.fallback == "" {
			v.fallback = s.Name
		}
		for _, text := range s.Cues {
			c := cue{subject: i, words: strings.Fields(strings.ToLower(text))}
			if len(c.words) == 0 {
				continue
			}
			last := &c.words[len(c.words)-1]
			*last, c.prefix = strings.CutSuffix(*last, "*")
			if c.prefix && len(c.words) == 1 {
				v.prefixes[c.words[0]] = append(v.prefixes[c.words[0]], c)
			} else {
				v.byFirst[c.words[0]] = append(v.byFirst[c.words[0]], c)
			}
		}
	}
	return v
}

// Names returns the names of the subjects, in order.
func (v *Vocabulary) Names() []string {
	var out []string
	for _, s := range v.subjects {
		out = append(out, s.Name)
	}
	return out
}

// Subjects returns the one or two subjects of t: the subject whose cues
// score most, at least minMain (a cue in a headline counts headWeight, in running text
// textWeight), and the next if it scores at least half as much. A story
// that no cue matches gets the fallback subject, if the vocabulary has one.
// Ties go to the subject listed first.
func (v *Vocabulary) Subjects(t Text) []string {
	score := make([]int, len(v.subjects))
	for _, h := range t.Headlines {
		v.score(score, h, headWeight)
	}
	for _, p := range t.Paragraphs {
		v.score(score, p, textWeight)
	}
	order := make([]int, len(score))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
	switch {
	case len(order) == 0 || score[order[0]] < minMain:
		if v.fallback != "" {
			return []string{v.fallback}
		}
		return nil
	case len(order) > 1 && MaxSubjects > 1 && score[order[1]] >= minSecond && 2*score[order[1]] >= score[order[0]]:
		return []string{v.subjects[order[0]].Name, v.subjects[order[1]].Name}
	}
	return []string{v.subjects[order[0]].Name}
}

// minMain and minSecond are the least scores of a subject and of a
// second one: one passing mention in the text ("medical teams" in a story
// of an earthquake) does not make a story about it; one in a headline
// does.
const (
	minMain   = 2
	minSecond = 3
)

// score adds weight to each subject for every cue found in text.
func (v *Vocabulary) score(score []int, text string, weight int) {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range ws {
		for _, c := range v.byFirst[w] {
			if c.matches(ws[i:]) {
				score[c.subject] += weight
			}
		}
		for n := 3; n < len(w); n++ {
			for _, c := range v.prefixes[w[:n]] {
				score[c.subject] += weight
			}
		}
		for _, c := range v.prefixes[w] {
			score[c.subject] += weight
		}
	}
}

// matches reports whether ws starts with the cue.
func (c cue) matches(ws []string) bool {
	if len(ws) < len(c.words) {
		return false
	}
	for i, w := range c.words {
		last := i == len(c.words)-1
		if ws[i] != w && !(last && c.prefix && strings.HasPrefix(ws[i], w)) {
			return false
		}
	}
	return true
}
