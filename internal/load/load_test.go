package load

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/t4k3news/digest/internal/diag"
)

const (
	page   = `{{template "layout" .}}{{define "main"}}x{{end}}`
	layout = `{{define "layout"}}{{template "main" .}}{{end}}`
	doc    = "---\ntitle: A\nslug: a\ndate: 2025-01-02\n---\nA.\n"
)

func site() fstest.MapFS {
	return fstest.MapFS{
		"digest.yaml":             {Data: []byte("title: Test\n")},
		"content/a.md":            {Data: []byte(doc)},
		"content/.drafts/b.md":    {Data: []byte("not read")},
		"templates/layout.html":   {Data: []byte(layout)},
		"templates/index.html":    {Data: []byte(page)},
		"templates/article.html":  {Data: []byte(page)},
		"templates/topic.html":    {Data: []byte(page)},
		"templates/404.html":      {Data: []byte(page)},
		"templates/search.html":   {Data: []byte(page)},
		"templates/author.html":   {Data: []byte(page)},
		"templates/archive.html":  {Data: []byte(page)},
		"templates/topics.html":   {Data: []byte(page)},
		"static/style.css":        {Data: []byte("body{}")},
		"static/img/logo.svg":     {Data: []byte("<svg/>")},
		"seeds/001.txt":           {Data: []byte("not read")},
		"templates/partials/x.md": {Data: []byte("not read")},
	}
}

func TestLoad(t *testing.T) {
	in, err := Load(site(), Options{BaseURL: "https://example.com/x/"})
	if err != nil {
		t.Fatal(err)
	}
	if in.Config.Title != "Test" || in.Routes.Base() != "https://example.com/x/" || in.Templates.Config != in.Config {
		t.Errorf("config %+v, base %s", in.Config, in.Routes.Base())
	}
	if len(in.Docs) != 1 || in.Docs[0].Path != "content/a.md" {
		t.Errorf("docs: %v", in.Docs)
	}
	if len(in.Static) != 2 || in.Static[0].Name != "img/logo.svg" || in.Static[1].Name != "style.css" ||
		in.Static[1].Sum != sha256.Sum256([]byte("body{}")) {
		t.Errorf("static: %+v", in.Static)
	}
	other, err := Load(site(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if other.ConfigSum == in.ConfigSum {
		t.Error("the base URL flag does not change the config's sum")
	}
	if other.TemplatesSum != in.TemplatesSum {
		t.Error("the same templates have different sums")
	}
	changed := site()
	changed["templates/404.html"] = &fstest.MapFile{Data: []byte(page + " ")}
	if again, err := Load(changed, Options{}); err != nil || again.TemplatesSum == in.TemplatesSum {
		t.Errorf("a changed template keeps the sum (err %v)", err)
	}
}

// TestLoadErrors checks that content and template problems are reported
// together, each with its file and line.
func TestLoadErrors(t *testing.T) {
	fsys := site()
	fsys["content/bad.md"] = &fstest.MapFile{Data: []byte("---\ntitle: X\nfoo: 1\n---\n")}
	fsys["templates/404.html"] = &fstest.MapFile{Data: []byte("{{if}}")}
	_, err := Load(fsys, Options{})
	want := "template: templates/404.html:1: missing value for if\ncontent/bad.md:3: front matter: unknown key \"foo\"\n"
	if err == nil || fullText(err) != want {
		t.Errorf("Load error:\n%v\nwant:\n%s", fullText(err), want)
	}
	fsys = site()
	fsys["digest.yaml"] = &fstest.MapFile{Data: []byte("titel: x\n")}
	if _, err := Load(fsys, Options{}); err == nil || err.Error() != `digest.yaml:1: unknown key "titel"` {
		t.Errorf("config error: %v", err)
	}
}

func TestTop(t *testing.T) {
	for p, want := range map[string]string{
		"content/x.md": ContentDir, "static/a/b.css": StaticDir, "seeds": SeedsDir, "digest.yaml": ConfigFile,
		"templates/./x.html": TemplatesDir, "public/x.html": "", "README.md": "",
	} {
		if got := Top(p); got != want {
			t.Errorf("Top(%q) = %q, want %q", p, got, want)
		}
	}
}

func fullText(err error) string {
	var list diag.List
	if errors.As(err, &list) {
		return list.Full()
	}
	return fmt.Sprint(err)
}

// TestHash wants the sums of a source tree to change with any file of
// its folder, and only then.
func TestHash(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":         {Data: []byte("a")},
		"templates/index.html": {Data: []byte("t")},
		"static/style.css":     {Data: []byte("s")},
	}
	before, err := Hash(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Hash(fsys); again != before {
		t.Fatal("two sums of the same tree differ")
	}
	for _, name := range []string{"content/a.md", "templates/index.html", "static/style.css"} {
		old := fsys[name]
		fsys[name] = &fstest.MapFile{Data: []byte("changed")}
		after, err := Hash(fsys)
		if err != nil {
			t.Fatal(err)
		}
		changed := [3]bool{after.Content != before.Content, after.Templates != before.Templates, after.Static != before.Static}
		want := [3]bool{name == "content/a.md", name == "templates/index.html", name == "static/style.css"}
		if changed != want {
			t.Errorf("%s changed: content, templates, static sums changed %v, want %v", name, changed, want)
		}
		fsys[name] = old
	}
	fsys["content/.hidden/b.md"] = &fstest.MapFile{Data: []byte("b")}
	if after, _ := Hash(fsys); after.Content == before.Content {
		t.Error("a file added to content/ left its sum as it was")
	}
}
