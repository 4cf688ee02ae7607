package content

import "testing"

// Bytes that are not text inside the front matter are reported at the
// line they are on, not at line 1 where the YAML library puts them.
func TestInvalidBytes(t *testing.T) {
	const head = "---\ntitle: A\nslug: a\ndate: 2025-08-21T10:00:00Z\n"
	for _, tt := range []struct{ name, file, want string }{
		{"NUL", head + "summary: bad \x00 byte\n---\nbody\n", "c.md:5: front matter: NUL byte at column 14; only text is allowed"},
		{"NUL in quotes", head + "tags:\n  - \"x\x00\"\n---\nbody\n", "c.md:6: front matter: NUL byte at column 7; only text is allowed"},
		{"bell", "---\ntitle: A\x07\n---\n", "c.md:2: front matter: control character U+0007 at column 9; only text is allowed"},
		{"DEL", head + "author: \x7f\n---\n", "c.md:5: front matter: control character U+007F at column 9; only text is allowed"},
		{"invalid UTF-8", head + "summary: bad \xff byte\n---\nbody\n", "c.md:5: not valid UTF-8"},
	} {
		_, err := Parse("c.md", []byte(tt.file))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.want)
		}
	}
	if _, err := Parse("c.md", []byte(head+"summary: tab\tand ünïcode\r\n---\nbody\n")); err != nil {
		t.Errorf("text: %v", err)
	}
}
