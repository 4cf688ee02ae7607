package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/convert"
	"github.com/t4k3news/digest/internal/serve"
	"github.com/t4k3news/digest/internal/watch"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[--source DIR] [--bind ADDR] [--port N] [--base-url URL]", stderr)
	source := fs.String("source", ".", "the site's root `folder`")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; only this machine can connect by default")
	port := fs.Int("port", 1313, "the `port` to listen on (0 picks a free one)")
	baseURL := fs.String("base-url", "", "the `URL` the site is published at (default: baseURL in digest.yaml); its path is served")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, stop := interrupted()
	defer stop()
	err := serve.Run(ctx, serve.Options{
		Root: *source, Bind: *bind, Port: *port, BaseURL: *baseURL,
		Log: stdout, Now: time.Now,
	})
	return inSource(*source, err)
}

// interrupted returns a context that is done on Ctrl-C or SIGTERM.
func interrupted() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// watchBuild builds the site again after each change to its sources, as
// serve does but writing to disk, until Ctrl-C. A failed build is
// reported and leaves the last good site in place.
func watchBuild(opts build.Options, source string, stdout, stderr io.Writer) error {
	ctx, stop := interrupted()
	defer stop()
	w, err := watch.New(source, serve.Watched, []string{config.File})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "watching %s for changes (Ctrl-C to stop)\n", source)
	return w.Run(ctx, func(paths []string) {
		start := time.Now()
		if slices.ContainsFunc(paths, func(p string) bool { return strings.HasPrefix(p, "seeds/") }) {
			reconvert(source, stderr)
		}
		res, err := build.Build(opts)
		stamp := fmt.Sprintf("%s %s:", start.Format(time.TimeOnly), serve.Summary(paths))
		if err != nil {
			fmt.Fprintf(stderr, "%s build failed, the last good site is kept:\n%s", stamp, serve.Problems(inSource(source, err)))
			return
		}
		fmt.Fprintln(stdout, stamp, res)
	})
}

// reconvert converts changed seeds, never overwriting edited content.
func reconvert(source string, stderr io.Writer) {
	rep, err := convert.Run(convert.Options{Source: source})
	if rep != nil {
		fmt.Fprint(stderr, rep.Warnings.Full())
	}
	if err != nil {
		fmt.Fprint(stderr, serve.Problems(inSource(source, err)))
	}
}
