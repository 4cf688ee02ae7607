// Package plan lists the outputs of a site: one [Entry] for each file, or
// set of files, that a build writes, each naming the paths it writes, the
// parts of the model it reads and how to render it. The build renders
// every entry; the watching drivers render the entries whose reads
// changed; the preview server renders the entry of the path a browser
// asks for.
//
// A kind of output (article pages, listing pages, feeds, sitemaps, static
// files) is one file of this package that calls [register] from its init
// function with a [Kind]: adding a kind of output changes nothing else.
package plan

import (
	"cmp"
	"slices"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/render"
	"github.com/t4k3news/digest/internal/search"
	"github.com/t4k3news/digest/internal/site"
	"github.com/t4k3news/digest/internal/sitemap"
)

// Part is a part of the model that an output reads, as a bit of a set.
type Part uint16

const (
	// Config is the site config and the routes made from its base URL.
	Config Part = 1 << iota
	// Templates are the parsed templates.
	Templates
	// Articles are the published articles in digest order, each with its
	// front matter and body (not its sidebar).
	Articles
	// Topics are the topics, their articles and the featured topics of the
	// navigation.
	Topics
	// Sidebars are every article's Related and More. An article page that
	// shows only its own sidebar reads Reads.Article instead.
	Sidebars
	// Static are the static files.
	Static
	// Nav is what every page's masthead shows of the content: the
	// featured topics, or the menu of the site config with the topics it
	// names.
	Nav
)

// Model is what outputs are made from: the frozen site model and the
// inputs beside it. Nothing changes it while entries render.
type Model struct {
	Config *config.Config
	Site   *site.Site
	// Pages renders the HTML pages: for a whole build a renderer made by
	// [render.Renderer.ForSite].
	Pages *render.Renderer
	// Static are the static files, sorted by name.
	Static []load.Static
	// Cards keeps the share images drawn before, and counts those made;
	// nil draws every card.
	Cards *card.Cache
	// Search keeps the words of the stories that the last search index
	// read, for the next (build --watch); nil reads every story.
	Search *search.Memo
	// Sitemap keeps the sitemaps' entries of the pages, for the next
	// (build --watch); nil makes every entry.
	Sitemap *sitemap.Memo
	// Sidebar returns an article with its Related and More. Nil means that
	// every article of Site has them already.
	Sidebar func(*site.Article) *site.Article
	// Sums keeps the sums of the stories' sidebars, and the share
	// images' Keys, for the next model (build --watch); nil keeps none.
	// See [Model.Sum]. Where it is set, entries' Keys must not be asked
	// for concurrently.
	Sums *SumMemo
	// Change, when set, is what changed in Site since the version of it
	// that the output folder holds (build --watch), and nothing changed
	// but the stories: the memos (Search, Sitemap) need read only the
	// stories and pages it names. It may name stories and pages that a
	// memo knows already, after a write that failed once the memo was
	// written. Nil means that anything may have changed.
	Change *site.Change

	sums  *sums  // see Sum
	touch *touch // see touched
}

// sidebar returns a with its sidebar.
func (m *Model) sidebar(a *site.Article) *site.Article {
	if m.Sidebar == nil {
		return a
	}
	return m.Sidebar(a)
}

// Emit takes one output file, a slash path relative to the output folder
// ("news/x/index.html"), and its bytes. It must not keep data once it
// returns: the memory goes to the next page.
type Emit func(path string, data []byte) error

// Entry is one output of the site.
type Entry struct {
	// Kind is the name of the entry's kind.
	Kind string
	// Paths are the files the entry writes, relative to the output folder;
	// nil for an entry whose files are known only once it has made them
	// (the search index's shards).
	Paths []string
	// Reads says which parts of the model the entry's bytes depend on.
	Reads Reads
	// Render makes the entry's files and passes each to emit, in the
	// order of Paths when it names them.
	Render func(emit Emit) error
	// Key, when set, returns what stands for everything the entry's bytes
	// depend on besides the program, in place of its Reads: a share
	// image's is the key of what the card shows. Two entries with the same
	// Key make the same bytes.
	Key func() string
	// Kept, when set, is called in place of Render when a build keeps the
	// entry's files from the last build (see [BuildKeep]).
	Kept func()
}

// Reads is what an entry reads: parts of the whole model, and the one
// article, topic, author or static file that is its subject, if any; a
// listing page also reads its page of a list and the stories it shows.
// Besides its Parts, an entry reads of the content only what [Model.Sum]
// hashes of these, so that the watching drivers render after an edit only
// the entries whose Sum changed: an article page reads its article, the
// names of its topics and bylines and its sidebar (the serials of the
// articles it links), and Nav; not every article.
type Reads struct {
	Parts   Part
	Article *site.Article // read with its sidebar
	Topic   *site.Topic
	Author  *site.Author
	Static  string
	// List is the listing page the entry is: read with its place among
	// the list's pages, and the list's count on its own page.
	List *site.ListPage
	// Stories are the stories a listing page shows, each read as its
	// card shows it: as an article page reads its article, but not its
	// sidebar, which a card does not show.
	Stories []*site.Article
}

// Kind is a kind of output.
type Kind struct {
	// Name names the kind: "article", "feeds".
	Name string
	// Order places the kind among the others: a build renders the kinds in
	// order, one after another, the entries of a kind side by side.
	Order int
	// Reads are every part that an entry of the kind may read.
	Reads Part
	// Entries lists the kind's entries for m.
	Entries func(m *Model) []Entry
	// Changed, for a kind with an entry for each story or each page of
	// a list, lists those of its entries that m.Change may have changed
	// (see [Changed]), and the files of its entries gone; nil for a kind
	// that is listed whole.
	Changed func(m *Model) (entries []Entry, gone []string)
}

var kinds []Kind

// register adds a kind of output. It is called from the init function of
// the kind's file.
func register(k Kind) {
	kinds = append(kinds, k)
	slices.SortFunc(kinds, func(a, b Kind) int { return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.Name, b.Name)) })
}

// Kinds returns every kind of output, in order.
func Kinds() []Kind { return slices.Clone(kinds) }

// List returns every entry of m: those of each kind in order.
func List(m *Model) []Entry {
	var all []Entry
	for _, k := range kinds {
		all = append(all, k.Entries(m)...)
	}
	return all
}
