package check

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestMeasure(t *testing.T) {
	long := "news/" + strings.Repeat("a-very-long-headline-", 6) + "/index.html"
	fsys := fstest.MapFS{
		"index.html":                 {Data: []byte(strings.Repeat("x", 700))},
		"news/one/index.html":        {Data: []byte(strings.Repeat("x", 512))},
		"news/two/index.html":        {Data: []byte(strings.Repeat("x", 513))},
		"news/two/card.png":          {Data: []byte(strings.Repeat("x", 2000))},
		long:                         {Data: []byte("x")},
		"feed.xml":                   {Data: []byte(strings.Repeat("x", 90))},
		"search/manifest.json":       {Data: []byte("{}")},
		"sitemap.xml":                {Data: []byte(strings.Repeat("x", 40))},
		"style.css":                  {Data: nil},
		"topics/a/page/2/index.html": {Data: []byte(strings.Repeat("x", 30))},
	}
	s, err := Measure(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if s.Files != len(fsys) {
		t.Errorf("Files = %d, want %d", s.Files, len(fsys))
	}
	var total int64
	for _, f := range fsys {
		total += int64(len(f.Data))
	}
	if s.Bytes != total {
		t.Errorf("Bytes = %d, want %d", s.Bytes, total)
	}
	kinds := make(map[string]Kind)
	for _, k := range s.Kinds {
		kinds[k.Name] = k
	}
	if k := kinds["article pages"]; k.Files != 3 || k.Bytes != 512+513+1 || k.Largest != "news/two/index.html" {
		t.Errorf("article pages = %+v", k)
	}
	if k := kinds["listing pages"]; k.Files != 2 || k.Bytes != 730 || k.Largest != "index.html" {
		t.Errorf("listing pages = %+v", k)
	}
	if k := kinds["images"]; k.Files != 1 || k.Bytes != 2000 {
		t.Errorf("images = %+v", k)
	}
	for i := 1; i < len(s.Kinds); i++ {
		if s.Kinds[i].Bytes > s.Kinds[i-1].Bytes {
			t.Errorf("kinds not largest first: %s before %s", s.Kinds[i-1].Name, s.Kinds[i].Name)
		}
	}
	report := s.Report()
	for _, want := range []string{"size: 0.0 MB in 10 files", "article pages", "packed as the Pages workflow packs it"} {
		if !strings.Contains(report, want) {
			t.Errorf("Report lacks %q:\n%s", want, report)
		}
	}

	// Packed is what GNU tar makes of the folder, as the Pages workflow
	// runs it (tar is part of every Debian system, CI's included).
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tar := func(args ...string) int64 {
		out, err := exec.Command("tar", append([]string{"--directory", dir, "-cf", "-"}, args...)...).Output()
		if err != nil {
			t.Fatalf("tar: %v", err)
		}
		return int64(len(out))
	}
	if want := tar("."); s.Packed != want {
		t.Errorf("Packed = %d, want %d (GNU tar)", s.Packed, want)
	}
	// A record of one block leaves no padding to hide a miscount in.
	if want := tar("--blocking-factor=1", "."); s.entries+2*tarBlock != want {
		t.Errorf("entries = %d, want %d (GNU tar, one block a record, less its two end blocks)", s.entries, want-2*tarBlock)
	}
	if s.Packed <= s.Bytes {
		t.Errorf("Packed = %d, not more than the files' %d bytes", s.Packed, s.Bytes)
	}
}
