// Command gen writes a generated corpus of seeds for benchmarks and the
// browser tests (see bench/gen/corpus):
//
//	go run ./bench/gen --count N [--seed S] --out DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/t4k3news/digest/bench/gen/corpus"
)

func main() {
	count := flag.Int("count", 1000, "the number of articles")
	seed := flag.Uint64("seed", 1, "the corpus number: the same count and seed give the same seeds")
	out := flag.String("out", "", "the site `folder` to write seeds/*.txt into; seeds/ must be empty or missing")
	flag.Parse()
	if *out == "" || *count < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.New(corpus.Options{Count: *count, Seed: *seed}).Write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("generated %d seeds in %s/seeds\n", *count, *out)
}
