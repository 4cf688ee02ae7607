package check

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// GitHub Pages refuses a published site larger than PagesLimit bytes
// ("Published GitHub Pages sites may be no larger than 1 GB"; counted here
// in decimal units, the stricter reading). Size warns from PagesWarn of it.
const (
	PagesLimit = 1_000_000_000
	PagesWarn  = 0.8
)

// Size is what a built site weighs: its files and bytes, and the same by
// kind of file, largest kind first.
type Size struct {
	Files int
	Bytes int64
	Kinds []Kind
	// Packed is the size of the tar file that GitHub's Pages workflow
	// (actions/upload-pages-artifact) makes of the site before it
	// compresses and uploads it: every file and folder takes a 512-byte
	// header, every file's bytes are rounded up to 512, and so a site of
	// many small pages packs to more than its files' bytes.
	Packed int64
	// entries is Packed before the end of the archive and its padding.
	entries int64
}

// Tar's block and record sizes, as GNU tar writes an archive (its default
// blocking factor is 20).
const (
	tarBlock  = 512
	tarRecord = 20 * tarBlock
)

// tarEntry is what one entry named name with size bytes of data adds to a
// GNU tar file: a header, then the data in whole blocks. A name longer
// than a header's 100 bytes goes before it as a ././@LongLink entry of its
// own, the name and its NUL being that entry's data.
func tarEntry(name string, size int64) int64 {
	n := tarBlock + blocks(size)
	if len(name) > 100 {
		n += tarBlock + blocks(int64(len(name))+1)
	}
	return n
}

func blocks(n int64) int64 { return (n + tarBlock - 1) / tarBlock * tarBlock }

// Kind is the files of one kind: article pages, listing pages, feeds...
type Kind struct {
	Name  string
	Files int
	Bytes int64
	// Largest is the kind's largest file, and LargestBytes its size.
	Largest      string
	LargestBytes int64
}

// Measure adds up the sizes of the files of the built site in fsys.
func Measure(fsys fs.FS) (Size, error) {
	var s Size
	kinds := make(map[string]*Kind)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// The workflow tars the folder as ".": "./", "./news/", ...
			name := "./"
			if p != "." {
				name += p + "/"
			}
			s.entries += tarEntry(name, 0)
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		s.entries += tarEntry("./"+p, info.Size())
		name := kindOf(p)
		k := kinds[name]
		if k == nil {
			k = &Kind{Name: name}
			kinds[name] = k
		}
		n := info.Size()
		s.Files, s.Bytes = s.Files+1, s.Bytes+n
		k.Files, k.Bytes = k.Files+1, k.Bytes+n
		if n > k.LargestBytes || n == k.LargestBytes && p < k.Largest {
			k.Largest, k.LargestBytes = p, n
		}
		return nil
	})
	if err != nil {
		return Size{}, fmt.Errorf("check: %w", err)
	}
	// Two zero blocks end the archive, which is then padded to whole records.
	s.Packed = (s.entries + 2*tarBlock + tarRecord - 1) / tarRecord * tarRecord
	for _, k := range kinds {
		s.Kinds = append(s.Kinds, *k)
	}
	slices.SortFunc(s.Kinds, func(a, b Kind) int { return cmp.Or(cmp.Compare(b.Bytes, a.Bytes), cmp.Compare(a.Name, b.Name)) })
	return s, nil
}

// kindOf names the kind of the site's file p.
func kindOf(p string) string {
	base := path.Base(p)
	switch {
	case strings.HasPrefix(p, "news/") && base == "index.html":
		return "article pages"
	case path.Ext(p) == ".html":
		return "listing pages"
	case base == "feed.xml" || base == "atom.xml" || base == "feed.json":
		return "feeds"
	case strings.HasPrefix(base, "sitemap") || base == "news-sitemap.xml" || base == "robots.txt":
		return "sitemaps"
	case strings.HasPrefix(p, "search/"):
		return "search index"
	}
	switch path.Ext(p) {
	case ".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".ico":
		return "images"
	}
	return "static and other"
}

// Share is the site's size as a share of PagesLimit.
func (s Size) Share() float64 { return float64(s.Bytes) / PagesLimit }

// Report is the size in words: the total against GitHub Pages' limit, then
// each kind of file, largest first.
func (s Size) Report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "size: %s in %d files, %.0f%% of GitHub Pages' 1 GB limit\n", mb(s.Bytes), s.Files, 100*s.Share())
	fmt.Fprintf(&b, "  packed as the Pages workflow packs it (tar, before compression): %s\n", mb(s.Packed))
	for _, k := range s.Kinds {
		fmt.Fprintf(&b, "  %-16s %10s in %6d files, largest %s (%s)\n", k.Name, mb(k.Bytes), k.Files, k.Largest, kb(k.LargestBytes))
	}
	return b.String()
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
func kb(n int64) string { return fmt.Sprintf("%.1f KB", float64(n)/1e3) }
