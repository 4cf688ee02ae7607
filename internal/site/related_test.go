package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/content"
)

// seedDocs are the five seeds as convert writes them, reduced to what the
// related-news sidebar uses.
func seedDocs() []*content.Document {
	mk := func(seed, title, alt string, d int, related ...string) *content.Document {
		s := strings.ToLower(strings.ReplaceAll(title, " ", "-"))
		return &content.Document{Path: "content/" + s + ".md", Meta: content.Meta{
			Title: title, Slug: s, Headline: alt, Date: day(d), Seed: seed, Related: related,
		}}
	}
	return []*content.Document{
		mk("000_c0cdb7aff7e8ac61.txt", "Ukraine security talks risk uncertain path",
			"Ukraine security talks hit an uncertain path after Lavrov remarks", 1,
			"Trump Putin Alaska summit stirs Ukraine worries", "Ukraine talks push for US guarantees",
			"Putin Wins Leave Trump Facing Tough Choices", "Rubio pushes concessions for peace",
			"Dollar Under Pressure as Markets Hold", "Peace talks hinge on mutual concessions",
			"Alaska summit updates", "Trump hosts Ukraine summit tests risk and resolve"),
		mk("001_c4cdd1ae80fde9bd.txt", "Ukraine security guarantees discussed in Washington",
			"Ukraine security guarantees loom as Russia seeks credible assurances", 1,
			"Zelenskyy to meet Trump in Washington", "Ukraine security guarantees push advances in Washington",
			"Ukraine leaders head to White House with European backers", "Ukraine faces high stakes ahead of alaska summit",
			"Zelenskyy to meet Trump after Putin briefing", "Ceasefire talks face headwinds",
			"Putin agrees to NATO style security guarantees for Ukraine", "Kremlin presses Donetsk surrender in ceasefire offer"),
		mk("002_5ef52d3d018c7463.txt", "Russia dismisses Western security guarantees for Ukraine", "", 1),
		mk("003_592e6f81161ab51e.txt", "Russia seeks veto in Ukraine security guarantees",
			"Russia demands veto in Ukraine security guarantees", 1,
			"Russia demands veto on Ukraine security guarantees", "Starmer and Trump clash on Ukraine NATO membership",
			"Ukraine security talks risk uncertain path", "Alaska summit updates",
			"Nordic Baltic bloc backs Ukraine sovereignty after Alaska talks", "Ukraine security guarantees discussed in Washington",
			"Ukraine seeks security guarantees at Alaska summit with Trump and Putin", "Putin Trump Alaska Summit and Ukraine security"),
		mk("004_3b316327576829b4.txt", "NATO backs Ukraine with new security guarantees",
			"NATO pledges strong security guarantees for Ukraine", 1,
			"Putin Zelenskyy talks paused until agenda is ready", "Ukraine Russia Deal Hinges on Western Backing",
			"Kremlin seeks veto on Ukraine security guarantees", "Ukraine talks push for US guarantees",
			"Ukraine seeks clear security guarantees before Putin meeting", "Ukraine security guarantees push advances in Washington",
			"Peace terms collide with battlefield reality", "Europe to fund Ukraine defense continues"),
	}
}

// sidebar renders an article's related titles as "title -> slug" or
// "title" for plain text.
func sidebar(a *Article) []string {
	var out []string
	for _, r := range a.Related {
		if r.Article != nil {
			out = append(out, r.Title+" -> "+r.Article.Meta.Slug)
		} else {
			out = append(out, r.Title)
		}
	}
	return out
}

func TestRelatedSeeds(t *testing.T) {
	s := build(t, seedDocs()...)
	want := map[string][]string{
		// "Russia demands veto on ..." is 003's own alternative headline:
		// dropped, never a link to itself.
		"russia-seeks-veto-in-ukraine-security-guarantees": {
			"Starmer and Trump clash on Ukraine NATO membership",
			"Ukraine security talks risk uncertain path -> ukraine-security-talks-risk-uncertain-path",
			"Alaska summit updates",
			"Nordic Baltic bloc backs Ukraine sovereignty after Alaska talks",
			"Ukraine security guarantees discussed in Washington -> ukraine-security-guarantees-discussed-in-washington",
			"Ukraine seeks security guarantees at Alaska summit with Trump and Putin",
			"Putin Trump Alaska Summit and Ukraine security",
		},
		// The Kremlin is Russia; "push advances" is another story than
		// "discussed", so it stays text.
		"nato-backs-ukraine-with-new-security-guarantees": {
			"Putin Zelenskyy talks paused until agenda is ready",
			"Ukraine Russia Deal Hinges on Western Backing",
			"Kremlin seeks veto on Ukraine security guarantees -> russia-seeks-veto-in-ukraine-security-guarantees",
			"Ukraine talks push for US guarantees",
			"Ukraine seeks clear security guarantees before Putin meeting",
			"Ukraine security guarantees push advances in Washington",
			"Peace terms collide with battlefield reality",
			"Europe to fund Ukraine defense continues",
		},
	}
	for slug, w := range want {
		got := sidebar(s.Article(slug))
		if strings.Join(got, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s sidebar:\n%s\nwant:\n%s", slug, strings.Join(got, "\n"), strings.Join(w, "\n"))
		}
	}
	for _, a := range s.Articles {
		for _, r := range a.Related {
			if r.Article == a {
				t.Errorf("%s links to itself", a.Meta.Slug)
			}
		}
		if a.Meta.Slug != "russia-seeks-veto-in-ukraine-security-guarantees" && a.Meta.Slug != "nato-backs-ukraine-with-new-security-guarantees" {
			for _, r := range a.Related {
				if r.Article != nil {
					t.Errorf("%s: %q links to %s, want text", a.Meta.Slug, r.Title, r.Article.Meta.Slug)
				}
			}
		}
	}
}

