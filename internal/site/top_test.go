package site

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKeepBestIsSortPrefix checks that keeping the n best candidates one
// by one gives the first n of the sorted list.
func TestKeepBestIsSortPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		m := r.IntN(30)
		var all, top []candidate
		for _, j := range r.Perm(m) {
			c := candidate{j: j, tier: 1 + r.IntN(2), score: float64(r.IntN(4))}
			all = append(all, c)
			top = keepBest(top, c, MaxMore, better)
		}
		slices.SortFunc(all, func(c, d candidate) int {
			if better(c, d) {
				return -1
			}
			return 1
		})
		if want := all[:min(m, MaxMore)]; !slices.Equal(top, want) {
			t.Fatalf("top %v, want %v", top, want)
		}
	}
}
