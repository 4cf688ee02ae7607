package site

import (
	"cmp"
	"slices"
	"strings"
)

// A related title that matches no headline may still paraphrase the
// opening of a story without a dek: a headerless story, whose headline
// convert cut from its first sentence, and whose dek it left empty rather
// than repeat it. Such a story's lead is its headline, lede and first
// sentence. (A story with a dek has an editor's headlines, and is matched
// by them alone: its lede and body are too broad to be certain.) It names that story when it shares at least
// leadNum/leadDen of its terms (and minLead terms) with the story's lead,
// and no other story shares as many. Containment, not similarity: a lead
// has many more terms than a title. A title that two stories match
// equally well stays unlinked, since a wrong link is worse than none.
const (
	leadNum, leadDen = 3, 4
	minLead          = 3
)

// leads indexes the terms of each article's lead by term id.
type leads struct {
	postings map[int32][]*Article
	terms    map[*Article][]int32 // sorted
}

func newLeads() *leads {
	return &leads{postings: make(map[int32][]*Article), terms: make(map[*Article][]int32)}
}

// lead is the text a related title may paraphrase: the headlines, the dek
// (if any), the lede and the first sentence of the body.
func lead(a *Article) string {
	var body string
	if a.Doc != nil {
		body = a.Doc.Body
	}
	return strings.Join([]string{a.Meta.Title, a.Meta.Headline, a.Meta.Description, a.Meta.Summary, firstSentence(body)}, " ")
}

// firstSentence is the body's first sentence, or as much of its first
// paragraph as ends at a full stop followed by a space.
func firstSentence(body string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	if i := strings.Index(p, ". "); i > 0 {
		return p[:i]
	}
	return p
}

func (l *leads) add(a *Article, ids []int32) {
	l.terms[a] = ids
	for _, id := range ids {
		l.postings[id] = append(l.postings[id], a)
	}
}

func (l *leads) remove(a *Article) {
	for _, id := range l.terms[a] {
		if list := slices.DeleteFunc(l.postings[id], func(b *Article) bool { return b == a }); len(list) > 0 {
			l.postings[id] = list
		} else {
			delete(l.postings, id)
		}
	}
	delete(l.terms, a)
}

// lookup returns the one article other than self whose lead contains
// enough of the terms q (ids, sorted, of the terms some lead or headline
// has; n is how many terms the title has in all), or nil.
func (l *leads) lookup(ids []int32, n int, self *Article) *Article {
	need := max(minLead, (n*leadNum+leadDen-1)/leadDen)
	if len(ids) < need {
		return nil
	}
	// A lead with need of the ids holds one of any len(ids)−need+1 of
	// them: read the shortest lists.
	probe := slices.Clone(ids)
	slices.SortFunc(probe, func(a, b int32) int {
		return cmp.Or(cmp.Compare(len(l.postings[a]), len(l.postings[b])), cmp.Compare(a, b))
	})
	var best *Article
	bestN, tie := 0, false
	seen := make(map[*Article]bool)
	for _, id := range probe[:len(ids)-need+1] {
		for _, b := range l.postings[id] {
			if b == self || seen[b] {
				continue
			}
			seen[b] = true
			k := intersectSorted(ids, l.terms[b])
			switch {
			case k < need || k < bestN:
			case k > bestN:
				best, bestN, tie = b, k, false
			default:
				tie = true
			}
		}
	}
	if tie {
		return nil
	}
	return best
}
