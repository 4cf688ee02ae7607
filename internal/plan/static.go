package plan

import (
	"errors"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/output"
)

// The static files are copied as they are, each to its own path. The
// static kind comes last, so a file of static/ (or an image of content/)
// at the path of a page, feed or image the site makes is the one reported.
func init() {
	register(Kind{Name: "static", Order: 80, Reads: Static, Entries: func(m *Model) []Entry {
		entries := make([]Entry, 0, len(m.Static))
		for _, f := range m.Static {
			entries = append(entries, Entry{Kind: "static", Paths: []string{f.Name}, Reads: Reads{Parts: Static, Static: f.Name},
				Render: func(emit Emit) error {
					err := emit(f.Name, f.Data)
					if errors.Is(err, output.ErrDuplicate) && f.Source != "" {
						return diag.Errorf(f.Source, 0, "the site makes %s itself; move or rename this file", f.Name)
					}
					return err
				}})
		}
		return entries
	}})
}
