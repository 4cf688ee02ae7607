package diag

import (
	"errors"
	"testing"
)

func TestList(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list gives an error")
	}
	l.Add("seeds/b.txt", 3, "no headline")
	l.Add("seeds/a.txt", 9, "second")
	l.Add("seeds/a.txt", 2, "first")
	l.Append("content", errors.New("stat content: no such file"))
	l.Append("", errors.New("template: t.html:1: bad"))
	l.Append("x", nil)
	err := l.Err()
	want := "template: t.html:1: bad (and 4 more)"
	if err == nil || err.Error() != want {
		t.Fatalf("Err() = %v, want %s", err, want)
	}
	wantFull := "template: t.html:1: bad\ncontent: stat content: no such file\nseeds/a.txt:2: first\nseeds/a.txt:9: second\nseeds/b.txt:3: no headline\n"
	if got := l.Full(); got != wantFull {
		t.Errorf("Full() =\n%s\nwant\n%s", got, wantFull)
	}
	var other List
	other.Append("ignored", l)
	if len(other) != 5 {
		t.Errorf("appending a List gave %d errors, want 5", len(other))
	}
	var back List
	if !errors.As(err, &back) || len(back) != 5 {
		t.Errorf("errors.As did not recover the list")
	}
}

func TestSummary(t *testing.T) {
	var l List
	for _, f := range []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"} {
		l.Add(f, 0, "no headline; derived %q", "x "+f)
	}
	l.Add("f.txt", 2, "bad date %s", "x")
	l.Append("g.txt", errors.New("plain"))
	want := `a.txt: no headline; derived "x a.txt"
b.txt: no headline; derived "x b.txt"
c.txt: no headline; derived "x c.txt"
  ... and 2 more like these
f.txt:2: bad date x
g.txt: plain
`
	if got := l.Summary(3); got != want {
		t.Errorf("Summary:\n%s\nwant\n%s", got, want)
	}
	if got := l[:5].Summary(5); got != l[:5].Full() {
		t.Errorf("Summary of 5 with room for 5:\n%s", got)
	}
}
