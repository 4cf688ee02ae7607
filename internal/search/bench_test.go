package search

import "testing"

func BenchmarkWordy(b *testing.B) {
	s := siteOf(b, wordyDocs(400, 2)...)
	for b.Loop() {
		if err := Write(s, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
