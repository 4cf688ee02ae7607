package tags

import "strings"

// stop lists capitalised words that are never names: function words that
// start sentences, days and months, and words such as "Western".
var stop = set(`a an the in on at of for to from by with as and or but nor so yet
if this that these those there then thus it its he she we they i you his her our their
meanwhile however also after before while when where what which who why how
according despite although though because since until unless once now still
here today yesterday tomorrow last next new more most some any all both each many
no not yes one two three first second mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
western eastern northern southern wtf ok former acting late`)

// titles are words of rank and office. They are not names themselves, and a
// name run is split where they stand: "NATO Secretary General Mark Rutte" is
// "NATO" and "Mark Rutte".
var titles = set(`president vice prime minister ministers foreign defence defense interior
secretary general admiral chancellor chief commander senator ambassador envoy special
king queen pope prince sir lord lady deputy spokesman spokeswoman spokesperson director
governor mayor state officials official leader leaders premier colonel major captain
lieutenant sergeant marshal justice judge professor`)

// demonyms maps an adjective of nationality to its place, so that "Russian
// drone" counts for Russia, and a few long names to their usual short one.
var demonyms = map[string]string{
	"american": "US", "british": "Britain", "chinese": "China", "european": "Europe",
	"french": "France", "german": "Germany", "italian": "Italy", "japanese": "Japan",
	"polish": "Poland", "russian": "Russia", "russians": "Russia", "ukrainian": "Ukraine",
	"ukrainians": "Ukraine", "indian": "India", "iranian": "Iran", "israeli": "Israel",
	"turkish": "Turkey", "spanish": "Spain", "dutch": "Netherlands", "swedish": "Sweden",
	"finnish": "Finland", "danish": "Denmark", "norwegian": "Norway", "canadian": "Canada",
	"belarusian": "Belarus", "jordanian": "Jordan", "russian federation": "Russia",
	"united states": "US", "americans": "US", "united kingdom": "UK",
}

// particles are lower-case words inside names: "Ursula von der Leyen",
// "Bank of England", "Office for National Statistics", "Castilla y León",
// "Vuelta a España". A particle joins two capitalised words only; "and"
// is not one, since "Germany and France" are two names.
var particles = set(`von der van den de da di del la le al bin ibn of for y a e i du des`)

// institutions are the nouns that make a title of office part of a name:
// "Premier League", "Foreign Office", "Justice Department".
var institutions = set(`league office department ministry court council committee
agency bank party union assembly commission service house`)

// common lists capitalised abbreviations that are common nouns: part of a
// name ("AI Act"), never a name alone.
var common = set(`ai ceo cfo gdp cpi vat tv ev evs pm mp mps ngo ngos faq app`)

// generic words start place and organisation names but no person's:
// "North Sea", "New York", "Central Bank".
var generic = set(`north south east west new great united central national royal
saint st upper lower federal european international world global general`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// places are the countries and nations that demonyms name, lower case: never
// a person's surname or first name.
var places = func() map[string]bool {
	m := set(`england scotland wales ireland europe africa asia america`)
	for _, p := range demonyms {
		m[strings.ToLower(p)] = true
	}
	return m
}()
