package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

// TestMain lets the scripts run digest as a command, in this test binary.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"digest": func() {
			err := run(os.Args[1:], os.Stdout, os.Stderr)
			if err != nil && !isHelp(err) {
				report(os.Stderr, err)
			}
			os.Exit(exitCode(err))
		},
	})
}

// TestScripts runs the CLI scripts in testdata/script. Each starts in a
// work folder holding the repository's templates/ and static/, with the
// five real seeds in realseeds/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"templates", "static"} {
				if err := os.CopyFS(filepath.Join(env.WorkDir, dir), os.DirFS(filepath.Join("..", "..", dir))); err != nil {
					return err
				}
			}
			if err := os.CopyFS(filepath.Join(env.WorkDir, "realtemplates"), os.DirFS(filepath.Join("..", "..", "templates"))); err != nil {
				return err
			}
			return os.CopyFS(filepath.Join(env.WorkDir, "realseeds"), os.DirFS(filepath.Join("..", "..", "seeds")))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"links":   cmdLinks,
			"mention": cmdMention,
			"mkfifo":  cmdMkfifo,
			"sleep":   cmdSleep,
		},
	})
}

// linkAttr finds the URLs that a page links to or loads.
var linkAttr = regexp.MustCompile(`(?:href|src)="([^"#]*)`)

// cmdLinks checks that every site-internal href and src in the HTML files
// below DIR resolves to a file of the site: links DIR BASEPATH.
func cmdLinks(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: links DIR BASEPATH")
	}
	root, base := ts.MkAbs(args[0]), args[1]
	var broken []string
	checked := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			rel, ok := strings.CutPrefix(m[1], base)
			if !ok {
				continue
			}
			rel, _, _ = strings.Cut(rel, "?") // a search: the page is what must exist
			checked++
			target := filepath.Join(root, filepath.FromSlash(rel))
			if rel == "" || strings.HasSuffix(rel, "/") {
				target = filepath.Join(target, "index.html")
			}
			if _, err := os.Stat(target); err != nil {
				broken = append(broken, fmt.Sprintf("%s: %s", p[len(root)+1:], m[1]))
			}
		}
		return nil
	})
	ts.Check(err)
	if checked == 0 {
		ts.Fatalf("no links under %s found", base)
	}
	if neg != (len(broken) > 0) {
		ts.Fatalf("%d of %d links broken:\n%s", len(broken), checked, strings.Join(broken, "\n"))
	}
	ts.Logf("%d links checked", checked)
}

// cmdMention checks whether any file below DIR, of any kind (pages,
// feeds, sitemaps, search index), contains TEXT: mention DIR TEXT, or
// ! mention DIR TEXT for none. It names the files that do.
func cmdMention(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mention DIR TEXT")
	}
	root := ts.MkAbs(args[0])
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(data), args[1]) {
			files = append(files, p[len(root)+1:])
		}
		return err
	})
	ts.Check(err)
	switch {
	case neg && len(files) > 0:
		ts.Fatalf("%q is in %s", args[1], strings.Join(files, ", "))
	case !neg && len(files) == 0:
		ts.Fatalf("%q is in no file under %s", args[1], args[0])
	}
}

// cmdMkfifo makes named pipes, which a reader that opens them waits on
// until a writer comes: mkfifo PATH...
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	for _, p := range args {
		ts.Check(syscall.Mkfifo(ts.MkAbs(p), 0o644))
	}
}

// cmdSleep waits, for a command in the background to get going: sleep
// DURATION.
func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

// TestHelpListsEditorCommands checks that digest -h lists the commands an
// editor uses and no tool of the repository's own (the benchmark corpus
// generator is go run ./bench/gen).
func TestHelpListsEditorCommands(t *testing.T) {
	var out strings.Builder
	if err := run([]string{"-h"}, &out, &out); !isHelp(err) {
		t.Fatalf("run -h: %v", err)
	}
	for _, want := range []string{"convert", "build", "serve", "check", "new"} {
		if !strings.Contains(out.String(), "\n  "+want+" ") {
			t.Errorf("digest -h does not list %s:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "\n  gen ") {
		t.Errorf("digest -h lists gen:\n%s", out.String())
	}
}
