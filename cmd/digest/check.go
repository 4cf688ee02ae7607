package main

import (
	"fmt"
	"io"

	"github.com/t4k3news/digest/internal/check"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[--destination DIR] [--base-url URL]", stderr)
	dest := fs.String("destination", "public", "the built site's `folder`")
	baseURL := fs.String("base-url", "", "the `URL` the site is published at (default: the canonical URL of its front page)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	problems, err := check.Site(*dest, *baseURL)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprint(stderr, problems.Full())
		return fmt.Errorf("check: %d problems in %s", len(problems), *dest)
	}
	fmt.Fprintf(stdout, "checked %s: no problems\n", *dest)
	return nil
}
