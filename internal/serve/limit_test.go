package serve

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSlowClients holds 1,000 connections on loopback that never finish
// their request's header: the server closes all but the newest
// maxPending of them, and the page and the reload stream keep working for
// the editor all along.
func TestSlowClients(t *testing.T) {
	root := newSite(t)
	url, _ := startAt(t, root, 0, io.Discard)
	events := listen(t, url)
	addr := strings.TrimPrefix(url, "http://")

	const slow = 1000
	conns := make([]net.Conn, 0, slow)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range slow {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("after %d connections: %v", len(conns), err)
		}
		conns = append(conns, c)
		if _, err := io.WriteString(c, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"); err != nil {
			t.Fatal(err)
		}
	}

	if code, body := get(t, url+"/"); code != 200 || !strings.Contains(body, eventsPath) {
		t.Errorf("page while %d slow clients wait: %d", slow, code)
	}
	replaceIn(t, filepath.Join(root, veto), "title:", "title: Slow")
	await(t, events, "reload")

	// The server has closed the oldest: a read finds the end of the
	// stream at once, where a connection still held times out.
	closed := 0
	for _, c := range conns {
		c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
		_, err := c.Read(make([]byte, 1))
		var ne net.Error
		if !(errors.As(err, &ne) && ne.Timeout()) {
			closed++
		}
	}
	if held := slow - closed; held > maxPending {
		t.Errorf("the server holds %d slow connections, want at most %d", held, maxPending)
	}
}

// TestStreamCap: past maxStreams open event streams, another gets 503 and
// the pages are still served.
func TestStreamCap(t *testing.T) {
	root := newSite(t)
	url, _ := startAt(t, root, 0, io.Discard)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: maxStreams + 8}}
	for i := range maxStreams {
		req, _ := http.NewRequestWithContext(ctx, "GET", url+eventsPath, nil)
		resp, err := client.Do(req)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("stream %d: %v", i, err)
		}
		defer resp.Body.Close()
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", url+eventsPath, nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("stream %d: %d, want 503", maxStreams+1, resp.StatusCode)
	}
	if code, _ := get(t, url+"/"); code != 200 {
		t.Errorf("page with %d streams open: %d", maxStreams, code)
	}
}

// TestBindAll: bound to every interface, the server warns that other
// machines can reach it, and answers requests addressed to the bound
// address and to the machine's name, still not to other names.
func TestBindAll(t *testing.T) {
	root := newSite(t)
	log := new(logBuffer)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Root: root, Bind: "0.0.0.0", Port: 0, Log: log, Now: time.Now, Ready: func(u string) { ready <- u }})
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start")
	}
	if !strings.Contains(log.String(), "warning: --bind 0.0.0.0: the preview is reachable from other machines on the network") {
		t.Errorf("no warning:\n%s", log)
	}
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(strings.TrimSuffix(url, "/"), "http://"))
	host, _ := os.Hostname()
	for h, want := range map[string]int{"0.0.0.0:" + port: 200, host + ":" + port: 200, "127.0.0.1:" + port: 200, "evil.example:" + port: 403} {
		req, _ := http.NewRequest("GET", url, nil)
		req.Host = h
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", h, resp.StatusCode, want)
		}
	}
}
