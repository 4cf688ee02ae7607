// Package serve is the preview web server: it serves a site kept in memory
// by internal/live to a browser on the editor's machine, tells open pages
// to reload after each rebuild, and shows a failed rebuild's error over the
// page. It serves nothing but the site's own files, and only to requests
// addressed to the local host, so that a web page elsewhere cannot read the
// preview through DNS rebinding.
package serve

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/t4k3news/digest/internal/live"
)

// Server serves the engine's site under the base URL's path.
type Server struct {
	engine *live.Engine
	base   string          // the base URL's path, ending in "/"
	hosts  map[string]bool // host names requests may be addressed to

	mu      sync.Mutex
	version int    // counts good rebuilds
	failure string // the last rebuild's error, "" after a good one
	clients map[chan event]bool
}

// New returns a server for the engine's site. base is the path the site
// lives under ("/" or "/digest/"); bind is the host name or address the
// server listens on, which requests may name besides localhost.
func New(e *live.Engine, base, bind string) *Server {
	s := &Server{engine: e, base: base, clients: make(map[chan event]bool)}
	s.hosts = map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	if bind != "" && bind != "0.0.0.0" && bind != "::" {
		s.hosts[strings.ToLower(strings.Trim(bind, "[]"))] = true
	}
	return s
}

// Paths under which the server answers for itself, not for the site.
const (
	eventsPath = "/_digest/events"
)

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch {
	case !s.allowed(r.Host):
		http.Error(w, "digest serve: unknown host "+r.Host, http.StatusForbidden)
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		http.Error(w, "digest serve: method not allowed", http.StatusMethodNotAllowed)
	case r.URL.Path == eventsPath:
		s.events(w, r)
	case r.URL.Path == "/" && s.base != "/":
		http.Redirect(w, r, s.base, http.StatusFound) // the site lives under a sub-path
	default:
		s.file(w, r)
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
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	name, ok := s.fileName(r.URL.Path)
	if !ok {
		s.notFound(w)
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
		s.notFound(w)
	case err != nil:
		s.renderError(w, err)
	default:
		s.send(w, name, http.StatusOK, data)
	}
}

// fileName maps a URL path to a file of the site, refusing anything that
// could name a file outside it: "..", backslashes, empty or absolute
// segments.
func (s *Server) fileName(urlPath string) (string, bool) {
	rest, ok := strings.CutPrefix(urlPath, s.base)
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

func (s *Server) notFound(w http.ResponseWriter) {
	data, err := s.engine.File("404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.send(w, "404.html", http.StatusNotFound, data)
}

// renderError answers for a page that could not be rendered.
func (s *Server) renderError(w http.ResponseWriter, err error) {
	page := fmt.Sprintf("<!doctype html>\n<title>digest: error</title>\n<pre>%s</pre>\n</body>", html.EscapeString(err.Error()))
	s.send(w, "error.html", http.StatusInternalServerError, []byte(page))
}

// send writes a file with its content type; HTML gets the reload script.
func (s *Server) send(w http.ResponseWriter, name string, status int, data []byte) {
	typ := contentType(name, data)
	if strings.HasPrefix(typ, "text/html") {
		data = inject(data)
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}
