package main

import (
	"fmt"
	"io"

	"github.com/t4k3news/digest/internal/check"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[--destination DIR] [--base-url URL] [--local]", stderr)
	dest := fs.String("destination", "public", "the built site's `folder`")
	baseURL := fs.String("base-url", "", "the `URL` the site is published at (default: the canonical URL of its front page)")
	local := fs.Bool("local", false, "accept relative URLs where a published site needs absolute ones, for a site built with --base-url / to look at on this machine")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	problems, err := check.Site(*dest, check.Options{BaseURL: *baseURL, Local: *local})
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
