package main

import (
	"fmt"
	"io"
	"os"

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
	size, err := check.Measure(os.DirFS(*dest))
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, size.Report())
	switch {
	case size.Share() > 1:
		problems.Add(*dest, 0, "%s is more than GitHub Pages publishes (1 GB)", mbytes(size.Bytes))
	case size.Share() >= check.PagesWarn:
		fmt.Fprintf(stderr, "warning: %s is %.0f%% of GitHub Pages' 1 GB limit\n", mbytes(size.Bytes), 100*size.Share())
	}
	if len(problems) > 0 {
		fmt.Fprint(stderr, problems.Full())
		return fmt.Errorf("check: %d problems in %s", len(problems), *dest)
	}
	fmt.Fprintf(stdout, "checked %s: no problems\n", *dest)
	return nil
}

func mbytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
