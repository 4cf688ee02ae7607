package main

import (
	"fmt"
	"io"

	"github.com/t4k3news/digest/internal/gen"
)

func runGen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen", "--count N [--seed S] --out DIR", stderr)
	count := fs.Int("count", 1000, "the number of articles")
	seedFlag := fs.Uint64("seed", 1, "the corpus `number`: the same count and seed give the same seeds")
	out := fs.String("out", "", "the site `folder` to write seeds/*.txt into; seeds/ must be empty or missing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || *count < 1 {
		fs.Usage()
		return fmt.Errorf("%w: gen needs --out and a --count of at least 1", errUsage)
	}
	c := gen.New(gen.Options{Count: *count, Seed: *seedFlag})
	if err := c.Write(*out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "generated %d seeds in %s/seeds\n", *count, *out)
	return nil
}
