package output

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The kill test re-runs the test binary as a child that builds versions of a
// site in a loop; these variables select that mode.
const (
	childDest     = "DIGEST_OUTPUT_CHILD_DEST"
	childStart    = "DIGEST_OUTPUT_CHILD_START"
	childFallback = "DIGEST_OUTPUT_CHILD_FALLBACK"
)

const killPages = 2000

var padding = strings.Repeat("filler text of a page. ", 20)

// versionSite is version v of a site whose VERSION file names v. Each
// version drops a seventh of the pages and brings back the ones the previous
// version dropped, and changes a third of the pages, so that a tree mixing
// two versions never matches either.
func versionSite(v int) site {
	s := site{"VERSION": strconv.Itoa(v)}
	for i := range killPages {
		if i%7 == v%7 {
			continue
		}
		rev := (v + i%3) / 3
		s[fmt.Sprintf("s%02d/p%04d/index.html", i%20, i)] = fmt.Sprintf("page %d rev %d\n%s", i, rev, padding)
	}
	return s
}

func TestKill9(t *testing.T) {
	if dest := os.Getenv(childDest); dest != "" {
		runChild(t, dest)
		return
	}
	if testing.Short() {
		t.Skip("re-runs the test binary")
	}
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, versionSite(0))
	last := 0
	for round := range 8 {
		fallback := round%4 == 3
		committed := killChild(t, dest, last+1, fallback)
		if !fallback { // with the fallback, dest may be missing until Begin
			checkVersion(t, dest)
		}
		w, err := Begin(dest) // recovers, and shows the lock was freed
		if err != nil {
			t.Fatal(err)
		}
		w.Abort()
		// The child may have committed one more version than it printed.
		if last = checkVersion(t, dest); last != committed && last != committed+1 {
			t.Fatalf("dest has version %d, want %d or %d", last, committed, committed+1)
		}
	}
	build(t, dest, versionSite(last+1))
	checkTree(t, dest, versionSite(last+1))
}

// killChild starts a child building versions from start on, kills it at a
// random moment after its first build began, and returns the last version
// it reported committed.
func killChild(t *testing.T, dest string, start int, fallback bool) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill9$")
	cmd.Env = append(os.Environ(), childDest+"="+dest, childStart+"="+strconv.Itoa(start))
	if fallback {
		cmd.Env = append(cmd.Env, childFallback+"=1")
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	lines.Scan() // "started"
	time.Sleep(time.Duration(rand.IntN(1000)) * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	committed, other := start-1, ""
	for lines.Scan() {
		if v, err := strconv.Atoi(lines.Text()); err == nil {
			committed = v
		} else {
			other += lines.Text() + "\n"
		}
	}
	var exit *exec.ExitError
	if err := cmd.Wait(); !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child: %v\n%s%s", err, other, stderr.String())
	}
	t.Logf("killed after committing version %d (started at %d, fallback %v)", committed, start, fallback)
	return committed
}

// checkVersion checks that dest holds exactly the version its VERSION file
// names, and returns that version.
func checkVersion(t *testing.T, dest string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dest, "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := strconv.Atoi(string(b))
	if err != nil {
		t.Fatal(err)
	}
	checkTree(t, dest, versionSite(v))
	if t.Failed() {
		t.FailNow()
	}
	return v
}

// runChild builds versions of the site until it is killed, printing each
// version it committed.
func runChild(t *testing.T, dest string) {
	v, _ := strconv.Atoi(os.Getenv(childStart))
	fmt.Println("started")
	for ; ; v++ {
		w, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		if os.Getenv(childFallback) != "" {
			w.exchange = func(a, b string) error { return errors.ErrUnsupported }
		}
		if err := writeAll(w, versionSite(v), 4); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		fmt.Println(v)
	}
}
