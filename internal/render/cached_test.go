package render

import (
	"html/template"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/site"
)

// counted parses a set whose template "frag" counts its executions.
func counted(t *testing.T, text string) (*template.Template, *int) {
	t.Helper()
	n := new(int)
	set, err := template.New("").Funcs(template.FuncMap{"count": func() string { *n++; return "" }}).Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return set, n
}

func TestFragmentsRenderOncePerKey(t *testing.T) {
	set, n := counted(t, `{{define "frag"}}{{count}}<b>{{.}}</b>{{end}}`)
	f := new(fragments)
	a, b := new(string), new(string)
	*a, *b = "a & b", "c"
	for range 3 {
		for _, data := range []*string{a, b} {
			html, err := f.render(set, "frag", data, data)
			if err != nil {
				t.Fatal(err)
			}
			if want := template.HTML("<b>" + template.HTMLEscapeString(*data) + "</b>"); html != want {
				t.Errorf("render(%q) = %q, want %q", *data, html, want)
			}
		}
	}
	if *n != 2 {
		t.Errorf("rendered %d times for 2 keys, want 2", *n)
	}
}

func TestFragmentsWithoutCacheRenderEachTime(t *testing.T) {
	set, n := counted(t, `{{define "frag"}}{{count}}x{{end}}`)
	var f *fragments // as for the preview server's pages
	for range 3 {
		if _, err := f.render(set, "frag", nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	if *n != 3 {
		t.Errorf("rendered %d times, want 3", *n)
	}
}

func TestFragmentsRejectUncomparableData(t *testing.T) {
	set, _ := counted(t, `{{define "frag"}}x{{end}}`)
	_, err := new(fragments).render(set, "frag", nil, []string{"a"})
	if err == nil || !strings.Contains(err.Error(), "use a pointer") {
		t.Errorf("err = %v, want one asking for a pointer", err)
	}
}

// TestCachedIsEscapedOutsideText checks that a fragment's HTML, trusted in
// HTML text where it was made, is escaped when a template puts it in an
// attribute.
func TestCachedIsEscapedOutsideText(t *testing.T) {
	set, err := template.New("page").Parse(`{{define "frag"}}<b>"x"</b>{{end}}<p title="{{.Cached "frag" nil}}">{{.Cached "frag" nil}}</p>`)
	if err != nil {
		t.Fatal(err)
	}
	p := &Page{set: set, fragments: new(fragments)}
	var b strings.Builder
	if err := set.ExecuteTemplate(&b, "page", p); err != nil {
		t.Fatal(err)
	}
	if want := `<p title="&#34;x&#34;"><b>"x"</b></p>`; b.String() != want {
		t.Errorf("got %s, want %s", b.String(), want)
	}
}

func TestCachedByKey(t *testing.T) {
	set, err := template.New("page").Parse(`{{define "frag"}}{{.Title}}{{end}}{{.Cached "frag" . .Site}}`)
	if err != nil {
		t.Fatal(err)
	}
	f := new(fragments)
	s := new(site.Site)
	for _, title := range []string{"first", "second"} {
		p := &Page{set: set, fragments: f, Title: title, Site: s}
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, "page", p); err != nil {
			t.Fatal(err)
		}
		if b.String() != "first" {
			t.Errorf("page %q: got %q, want the fragment made for the first page under the same key", title, b.String())
		}
	}
	p := &Page{set: set, fragments: f}
	if err := set.ExecuteTemplate(new(strings.Builder), "page", p); err != nil {
		t.Fatal(err) // a nil *site.Site is a key too
	}
	set2 := template.Must(template.New("page").Parse(`{{define "frag"}}x{{end}}{{.Cached "frag" . 1 2}}`))
	err = set2.ExecuteTemplate(new(strings.Builder), "page", &Page{set: set2, fragments: f})
	if err == nil || !strings.Contains(err.Error(), "at most one key") {
		t.Errorf("err = %v, want one about the number of keys", err)
	}
}
