package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
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
	s.broadcast(event{name, fmt.Sprint(s.version)})
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
	data, _ := json.Marshal(err.Error()) // a JSON string is one line
	return string(data)
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
	c := make(chan event, 16)
	s.mu.Lock()
	s.clients[c] = true
	c <- event{"hello", fmt.Sprint(s.version)}
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

// inject adds the reload script to an HTML page, before its last </body>
// or at its end. Only pages served by the preview get it, never a build.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(script))
	out = append(out, page[:i]...)
	out = append(out, script...)
	return append(out, page[i:]...)
}

// script reloads the page after a rebuild, or swaps its stylesheets, and
// shows a failed rebuild's error as text over the page. A page that finds
// the server at another version than it was loaded at (the server was
// restarted, or an event was missed) reloads.
const script = `<script>
(() => {
  const events = new EventSource("/_digest/events");
  let version = null;
  const seen = (v) => { if (version !== null && version !== v) location.reload(); version = v; };
  events.addEventListener("hello", (e) => seen(e.data));
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
  function show(text) {
    let box = document.getElementById("digest-failure");
    if (!box) {
      box = document.createElement("pre");
      box.id = "digest-failure";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;z-index:2147483647;margin:0;padding:1em;max-height:60vh;overflow:auto;background:#2b0000;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;border-top:4px solid #e00";
      document.body.append(box);
    }
    box.textContent = "digest: the last change did not build; still showing the last good site.\n\n" + text;
  }
  function hide() { document.getElementById("digest-failure")?.remove(); }
})();
</script>
`
