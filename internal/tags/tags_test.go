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
		}}, []string{"Mark Rutte", "NATO", "Sergei Lavrov", "Russia"}},
		{"full name kept without a lone surname", Text{Paragraphs: []string{
			"Then Ursula von der Leyen spoke, and Ursula von der Leyen left.",
		}}, []string{"Ursula von der Leyen"}},
		{"hyphenated tails", Text{Paragraphs: []string{
			"A China-backed plan and Ukraine-related talks with China and Ukraine; Kosiniak-Kamysz met Kosiniak-Kamysz.",
		}}, []string{"China", "Kosiniak-Kamysz", "Ukraine"}},
		{"joiners keep names whole", Text{Paragraphs: []string{
			"The Bank of England met. Fires in Castilla y León spread. The Vuelta a España ended. The Bank of England cut rates as Castilla y León burned and the Vuelta a España went on.",
		}}, []string{"Bank of England", "Castilla y León", "Vuelta a España"}},
		{"a one-letter joiner joins one word to one", Text{Paragraphs: []string{
			"It gave Chelsea a Champions League place. Chelsea a Champions League side.",
		}}, []string{"Champions League", "Chelsea"}},
		{"a lone head counts for its organisation", Text{Paragraphs: []string{
			"The Office for National Statistics said so. The Office said more, and the Office for National Statistics agreed.",
		}}, []string{"Office for National Statistics"}},
		{"a place is no surname", Text{Paragraphs: []string{
			"NHS England said waits fell in England. NHS England and England again.",
		}}, []string{"England", "NHS England"}},
		{"a surname two people share stays", Text{Paragraphs: []string{
			"Donald Trump and Melania Trump met Trump aides. Donald Trump, Melania Trump, Trump.",
		}}, []string{"Donald Trump", "Melania Trump", "Trump"}},
		{"surname in a headline", Text{
			Headlines:  []string{"Bailey warns on rates"},
			Paragraphs: []string{"Governor Andrew Bailey spoke."},
		}, []string{"Andrew Bailey"}},
		{"a nationality alone is no tag", Text{
			Headlines:  []string{"The Danish developer gives up"},
			Paragraphs: []string{"The Danish company and a Danish bank. Danish shares fell."},
		}, nil},
		{"title before an institution, numbers, common abbreviations", Text{Paragraphs: []string{
			"The Premier League and Hornsea 4 and AI. The Premier League, Hornsea 4, the AI Act, AI and the AI Act.",
		}}, []string{"AI Act", "Hornsea 4", "Premier League"}},
		{"capitals in a sentence-case headline", Text{
			Headlines:  []string{"Hornsea 4 project scrapped by Ørsted"},
			Paragraphs: []string{"Ørsted stopped work. Ørsted said so."},
		}, []string{"Ørsted"}},
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

func TestSubjects(t *testing.T) {
	v := NewVocabulary([]Subject{
		{"Economy", []string{"inflation", "interest rate*", "bank*"}},
		{"Food", []string{"food", "harvest*", "olive oil"}},
		{"Sport", []string{"goal", "goals"}},
		{"World", nil},
	})
	tests := []struct {
		name string
		in   Text
		want []string
	}{
		{"fallback", Text{Paragraphs: []string{"Nothing to see."}}, []string{"World"}},
		{"prefix and phrase", Text{Paragraphs: []string{"Interest rates rose. Banking stocks and inflation."}}, []string{"Economy"}},
		{"headline weighs more", Text{
			Headlines:  []string{"Olive oil harvest recovers"},
			Paragraphs: []string{"Inflation eased and interest rates fell at the bank."},
		}, []string{"Food", "Economy"}},
		{"a passing mention is no second subject", Text{
			Headlines:  []string{"Olive oil harvest recovers"},
			Paragraphs: []string{"The food harvest, and a goal."},
		}, []string{"Food"}},
		{"word boundaries", Text{Paragraphs: []string{"Goalkeepers and goalposts."}}, []string{"World"}},
		{"one mention in the text is no subject", Text{Paragraphs: []string{"A goal."}}, []string{"World"}},
		{"one in a headline is", Text{Headlines: []string{"A goal"}}, []string{"Sport"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := v.Subjects(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Subjects = %q, want %q", got, tt.want)
			}
		})
	}
	if got := NewVocabulary(nil).Subjects(Text{Paragraphs: []string{"x"}}); got != nil {
		t.Errorf("empty vocabulary gives %q", got)
	}
}
