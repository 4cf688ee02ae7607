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
