package seed

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// seedFiles returns the repository's real seeds.
func seedFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds found: %v", err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, file := range seedFiles(t) {
		base := filepath.Base(file)
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse("seeds/"+base, data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(a, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", strings.TrimSuffix(base, ".txt")+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("parse of %s differs from %s:\n%s", file, golden, got)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "s.txt: empty seed"},
		{"whitespace", " \r\n\t\n\n", "s.txt: empty seed"},
		{"bom only", "\uFEFF\n", "s.txt: empty seed"},
		{"binary", "T4K3.news\nHead\x00line\n", "s.txt:2: binary data (NUL byte), not a text seed"},
		{"utf8", "Body one.\nBody \xff two.\n", "s.txt:2: not valid UTF-8"},
		{"latin1", "T4K3.news\nHeadline\n\nLede caf\xe9.\n", "s.txt:4: not valid UTF-8"},
		{"markers only", "Key Takeaways\nHighlights\n- a bullet\nRelated News\nA title\n", "s.txt: no article text: no paragraph found"},
		{"byline only", "Written By Someone\n", "s.txt: no article text: no paragraph found"},
		{"no letters", "----\n12345\n", "s.txt: no article text: no paragraph found"},
		{"header only", "T4K3.news\nHeadline\nDek\n", "s.txt: no article text: no paragraph found"},
		{"site line only", "T4K3.news\n", "s.txt: no article text: no paragraph found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("s.txt", []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse = %+v, want error %q", a, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
		})
	}
}
