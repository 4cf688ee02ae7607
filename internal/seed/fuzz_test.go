package seed

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, file := range seedFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("T4K3.news\r\nH\r\n\r\nL\r\nKey Takeaways\r\n\"q\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.txt") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if len(a.Body)+len(a.Analysis) == 0 {
			t.Fatal("accepted a seed with no paragraphs")
		}
		nlines := strings.Count(string(data), "\n") + 1
		for _, p := range append(append(append([]Para{}, a.Body...), a.Analysis...), a.Related...) {
			if p.Text == "" || p.Text != strings.Join(strings.Fields(p.Text), " ") {
				t.Fatalf("paragraph not normalised: %q", p.Text)
			}
			if p.Line < 1 || p.Line > nlines {
				t.Fatalf("line %d out of range 1..%d", p.Line, nlines)
			}
			if !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8 in %q", p.Text)
			}
		}
	})
}
