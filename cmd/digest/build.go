package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/serve"
)

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[--source DIR] [--destination DIR] [--base-url URL] [--watch]", stderr)
	source := fs.String("source", ".", "the site's root `folder`: content/, templates/ and static/")
	dest := fs.String("destination", "", "the output `folder` (default SOURCE/public)")
	baseURL := fs.String("base-url", "", "the `URL` the site is published at, e.g. https://example.github.io/digest/ (default: baseURL in digest.yaml)")
	watching := fs.Bool("watch", false, "build again after each change to the sources, until Ctrl-C")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	opts := build.Options{
		Source:      os.DirFS(*source),
		Destination: *dest,
		BaseURL:     *baseURL,
	}
	res, err := build.Build(opts)
	switch {
	case err != nil && *watching:
		fmt.Fprintf(stderr, "build failed:\n%s", serve.Problems(inSource(*source, err)))
	case err != nil:
		return inSource(*source, err)
	default:
		fmt.Fprintln(stdout, res)
	}
	if *watching {
		return watchBuild(opts, *source, stdout, stderr)
	}
	return nil
}

// inSource names the files of input errors as paths from the working
// folder rather than from the site's root.
func inSource(source string, err error) error {
	var list diag.List
	if source == "." || !errors.As(err, &list) {
		return err
	}
	for _, e := range list {
		if e.File != "" {
			e.File = filepath.Join(source, e.File)
		}
	}
	return err
}
