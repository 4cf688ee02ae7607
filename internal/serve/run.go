package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/live"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/site"
	"github.com/t4k3news/digest/internal/watch"
)

// Options configure Run.
type Options struct {
	// Root is the site's folder.
	Root string
	// Bind is the address to listen on; Port 0 picks a free port.
	Bind string
	Port int
	// BaseURL overrides the config's base URL unless it is "".
	BaseURL string
	// Log gets the server's address and one line per rebuild.
	Log io.Writer
	// Now is the clock rebuilds are timed and stamped with, and stories
	// published by.
	Now func() time.Time
	// Publish says which stories the preview shows: drafts, by default.
	Publish site.Publish
	// Poll is how often the clock is read for a scheduled story whose time
	// has come; 0 means every second.
	Poll time.Duration
	// Ready, if set, is called with the site's URL once it is served.
	Ready func(url string)
}

// Run loads the site, serves it and rebuilds it as its sources change,
// until ctx is done. A site that does not load is served as a page of its
// problems, at every path, until a change makes it load.
func Run(ctx context.Context, opts Options) error {
	e := live.New(live.Options{Root: opts.Root, BaseURL: opts.BaseURL, Publish: opts.Publish, Now: opts.Now})
	loadErr := e.Load()
	w, err := watch.New(opts.Root, load.Watched, []string{load.ConfigFile})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port)))
	if err != nil {
		return err
	}
	base := "/" // until the site loads, every path shows its problems
	if loadErr == nil {
		base = e.BasePath()
	}
	s := New(e, base, opts.Bind)
	if !Loopback(opts.Bind) {
		names := exposedNames(opts.Bind)
		s.Allow(names...)
		fmt.Fprintf(opts.Log, "warning: --bind %s: the preview is reachable from other machines on the network, as %s; it answers requests for any of these names\n", opts.Bind, strings.Join(names, ", "))
	}
	if loadErr != nil {
		s.Down(loadErr)
	}
	srv := newHTTPServer(ctx, s)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	addr := siteURL(ln.Addr(), opts.Bind, base)
	if loadErr != nil {
		fmt.Fprintf(opts.Log, "the site did not load; serving its problems at %s until it does (Ctrl-C to stop):\n%s", addr, Problems(loadErr))
	} else {
		articles, topics := e.Stats()
		fmt.Fprintf(opts.Log, "serving %d articles, %d topics at %s (Ctrl-C to stop)\n", articles, topics, addr)
	}
	warned := live.NewTold(opts.Root)
	if fresh := warned.Fresh(e.Warnings()); loadErr == nil && len(fresh) > 0 {
		fmt.Fprint(opts.Log, fresh.Full())
	}
	if opts.Ready != nil {
		opts.Ready(addr)
	}
	var applying sync.Mutex // Apply and Tick must not overlap
	go publishOnTime(ctx, e, s, &applying, opts)
	werr := w.Run(ctx, func(paths []string) {
		applying.Lock()
		defer applying.Unlock()
		rebuild(e, s, paths, opts, warned)
	})
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return werr
}

// rebuild applies one batch of changes and prints one line about it, then
// tells the open pages. A warning printed before about a file unchanged
// since is not printed again.
func rebuild(e *live.Engine, s *Server, paths []string, opts Options, warned *live.Told) {
	start := opts.Now()
	res, err := e.Apply(paths)
	took := opts.Now().Sub(start).Round(10 * time.Microsecond)
	if len(res.Changed) == 0 && err == nil {
		return // only an editor's temporary files
	}
	warned.Changed(res.Changed)
	if fresh := warned.Fresh(res.Warnings); len(fresh) > 0 {
		fmt.Fprint(opts.Log, fresh.Full())
	}
	stamp := fmt.Sprintf("%s %s:", start.Format(time.TimeOnly), res.Summary())
	articles := 0
	if err == nil {
		articles, _ = e.Stats()
	}
	switch {
	case err != nil && s.IsDown():
		fmt.Fprintf(opts.Log, "%s the site still does not load:\n%s", stamp, Problems(err))
		s.Down(err)
	case err != nil:
		fmt.Fprintf(opts.Log, "%s build failed, still serving the last good site:\n%s", stamp, Problems(err))
		s.Failed(err)
	case res.Loaded:
		fmt.Fprintf(opts.Log, "%s site of %d articles loaded in %v\n", stamp, articles, took)
		s.Up(e.BasePath())
	default:
		fmt.Fprintf(opts.Log, "%s %s read, site of %d articles updated in %v\n", stamp, plural(res.Reread, "content file"), articles, took)
		s.Reloaded(res.StyleOnly)
	}
}

// publishOnTime puts scheduled stories out, and takes expired ones down,
// when the clock reaches their time, without a restart: open pages reload.
func publishOnTime(ctx context.Context, e *live.Engine, s *Server, applying *sync.Mutex, opts Options) {
	poll := opts.Poll
	if poll <= 0 {
		poll = time.Second
	}
	live.OnTime(ctx, poll, e.Due, opts.Now, func(due time.Time) {
		applying.Lock()
		n, err := e.Tick()
		applying.Unlock()
		stamp := opts.Now().Format(time.TimeOnly)
		switch {
		case err != nil:
			fmt.Fprintf(opts.Log, "%s the clock reached %s, but the site does not build:\n%s", stamp, due.Format(time.RFC3339), Problems(err))
		case n > 0:
			articles, _ := e.Stats()
			fmt.Fprintf(opts.Log, "%s %d published or taken down on time, site of %d articles\n", stamp, n, articles)
			s.Reloaded(false)
		}
	})
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Problems lists an error's problems one a line.
func Problems(err error) string { return diag.Lines(err) }

// Loopback reports whether the address bind can only be reached from this
// machine.
func Loopback(bind string) bool {
	if strings.EqualFold(bind, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(bind, "[]"))
	return ip != nil && ip.IsLoopback()
}

// exposedNames are the names other machines may reach a server bound to
// bind by: the address itself, the machine's name, and for an unspecified
// address (0.0.0.0, ::) the addresses of every interface.
func exposedNames(bind string) []string {
	names := []string{strings.Trim(bind, "[]")}
	if host, err := os.Hostname(); err == nil {
		names = append(names, host)
	}
	if ip := net.ParseIP(strings.Trim(bind, "[]")); ip != nil && ip.IsUnspecified() {
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() {
				names = append(names, n.IP.String())
			}
		}
	}
	return names
}

// siteURL is the URL to open in a browser.
func siteURL(addr net.Addr, bind, base string) string {
	host := bind
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	_, port, _ := net.SplitHostPort(addr.String())
	return (&url.URL{Scheme: "http", Host: net.JoinHostPort(host, port), Path: base}).String()
}
