package main

import (
	"context"
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
	ctx, stop := interrupted()
	defer stop()
	err := serve.Run(ctx, serve.Options{
		Root: *source, Bind: *bind, Port: *port, BaseURL: *baseURL,
		Log: stdout, Now: time.Now,
		Publish: site.Publish{Drafts: *drafts, Future: *future, Expired: *expired},
	})
	return diag.InDir(*source, err)
}

// interrupted returns a context that is done on Ctrl-C or SIGTERM.
func interrupted() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}
