package convert

import (
	"testing"
	"unicode/utf8"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/seed"
)

func TestTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Talks resumed.", "Talks resumed"},
		{"President Donald Trump hosted Volodymyr Zelensky and seven European leaders at the White House on Monday for talks on ending the war.",
			"President Donald Trump hosted Volodymyr Zelensky and seven European leaders"},
		{"The price of olive oil has fallen by more than half from its peak, as a bumper harvest eased a shortage.",
			"The price of olive oil has fallen by more than half from its peak"},
		// No phrase to cut before: cut at a word, without a dangling word.
		{"Supercalifragilistic expialidocious words keep piling up endlessly here forever more and more the words keep coming endlessly",
			"Supercalifragilistic expialidocious words keep piling up endlessly here forever more"},
		{"Wordswordswordswordswords wordswordswordswords wordswordswordswords wordswordswordswords wordswordswords the end",
			"Wordswordswordswordswords wordswordswordswords wordswordswordswords wordswordswordswords"},
	}
	for _, tt := range tests {
		got := title(tt.in)
		if got != tt.want {
			t.Errorf("title(%q)\n = %q\nwant %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > maxTitle {
			t.Errorf("title(%q) has %d runes", tt.in, n)
		}
	}
}

// TestLedeAfterHeadline checks that a lede whose first sentence became the
// headline is not repeated under it.
func TestLedeAfterHeadline(t *testing.T) {
	a := &seed.Article{Name: "seeds/a.txt", Dek: "A dek.", Lede: "Rates were cut today. Markets rose.", Lines: seed.Lines{Lede: 4}}
	m := content.Meta{Description: a.Dek, Summary: a.Lede}
	var warns diag.List
	derive(a, &m, &warns)
	if m.Title != "Rates were cut today" || m.Summary != "Markets rose." || m.Description != "A dek." {
		t.Errorf("title %q, summary %q, description %q", m.Title, m.Summary, m.Description)
	}
	want := "seeds/a.txt:4: no headline; title derived from the first sentence: \"Rates were cut today\"\n" +
		"seeds/a.txt:4: the lede starts with the headline; summary taken from the sentences after it\n"
	if got := warns.Full(); got != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, want)
	}
}
