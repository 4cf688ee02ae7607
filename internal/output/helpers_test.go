package output

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// site is a site's files by slash path; a key ending in "/" is an empty
// directory, which readTree reports and a built site must not have.
type site map[string]string

// build writes s to dest in one build, from several goroutines.
func build(t testing.TB, dest string, s site) Stats {
	t.Helper()
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := writeAll(w, s, 4); err != nil {
		t.Fatal(err)
	}
	st, err := w.Commit()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// writeAll writes the files of s from the given number of goroutines.
func writeAll(w *Writer, s site, workers int) error {
	paths := slices.Sorted(maps.Keys(s))
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(paths); i += workers {
				if err := w.WriteFile(paths[i], []byte(s[paths[i]])); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// readTree returns the files and empty directories under dir.
func readTree(t testing.TB, dir string) site {
	t.Helper()
	s := site{}
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || name == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, name)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if ents, err := os.ReadDir(name); err == nil && len(ents) == 0 {
				s[rel+"/"] = ""
			}
			return err
		}
		b, err := os.ReadFile(name)
		s[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkTree fails unless dir holds exactly the site want.
func checkTree(t testing.TB, dir string, want site) {
	t.Helper()
	got := readTree(t, dir)
	for rel, w := range want {
		if g, ok := got[rel]; !ok {
			t.Errorf("%s: missing", rel)
		} else if g != w {
			t.Errorf("%s = %q, want %q", rel, g, w)
		}
	}
	for rel := range got {
		if _, ok := want[rel]; !ok {
			t.Errorf("%s: not in the site", rel)
		}
	}
}

// infos returns the FileInfo of every file under dir, by slash path.
func infos(t testing.TB, dir string) map[string]fs.FileInfo {
	t.Helper()
	m := map[string]fs.FileInfo{}
	for rel := range readTree(t, dir) {
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		m[rel] = fi
	}
	return m
}

// checkKept fails unless the files named in both maps are still the same
// inode with the same modification time.
func checkKept(t testing.TB, before, after map[string]fs.FileInfo) {
	t.Helper()
	for rel, a := range after {
		b, ok := before[rel]
		if !ok {
			continue
		}
		if !os.SameFile(a, b) || !a.ModTime().Equal(b.ModTime()) {
			t.Errorf("%s was rewritten", rel)
		}
	}
}

// siblings lists the names in dest's parent directory.
func siblings(t testing.TB, dest string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}
