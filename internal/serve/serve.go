// Package serve is the preview web server: it serves a site kept in memory
// by internal/live to a browser on the editor's machine, tells open pages
// to reload after each rebuild, and shows a failed rebuild's error over the
// page. It serves nothing but the site's own files, and only to requests
// addressed to the local host, so that a web page elsewhere cannot read the
// preview through DNS rebinding.
package serve

import (
	"crypto/rand"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/t4k3news/digest/internal/live"
)

// Server serves the engine's site under the base URL's path, or, while the
// site has never loaded, a page of its problems at every path.
type Server struct {
	engine *live.Engine
	hosts  map[string]bool // host names requests may be addressed to
	id     string          // this server's instance, new at each start

	mu      sync.Mutex
	base    string // the base URL's path, ending in "/"
	down    error  // why the site has not loaded yet, nil once it has
	version int    // counts good rebuilds
	failure string // the last rebuild's error, "" after a good one
	clients map[chan event]bool

	gate gate // bounds the requests and event streams answered at once
}

// New returns a server for the engine's site. base is the path the site
// lives under ("/" or "/digest/"); bind is the host name or address the
// server listens on, which requests may name besides localhost.
func New(e *live.Engine, base, bind string) *Server {
	s := &Server{engine: e, base: base, id: rand.Text()[:10], clients: make(map[chan event]bool)}
	s.hosts = map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	s.Allow(bind)
	return s
}

// Allow adds host names and addresses that requests may be addressed to.
func (s *Server) Allow(hosts ...string) {
	for _, h := range hosts {
		if h != "" {
			s.hosts[strings.ToLower(strings.Trim(h, "[]"))] = true
		}
	}
}

// state is what one request is answered from: taken once, so that a page
// and the version stamped into its reload script agree.
type state struct {
	base    string
	down    error
	version string
}

func (s *Server) state() state {
	s.mu.Lock()
	defer s.mu.Unlock()
	return state{s.base, s.down, s.stamp()}
}

// stamp names the site's version on this server instance; s.mu is held.
// A page that finds another stamp on the server than it was served with
// is out of date, even if the server only restarted.
func (s *Server) stamp() string {
	return fmt.Sprintf("%s-%d", s.id, s.version)
}

// Paths under which the server answers for itself, not for the site.
const (
	eventsPath = "/_digest/events"
)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	done, ok := s.gate.enter(r.URL.Path == eventsPath)
	if !ok {
		busy(w)
		return
	}
	defer done()
	switch {
	case !s.allowed(r.Host):
		http.Error(w, "digest serve: unknown host "+r.Host, http.StatusForbidden)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		http.Error(w, "digest serve: method not allowed", http.StatusMethodNotAllowed)
	case r.URL.Path == eventsPath:
		s.events(w, r)
	default:
		s.site(w, r, s.state())
	}
}

// site answers for a path of the site.
func (s *Server) site(w http.ResponseWriter, r *http.Request, st state) {
	switch {
	case st.down != nil:
		s.send(w, st, "error.html", http.StatusInternalServerError, errorPage("the site did not load", st.down))
	case r.URL.Path == "/" && st.base != "/":
		http.Redirect(w, r, st.base, http.StatusFound) // the site lives under a sub-path
	default:
		s.file(w, r, st)
	}
}

// allowed reports whether a request's Host header names this machine.
func (s *Server) allowed(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return s.hosts[strings.ToLower(strings.Trim(host, "[]"))]
}

// file serves one file of the site, or its 404 page.
func (s *Server) file(w http.ResponseWriter, r *http.Request, st state) {
	name, ok := fileName(st.base, r.URL.Path)
	if !ok {
		s.notFound(w, st)
		return
	}
	data, err := s.engine.File(name)
	if errors.Is(err, fs.ErrNotExist) && !strings.HasSuffix(name, "index.html") {
		if _, err := s.engine.File(name + "/index.html"); err == nil {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		s.notFound(w, st)
	case err != nil:
		s.send(w, st, "error.html", http.StatusInternalServerError, errorPage("this page did not render", err))
	default:
		s.send(w, st, name, http.StatusOK, data)
	}
}

// fileName maps a URL path to a file of the site under base, refusing
// anything that could name a file outside it: "..", backslashes, empty or
// absolute segments.
func fileName(base, urlPath string) (string, bool) {
	rest, ok := strings.CutPrefix(urlPath, base)
	if !ok {
		return "", false
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	for _, seg := range strings.Split(rest, "/") {
		if seg == "" || seg == "." || seg == ".." || strings.ContainsAny(seg, "\\:\x00") {
			return "", false
		}
	}
	return rest, path.Clean(rest) == rest
}

func (s *Server) notFound(w http.ResponseWriter, st state) {
	data, err := s.engine.File("404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.send(w, st, "404.html", http.StatusNotFound, data)
}

// errorPage is the page served in place of the site, or of one page of it,
// that could not be made: every problem, with its file and line, as text.
func errorPage(what string, err error) []byte {
	return fmt.Appendf(nil, `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>digest: %s</title>
<body style="margin:0">
<pre id="digest-error" role="alert" style="%s;inset:0;max-height:none">digest: %s. This page reloads once the sources are fixed.

%s</pre>
</body>
</html>
`, what, overlayStyle, what, html.EscapeString(Problems(err)))
}

// send writes a file with its content type; HTML gets the reload script,
// stamped with the version the page was made from.
func (s *Server) send(w http.ResponseWriter, st state, name string, status int, data []byte) {
	typ := contentType(name, data)
	if strings.HasPrefix(typ, "text/html") {
		data = inject(data, st.version)
	}
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(writeTimeout))
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}
