package site

import (
	"slices"
	"strings"
	"unicode"
)

// normalise reduces a headline to its words for exact comparison: lower
// case, curly quotes made straight, punctuation dropped, white space
// collapsed. "Russia’s  “veto”!" and "russia's veto" are the same headline.
func normalise(s string) string {
	return strings.Join(words(s), " ")
}

// words splits s into lower-case words of letters and digits. A possessive
// "'s" stays part of its word, so that "Russia's" is not "Russia s".
func words(s string) []string {
	s = quotes.Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

var quotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "`", "'")

// terms returns the significant words of a text as a set, sorted and
// each once: stop words dropped, possessives and plurals stemmed, and
// metonyms replaced by the country they stand for. A slice, not a map: the
// index makes terms for every headline and title, and a headline has
// about seven.
func terms(s string) []string {
	ws := words(s)
	set := ws[:0]
	for _, w := range ws {
		w = strings.Trim(w, "'")
		w = strings.TrimSuffix(w, "'s")
		w = strings.ReplaceAll(w, "'", "")
		if w == "" || stopwords[w] {
			continue
		}
		if a, ok := aliases[w]; ok {
			w = a
		}
		w = stem(w)
		set = append(set, w)
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// stopwords carry no subject: two headlines differing only in them are the
// same headline ("veto in" and "veto on").
// Ledes and deks are matched too, so the list holds the words of
// running text that say nothing of a story: "said", "more", "year".
var stopwords = setOf(`a an and as at be by for from has have in into is it its
	of on or over the to was were will with after before amid than that this despite
	had been are but not no he she they we you i his her their them our who which
	what when where while would could should can may might must also about across
	any all some most more many much other such only just very so than then there
	these those since until up out off said say says told one two three first last
	new year years month months week weeks day days time times million billion
	per cent percent mr mrs ms`)

// aliases maps a metonym to the country it stands for, so that "Kremlin
// seeks veto" is the headline "Russia seeks veto". Only names that stand for
// the country far more often than for the place are listed: "Kyiv" and
// "Washington" are as often where a meeting happens ("talks in Washington"),
// and folding them would merge different stories.
// Nationalities are their countries: "German economy shrinks" is about
// "Germany's economy".
var aliases = map[string]string{
	"kremlin":   "russia",
	"moscow":    "russia",
	"russian":   "russia",
	"ukrainian": "ukraine", "german": "germany", "french": "france", "british": "britain",
	"spanish": "spain", "italian": "italy", "chinese": "china", "american": "us",
	"belgian": "belgium", "dutch": "netherlands", "polish": "poland", "european": "europe",
	"portuguese": "portugal", "japanese": "japan", "indian": "india", "iranian": "iran",
	"israeli": "israel", "turkish": "turkey", "swedish": "sweden", "danish": "denmark",
	"norwegian": "norway", "canadian": "canada",
}

// stem reduces a word to a stem that its other forms share: the regular
// plural and third-person "s" ("guarantees", "seeks"), the past "-ed"
// and "-ing" ("awarded", "cooking"), a final "e" ("promise", "promised"
// are "promis"), and the irregular past tenses headlines turn into the
// present ("rose" is "rise"). Related titles paraphrase a story's first
// sentence in another tense, and these are the forms that differ. Short
// words ("us", "has") and words ending in "ss", "us" or "is" ("press",
// "status", "crisis") keep their "s"; a stem is never shorter than four
// letters, so "need" and "bring" stay whole.
func stem(w string) string {
	if v, ok := irregular[w]; ok {
		return v
	}
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ed") && len(w) >= 6:
		w = undouble(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && len(w) >= 7:
		w = undouble(w[:len(w)-3])
	}
	if len(w) >= 5 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

// undouble drops one of a doubled final consonant: "stopp" is "stop".
func undouble(w string) string {
	n := len(w)
	if n >= 4 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// irregular maps the past tenses of common headline verbs to their
// present.
var irregular = map[string]string{
	"rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "won": "win", "held": "hold",
	"met": "meet", "found": "find", "spoke": "speak", "said": "say", "says": "say", "told": "tell",
	"took": "take", "gave": "give", "struck": "strike", "grew": "grow", "shrank": "shrink",
	"sank": "sink", "led": "lead", "paid": "pay", "sold": "sell", "bought": "buy", "broke": "break",
	"chose": "choose", "began": "begin", "brought": "bring", "kept": "keep", "lost": "lose",
	"sought": "seek", "fought": "fight", "thought": "think", "hit": "hit", "cut": "cut", "beat": "beat",
}

func setOf(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
