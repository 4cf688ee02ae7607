package serve

import (
	"container/list"
	"context"
	"net"
	"net/http"
	"sync"
	"time"
)

// Bounds on what clients may hold of the preview server, so that a few
// hundred slow or stuck clients (a browser's tabs, a script, a hostile
// page's requests) cannot use up its file descriptors and leave the
// editor without a preview.
const (
	// maxPending is how many connections may wait to send a request's
	// header. Beyond it the oldest is closed: a slow client is the
	// oldest, an editor's browser sends its request at once.
	maxPending = 64
	// maxIdle is how many kept-alive connections may wait for a next
	// request; beyond it the oldest is closed.
	maxIdle = 64
	// maxRequests is how many requests, event streams included, are
	// answered at once; beyond it a request gets 503.
	maxRequests = 256
	// maxStreams is how many pages may listen for reloads at once; beyond
	// it a page's stream gets 503 (its browser retries).
	maxStreams = 64

	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 64 << 10
	// writeTimeout bounds the sending of one file to a client that does
	// not read; event streams have none.
	writeTimeout = 30 * time.Second
)

// newHTTPServer returns the server for h with its timeouts and bounds.
func newHTTPServer(ctx context.Context, h http.Handler) *http.Server {
	c := newConns()
	return &http.Server{
		Handler:           h,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ConnState:         c.track,
	}
}

// conns keeps, oldest first, the connections that wait for a request's
// header and those that wait idle for a next request, and closes the
// oldest of either kind past its bound.
type conns struct {
	mu      sync.Mutex
	pending *list.List // of net.Conn
	idle    *list.List
	where   map[net.Conn]*list.Element
}

func newConns() *conns {
	return &conns{pending: list.New(), idle: list.New(), where: make(map[net.Conn]*list.Element)}
}

func (c *conns) track(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.where[conn]; ok {
		c.pending.Remove(e) // a no-op on the other list
		c.idle.Remove(e)
		delete(c.where, conn)
	}
	switch state {
	case http.StateNew:
		c.add(c.pending, conn, maxPending)
	case http.StateIdle:
		c.add(c.idle, conn, maxIdle)
	}
}

// add puts conn at the back of l and closes the front past max; c.mu is
// held. Closing makes the server report StateClosed, which finds the
// connection gone from the lists already.
func (c *conns) add(l *list.List, conn net.Conn, max int) {
	c.where[conn] = l.PushBack(conn)
	for l.Len() > max {
		old := l.Remove(l.Front()).(net.Conn)
		delete(c.where, old)
		old.Close()
	}
}

// gate counts the requests and streams being answered.
type gate struct {
	mu       sync.Mutex
	requests int
	streams  int
}

// enter admits one more request, or stream, if the bounds allow it; done
// must be called when it ends.
func (g *gate) enter(stream bool) (done func(), ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.requests >= maxRequests || stream && g.streams >= maxStreams {
		return nil, false
	}
	g.requests++
	if stream {
		g.streams++
	}
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.requests--
		if stream {
			g.streams--
		}
	}, true
}

// busy answers a request past the bounds.
func busy(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	w.Header().Set("Connection", "close")
	http.Error(w, "digest serve: too many connections; try again", http.StatusServiceUnavailable)
}