// TestNearDuplicate pins the threshold from both sides.
func TestNearDuplicate(t *testing.T) {
	tests := []struct {
		title, headline string
		want            bool
	}{
		// Exact after normalising case, punctuation, quotes and spaces.
		{"RUSSIA’S “veto”  bid!", "Russia's \"veto\" bid", true},
		// Stop words, plurals and the Kremlin/Moscow metonym: 6/6.
		{"Russia demands veto on Ukraine security guarantees", "Russia demands veto in Ukraine security guarantees", true},
		{"Kremlin seeks veto on Ukraine security guarantees", "Russia seeks veto in Ukraine security guarantees", true},
		{"Moscow seeks veto over Ukraine's security guarantee", "Russia seeks veto in Ukraine security guarantees", true},
		// One word added to a three-term headline: 3/4.
		{"Alaska summit updates live", "Alaska summit updates", true},
		// One word changed in a seven-term headline: 6/8.
		{"NATO backs Ukraine with new security guarantees plan", "NATO backs Ukraine with firm security guarantees plan", true},
		// Two words changed: 4/7. A different story.
		{"Ukraine security guarantees push advances in Washington", "Ukraine security guarantees discussed in Washington", false},
		// One verb changed in a six-term headline: 5/7.
		{"Russia seeks veto in Ukraine security guarantees", "Russia demands veto in Ukraine security guarantees", false},
		// Without the alias the Kremlin headline would be 5/7 too.
		{"Kremlin seeks veto on Ukraine security guarantees", "Russia demands veto in Ukraine security guarantees", false},
		// Kyiv is where things happen as often as who acts: not folded.
		{"Ukraine talks in Kyiv", "Ukraine talks", false},
		{"Ukraine seeks security guarantees at Alaska summit with Trump and Putin", "Russia seeks veto in Ukraine security guarantees", false},
		{"Putin agrees to NATO style security guarantees for Ukraine", "NATO pledges strong security guarantees for Ukraine", false},
		{"The", "The", true}, // exact, though no terms
		{"The a", "of the", false},
	}
	for _, tt := range tests {
		doc := &content.Document{Path: "x.md", Meta: content.Meta{Title: tt.headline, Slug: "x"}}
		x := indexHeadlines([]*Article{{Doc: doc, Meta: &doc.Meta}})
		if got := x.lookup(tt.title) != nil; got != tt.want {
			q, h := terms(tt.title), terms(tt.headline)
			t.Errorf("lookup(%q) in {%q} = %v, want %v (terms %v, %v)", tt.title, tt.headline, got, tt.want, q, h)
		}
	}
}

func TestNearDuplicatePrefersBest(t *testing.T) {
	s := build(t,
		&content.Document{Path: "a.md", Meta: content.Meta{Title: "Alaska summit updates today", Slug: "a", Date: day(3)}},
		&content.Document{Path: "b.md", Meta: content.Meta{Title: "Alaska summit updates", Slug: "b", Date: day(1)}},
		&content.Document{Path: "c.md", Meta: content.Meta{Title: "Alaska summit updates now", Slug: "c", Date: day(2)}},
		&content.Document{Path: "d.md", Meta: content.Meta{Title: "d", Slug: "d", Date: day(4), Related: []string{
			"alaska summit updates!", "Alaska summit updates today now", "Alaska summit news", "Alaska summit updates",
		}}},
	)
	got := fmt.Sprint(sidebar(s.Article("d")))
	// Exact wins; the 4/5 tie between a and c goes to the newer, a; 2/4
	// is text; a second title for b is dropped.
	want := "[alaska summit updates! -> b Alaska summit updates today now -> a Alaska summit news]"
	if got != want {
		t.Errorf("sidebar = %s\nwant %s", got, want)
	}
}

func TestTerms(t *testing.T) {
	got := fmt.Sprint(terms("The Kremlin’s allies press the US on crisis talks, says Moscow"))
	want := "[ally crisis press russia talk us]"
	if got != want {
		t.Errorf("terms = %s, want %s", got, want)
	}
}
