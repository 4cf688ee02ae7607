package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/serve"
	"github.com/t4k3news/digest/internal/site"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[--source DIR] [--bind ADDR] [--port N] [--base-url URL] [--drafts=false] [--future] [--expired]", stderr)
	source := fs.String("source", ".", "the site's root `folder`")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; only this machine can connect by default")
	port := fs.Int("port", 1313, "the `port` to listen on (0 picks a free one)")
	baseURL := fs.String("base-url", "", "the `URL` the site is published at (default: baseURL in digest.yaml); its path is served")
	drafts := fs.Bool("drafts", true, "show drafts, each with a Draft banner")
	future := fs.Bool("future", false, "show stories whose publishDate is still to come")
	expired := fs.Bool("expired", false, "show stories whose expiryDate has passed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, stop := interrupted(stderr)
	defer stop()
	err := serve.Run(ctx, serve.Options{
		Root: *source, Bind: *bind, Port: *port, BaseURL: *baseURL,
		Log: stdout, Now: time.Now,
		Publish: site.Publish{Drafts: *drafts, Future: *future, Expired: *expired},
	})
	return diag.InDir(*source, err)
}

// stopGrace is how long a command may take to stop after Ctrl-C.
const stopGrace = 3 * time.Second

// interrupted returns a context that is done on Ctrl-C or SIGTERM, and a
// function to call when the command is done. The first Ctrl-C always
// stops the process: if the command has not returned stopGrace after it,
// busy with work that does not heed the context, the process exits, and a
// second Ctrl-C kills it at once. (Builds are transactional, so stopping
// one part way loses nothing.)
func interrupted(stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
		case <-done:
			return
		}
		cancel()
		signal.Stop(sig) // from now on a signal kills the process
		select {
		case <-done:
		case <-time.After(stopGrace):
			fmt.Fprintln(stderr, "digest: still busy after Ctrl-C; stopped")
			os.Exit(130)
		}
	}()
	return ctx, func() {
		signal.Stop(sig)
		close(done)
		cancel()
	}
}
