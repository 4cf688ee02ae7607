package seed

import (
	"reflect"
	"testing"
)

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Article
	}{{
		name: "headerless",
		in:   "\nFirst  para.\t\nSecond para.\nWritten By Ann Lee",
		want: Article{
			Body:   []Para{{"First para.", 2}, {"Second para.", 3}},
			Byline: "Ann Lee", Lines: Lines{Byline: 4},
		},
	}, {
		name: "crlf bom trailing spaces",
		in:   "\uFEFFT4K3.news \r\nHead: line\r\nDek.\r\n\r\nLede.\r\nAlt head\r\nBody.\r\n",
		want: Article{
			Site: "T4K3.news", Headline: "Head: line", Dek: "Dek.", Lede: "Lede.", AltHeadline: "Alt head",
			Body:  []Para{{"Body.", 7}},
			Lines: Lines{Site: 1, Headline: 2, Dek: 3, Lede: 5, AltHeadline: 6},
		},
	}, {
		name: "no dek, no alt headline",
		in:   "T4K3.news\nHeadline\n\nLede.\nBody one. Two.\n",
		want: Article{
			Site: "T4K3.news", Headline: "Headline", Lede: "Lede.",
			Body:  []Para{{"Body one. Two.", 5}},
			Lines: Lines{Site: 1, Headline: 2, Lede: 4},
		},
	}, {
		name: "takeaways with and without context",
		in: "Body.\nkey takeaways:\n“Curly quote”\n\"No context\"\n\"Straight\"\nWho said it\n" +
			"Analysis one. More.\n\"Quoted analysis\"\n",
		want: Article{
			Body: []Para{{"Body.", 1}},
			Takeaways: []Takeaway{
				{Quote: "Curly quote", Line: 3},
				{Quote: "No context", Line: 4},
				{Quote: "Straight", Context: "Who said it", Line: 5},
			},
			Analysis: []Para{{"Analysis one. More.", 7}, {"\"Quoted analysis\"", 8}},
		},
	}, {
		name: "quote then analysis paragraph",
		in:   "Body.\nKey Takeaways\n\"Q\"\nA long analysis. It has two sentences.\n",
		want: Article{
			Body:      []Para{{"Body.", 1}},
			Takeaways: []Takeaway{{Quote: "Q", Line: 3}},
			Analysis:  []Para{{"A long analysis. It has two sentences.", 4}},
		},
	}, {
		name: "highlights tail of one, no share, related",
		in:   "Body.\nHighlights\n- a\n• b\nClosing line\nRelated News\n\nT1\n\nT2\n",
		want: Article{
			Body:       []Para{{"Body.", 1}},
			Highlights: []Para{{"a", 3}, {"b", 4}},
			Closing:    "Closing line",
			Related:    []Para{{"T1", 8}, {"T2", 10}},
			Lines:      Lines{Closing: 5},
		},
	}, {
		name: "risk, extra line, closing, share without related marker",
		in:   "Body.\nHighlights\n- a\nRisk\nRisk text.\nExtra.\nClose\nEnjoyed this? Let your friends know!\nT1\n",
		want: Article{
			Body:       []Para{{"Body.", 1}},
			Analysis:   []Para{{"Extra.", 6}},
			Highlights: []Para{{"a", 3}},
			Risk:       &Risk{Title: "Risk", Text: "Risk text.", Line: 4},
			Closing:    "Close",
			Share:      "Enjoyed this? Let your friends know!",
			Related:    []Para{{"T1", 9}},
			Lines:      Lines{Closing: 7, Share: 8},
		},
	}, {
		name: "byline in an odd place, long written-by paragraph kept",
		in:   "Written By Bo\nWritten by hand, the letter said more. Much more.\n",
		want: Article{
			Body:   []Para{{"Written by hand, the letter said more. Much more.", 2}},
			Byline: "Bo", Lines: Lines{Byline: 1},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("s.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Name = "s.txt"
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("Parse:\n got %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}
