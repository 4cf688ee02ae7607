package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// event is one server-sent event for the open pages.
type event struct {
	name string // "hello", "reload", "style", "failure"
	data string // one line
}

// Reloaded tells open pages that the site was rebuilt: they reload, or for
// a change of stylesheets only, fetch the stylesheets again.
func (s *Server) Reloaded(styleOnly bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.failure = ""
	name := "reload"
	if styleOnly {
		name = "style"
	}
	s.broadcast(event{name, s.stamp()})
}

// Failed shows a rebuild's error over the open pages until the next good
// rebuild. The error is sent as JSON text; the page shows it as text.
func (s *Server) Failed(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failure = failureData(err)
	s.broadcast(event{"failure", s.failure})
}

func failureData(err error) string {
	data, _ := json.Marshal(Problems(err)) // a JSON string is one line
	return string(data)
}

// Down serves, at every path, a page of err's problems in place of a site
// that did not load, until Up. Open pages reload to show the new problems.
func (s *Server) Down(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down != nil && Problems(s.down) == Problems(err) {
		return
	}
	s.down = err
	s.version++
	s.broadcast(event{"reload", s.stamp()})
}

// Up serves the site, under the path base, once it has loaded after Down,
// and reloads the open pages into it.
func (s *Server) Up(base string) {
	s.mu.Lock()
	s.base, s.down = base, nil
	s.mu.Unlock()
	s.Reloaded(false)
}

// IsDown reports whether the server shows a site's problems in its place.
func (s *Server) IsDown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.down != nil
}

// broadcast sends ev to every open page; s.mu is held. A page that is not
// keeping up misses events but never blocks the rebuild.
func (s *Server) broadcast(ev event) {
	for c := range s.clients {
		select {
		case c <- ev:
		default:
		}
	}
}

// events streams server-sent events to one open page until it goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fmt.Fprint(w, "retry: 1000\n\n") // after a restart, reconnect soon
	c := make(chan event, 16)
	s.mu.Lock()
	s.clients[c] = true
	c <- event{"hello", s.stamp()} // first, so that a page can tell it is out of date
	if s.failure != "" {
		c <- event{"failure", s.failure}
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
			flusher.Flush()
		}
	}
}

// inject adds the reload script, stamped with the page's version, to an
// HTML page, before its last </body> or at its end. Only pages served by
// the preview get it, never a build.
func inject(page []byte, version string) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	head, tail, _ := strings.Cut(script, versionMark)
	out := make([]byte, 0, len(page)+len(script)+len(version))
	out = append(out, page[:i]...)
	out = append(out, head...)
	out = append(out, version...) // letters, digits and "-": safe in a script string
	out = append(out, tail...)
	return append(out, page[i:]...)
}

// versionMark is where inject writes the page's version into the script.
const versionMark = "DIGEST_VERSION"

// overlayStyle is the look of a failed build's problems, over a page or in
// place of one.
const overlayStyle = "position:fixed;inset:auto 0 0 0;z-index:2147483647;margin:0;padding:1em;max-height:60vh;overflow:auto;background:#2b0000;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;border-top:4px solid #e00"

// script reloads the page after a rebuild, or swaps its stylesheets, and
// shows a failed rebuild's error as text over the page. The server says
// its version first on every connection, and again after a restart, when
// the browser reconnects by itself: a page that hears another version than
// the one it was served with (the server was restarted, or an event was
// missed) reloads. A connection the browser gives up on is opened again.
const script = `<script>
(() => {
  let version = "` + versionMark + `";
  const connect = () => {
    const events = new EventSource("/_digest/events");
    events.addEventListener("hello", (e) => { if (e.data !== version) location.reload(); });
    events.addEventListener("reload", () => location.reload());
    events.addEventListener("style", (e) => {
      version = e.data;
      hide();
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        const u = new URL(link.href);
        u.searchParams.set("digest-version", e.data);
        link.href = u.href;
      }
    });
    events.addEventListener("failure", (e) => show(JSON.parse(e.data)));
    events.addEventListener("error", () => {
      if (events.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    });
  };
  connect();
  function show(text) {
    let box = document.getElementById("digest-failure");
    if (!box) {
      box = document.createElement("pre");
      box.id = "digest-failure";
      box.setAttribute("role", "alert");
      box.style.cssText = "` + overlayStyle + `";
      document.body.append(box);
    }
    box.textContent = "digest: the last change did not build; still showing the last good site.\n\n" + text;
  }
  function hide() { document.getElementById("digest-failure")?.remove(); }
})();
</script>
`
