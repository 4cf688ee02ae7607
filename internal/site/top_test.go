package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestInsertTopIsSortPrefix checks that keeping the MaxMore best
// candidates one by one gives the first MaxMore of the sorted list.
func TestInsertTopIsSortPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		n := r.IntN(30)
		score := make([]int, n)
		for j := range score {
			score[j] = r.IntN(5)
		}
		var top []int
		cands := r.Perm(n)
		for _, j := range cands {
			top = insertTop(top, j, score)
		}
		slices.SortFunc(cands, func(a, b int) int { return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(a, b)) })
		if want := cands[:min(n, MaxMore)]; !slices.Equal(top, want) {
			t.Fatalf("scores %v: top %v, want %v", score, top, want)
		}
	}
}
