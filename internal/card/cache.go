package card

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Cache keeps the PNG of every card drawn, named by its key, in a folder
// outside the site's output (".cache/cards" at the site's root), so that
// a build draws only the cards that are new or show something new, and
// a workflow can keep the folder between runs.
type Cache struct {
	dir string

	mu    sync.Mutex
	used  map[string]bool // keys asked for since Open
	stats Stats
}

// Stats counts the cards asked of a cache: drawn, or read from the folder.
type Stats struct{ Drawn, Cached int }

// OpenCache returns the cache in folder dir, which is made when a card is
// first put in it; with dir "" every card is drawn and none kept.
func OpenCache(dir string) *Cache { return &Cache{dir: dir, used: make(map[string]bool)} }

// Stats counts the cards asked for since the cache was opened.
func (c *Cache) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

func (c *Cache) count(drawn bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if drawn {
		c.stats.Drawn++
	} else {
		c.stats.Cached++
	}
}

// pngMagic starts every PNG file: a cached file without it is drawn again.
var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// PNG returns the card of s, from the cache if it is there, else drawn and
// then kept. A card that cannot be kept is still returned: the cache only
// saves time. A nil cache draws every card and counts none.
func (c *Cache) PNG(s Spec) ([]byte, error) {
	if c == nil {
		return s.PNG()
	}
	if c.dir == "" {
		c.count(true)
		return s.PNG()
	}
	key := s.Key()
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
	name := filepath.Join(c.dir, key+".png")
	data, err := os.ReadFile(name)
	switch {
	case err == nil && bytes.HasPrefix(data, pngMagic):
		c.count(false)
		return data, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("card cache: %w", err)
	}
	c.count(true)
	if data, err = s.PNG(); err != nil {
		return nil, err
	}
	c.keep(name, data)
	return data, nil
}

// Kept counts the card of s as taken from the cache, and keeps it there,
// when a build keeps the card that its last build wrote without asking
// the cache for it.
func (c *Cache) Kept(s Spec) {
	if c == nil {
		return
	}
	key := s.Key()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.used[key] = true
	c.stats.Cached++
}

// keep writes the file under a temporary name and renames it, so that a
// build running beside this one never reads half a card.
func (c *Cache) keep(name string, data []byte) {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, ".card-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), name) != nil {
		os.Remove(tmp.Name())
	}
}

// Prune removes the cards no one asked for since the cache was opened,
// after a build of the whole site, so the folder holds the site's cards
// and no more.
func (c *Cache) Prune() error {
	if c == nil || c.dir == "" {
		return nil
	}
	entries, err := os.ReadDir(c.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("card cache: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range entries {
		key, ok := strings.CutSuffix(e.Name(), ".png")
		if ok && !c.used[key] && e.Type().IsRegular() {
			if err := os.Remove(filepath.Join(c.dir, e.Name())); err != nil {
				return fmt.Errorf("card cache: %w", err)
			}
		}
	}
	return nil
}
