package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/site"
	"github.com/t4k3news/digest/internal/watchbuild"
)

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[--source DIR] [--destination DIR] [--base-url URL] [--drafts] [--future] [--expired] [--watch] [--timings]", stderr)
	source := fs.String("source", ".", "the site's root `folder`: content/, templates/ and static/")
	dest := fs.String("destination", "", "the output `folder` (default SOURCE/public)")
	baseURL := fs.String("base-url", "", "the `URL` the site is published at, e.g. https://example.github.io/digest/ (default: baseURL in digest.yaml)")
	drafts := fs.Bool("drafts", false, "include drafts (draft: true)")
	future := fs.Bool("future", false, "include stories whose publishDate is still to come")
	expired := fs.Bool("expired", false, "include stories whose expiryDate has passed")
	watching := fs.Bool("watch", false, "build again after each change to the sources, until Ctrl-C")
	timings := fs.Bool("timings", false, "print the time each step of the build took (loading, the model, each kind of output, committing)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	if err := checkDestination(*source, *dest); err != nil {
		return err
	}
	publish := site.Publish{Now: time.Now(), Drafts: *drafts, Future: *future, Expired: *expired}
	if *watching && *timings {
		return fmt.Errorf("%w: --timings times one build, not build --watch", errUsage)
	}
	if *watching {
		ctx, stop := interrupted(stderr)
		defer stop()
		opts := watchbuild.Options{Root: *source, Destination: *dest, BaseURL: *baseURL, Publish: publish, Now: time.Now}
		return watchbuild.Run(ctx, opts, time.Second, stdout, stderr)
	}
	src, err := openSource(*source)
	if err != nil {
		return err
	}
	res, err := build.Build(build.Options{
		Source:      src,
		Destination: *dest,
		BaseURL:     *baseURL,
		Publish:     publish,
		CardCache:   filepath.Join(*source, ".cache", "cards"),
	})
	if err != nil {
		return diag.InDir(*source, err)
	}
	if len(res.Warnings) > 0 {
		fmt.Fprint(stderr, diag.InDir(*source, res.Warnings).(diag.List).Full())
	}
	fmt.Fprintln(stdout, res)
	if *timings {
		fmt.Fprint(stdout, res.Timings())
	}
	return nil
}
