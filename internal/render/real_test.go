package render

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/card"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// TestRealContent renders the committed content/ with the real templates
// under a sub-path base URL and checks that every internal link resolves
// to a rendered page, a share image or a static file, and the seed-003
// sidebar.
func TestRealContent(t *testing.T) {
	root := os.DirFS("../..")
	docs, err := content.Load(root, "content")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Skip("no content yet")
	}
	routes, err := route.New(base)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(docs, routes)
	if err != nil {
		t.Fatal(err)
	}
	r := realTemplates(t)
	out := renderAll(t, r, s)
	for _, e := range card.Entries(r.config(), s) {
		out[e.File] = nil // the share images, which internal/card makes
	}
	href := regexp.MustCompile(`(?:href|src)="(/digest/[^"#]*)"`)
	for file, data := range out {
		for _, m := range href.FindAllStringSubmatch(string(data), -1) {
			page, _, _ := strings.Cut(m[1], "?") // a search link opens the search page
			target := route.File(strings.TrimPrefix(page, "/digest/"))
			if _, ok := out[target]; ok {
				continue
			}
			if _, err := os.Stat("../../static/" + target); err != nil {
				t.Errorf("%s: dead link %s", file, m[1])
			}
		}
	}
	veto := string(out["news/russia-seeks-veto-in-ukraine-security-guarantees/index.html"])
	for _, want := range []string{
		`<a href="/digest/news/ukraine-security-talks-risk-uncertain-path/">Ukraine security talks risk uncertain path</a>`,
		`<a href="/digest/news/ukraine-security-guarantees-discussed-in-washington/">Ukraine security guarantees discussed in Washington</a>`,
	} {
		if !strings.Contains(veto, want) {
			t.Errorf("seed 003 sidebar: no %s", want)
		}
	}
	if strings.Contains(veto, `href="/digest/news/russia-seeks-veto-in-ukraine-security-guarantees/"`) {
		t.Error("seed 003 links to itself")
	}
	nato := string(out["news/nato-backs-ukraine-with-new-security-guarantees/index.html"])
	if !strings.Contains(nato, `<a href="/digest/news/russia-seeks-veto-in-ukraine-security-guarantees/">Kremlin seeks veto on Ukraine security guarantees</a>`) {
		t.Error("seed 004: Kremlin headline does not link to seed 003")
	}
	if !strings.Contains(nato, `<a class="search-link" href="/digest/search/?q=Ukraine%20security%20guarantees%20push%20advances%20in%20Washington" title="Search the digest">Ukraine security guarantees push advances in Washington</a>`) {
		t.Error("seed 004: push-advances headline does not search the site")
	}
}
