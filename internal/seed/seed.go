// Package seed parses the raw seed texts that articles are converted from.
// This comment is the format's manual.
//
// A seed is a UTF-8 text file, one element per line. Lines are trimmed and
// runs of white space inside a line become one space; CRLF line endings and a
// leading byte order mark are accepted. Unicode punctuation (curly quotes,
// apostrophes, dashes) is kept as written. Blank lines separate nothing
// except where noted below.
//
// # Header shape
//
// The full shape, as published by the newsroom's export:
//
//	T4K3.news                      site: a short line, the source's name
//	Ukraine security talks ...     headline
//	NATO defence chiefs ...        dek: the standfirst under the headline
//	                               a blank line ends the header block
//	NATO defense chiefs ...        lede: the summary paragraph
//	Ukraine security talks hit ... alternative headline (short, no full stop)
//	NATO defence chiefs spoke ...  body paragraphs, one a line
//	Key Takeaways                  marker
//	"Peace needs teeth not talk"   quote, wrapped in "..." or “...”
//	A punchy line capturing ...    its context (optional)
//	...                            more quote and context pairs
//	The clash between Kyiv ...     analysis paragraphs, one a line
//	Highlights                     marker
//	- Peace needs teeth not talk   bullets, "- " (or "• ", "* ", "– ")
//	Diplomatic talks risk ...      risk heading
//	The report shows Russia ...    risk paragraph
//	Diplomacy stays essential ...  closing line
//	Enjoyed this? Let your ...     share line
//	Related News                   marker
//	                               blank lines between titles are ignored
//	Trump Putin Alaska summit ...  related titles, one a line
//
// # Headerless shape
//
//	                               optional blank lines
//	Russia has dismissed ...       body paragraphs, one a line
//	Written By Rodney Mbua         byline
//
// # Tolerance
//
// Every section may be missing, and the markers ("Key Takeaways",
// "Highlights", "Related News", the share line and "Written By ...") are
// recognised wherever they stand, in any letter case and with a trailing
// colon. A quote without a context line is kept without one. After the
// highlights, one remaining line is the closing line, two are the risk
// heading and paragraph, and of more the first two are the risk, the last is
// the closing line and the others are analysis paragraphs. Lines after the
// share line with no "Related News" marker are related titles.
//
// A seed is rejected when it is empty, holds NUL bytes, is not valid UTF-8,
// or has no paragraph of text at all.
package seed

// Article is a parsed seed. Missing elements are empty.
type Article struct {
	// Name names the seed file in errors, e.g. "seeds/000_x.txt".
	Name        string
	Site        string
	Headline    string
	Dek         string
	Lede        string
	AltHeadline string
	Body        []Para
	Takeaways   []Takeaway
	Analysis    []Para
	Highlights  []Para
	Risk        *Risk
	Closing     string
	Share       string
	Byline      string
	Related     []Para
	// Lines holds the line of each single-line element.
	Lines Lines
}

// Para is one line of text, with the 1-based line it came from.
type Para struct {
	Text string
	Line int
}

// Takeaway is a quote, without its wrapping quotation marks, and the line
// that explains it.
type Takeaway struct {
	Quote   string
	Context string `json:",omitempty"`
	Line    int
}

// Risk is the risk heading and paragraph after the highlights.
type Risk struct {
	Title string
	Text  string `json:",omitempty"`
	Line  int
}

// Lines records the 1-based line of each single-line element of an Article;
// 0 means the element is absent.
type Lines struct {
	Site, Headline, Dek, Lede, AltHeadline int
	Closing, Share, Byline                 int
}
