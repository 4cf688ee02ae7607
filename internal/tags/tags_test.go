package tags

import (
	"slices"
	"testing"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		in   Text
		want []string
	}{
		{"empty", Text{}, nil},
		{"once is not enough", Text{Paragraphs: []string{"Talks were held in Geneva."}}, nil},
		{"twice is", Text{Paragraphs: []string{"Talks in Geneva.", "More in Geneva today."}}, []string{"Geneva"}},
		{"headline boost", Text{
			Headlines:  []string{"Geneva Talks Stall"},
			Paragraphs: []string{"Talks in Geneva stalled. Bern said Bern would wait."},
		}, []string{"Bern", "Geneva"}},
		{"title case headline alone is not a tag", Text{
			Headlines: []string{"Geneva Talks Stall", "Geneva Talks Stall"},
		}, nil},
		{"stop capitals and sentence starts", Text{Paragraphs: []string{
			"The talks. The plan. Meanwhile, it rained. Meanwhile it snowed. In Oslo, more. Oslo again, and in Oslo too.",
		}}, []string{"Oslo"}},
		{"possessives, demonyms and case", Text{Paragraphs: []string{
			"Russia’s army and Russian drones. The Nato summit and NATO's chief met NATO allies.",
		}}, []string{"NATO", "Russia"}},
		{"titles split runs, surname merge", Text{Paragraphs: []string{
			"Russian Foreign Minister Sergei Lavrov spoke. Lavrov said no. NATO Secretary General Mark Rutte and Rutte's aide. Both visited Russia with NATO.",
		}}, []string{"Lavrov", "NATO", "Russia", "Rutte"}},
		{"full name kept without a lone surname", Text{Paragraphs: []string{
			"Then Ursula von der Leyen spoke, and Ursula von der Leyen left.",
		}}, []string{"Ursula von der Leyen"}},
		{"hyphenated tails", Text{Paragraphs: []string{
			"A China-backed plan and Ukraine-related talks with China and Ukraine; Kosiniak-Kamysz met Kosiniak-Kamysz.",
		}}, []string{"China", "Kosiniak-Kamysz", "Ukraine"}},
		{"abbreviations do not end sentences", Text{Paragraphs: []string{
			"U.S. officials and the US envoy met.",
		}}, []string{"US"}},
		{"at most six, ties alphabetical", Text{Paragraphs: []string{
			"Go to Gg, Ff, Ee, Dd, Cc, Bb, Aa and Hh. Then Gg, Ff, Ee, Dd, Cc, Bb, Aa and Hh. And Hh.",
		}}, []string{"Hh", "Aa", "Bb", "Cc", "Dd", "Ee"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Extract = %q, want %q", got, tt.want)
			}
		})
	}
}
