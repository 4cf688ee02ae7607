package content

import (
	"slices"
	"testing"
)

func TestWithAlias(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"new key",
			"---\ntitle: T # kept\ndate: 2025-08-21\nslug: new\n---\n\nBody.\n",
			"---\ntitle: T # kept\ndate: 2025-08-21\nslug: new\naliases:\n  - news/old/\n---\n\nBody.\n"},
		{"existing list",
			"---\ntitle: T\ndate: 2025-08-21\naliases: [news/first/]\n---\n\nBody.\n",
			"---\ntitle: T\ndate: 2025-08-21\naliases:\n  - news/first/\n  - news/old/\n---\n\nBody.\n"},
	}
	for _, tt := range tests {
		got, err := WithAlias("x.md", []byte(tt.in), "news/old/")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if string(got) != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.name, got, tt.want)
		}
		doc, err := Parse("x.md", got)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !slices.Contains(doc.Meta.Aliases, "news/old/") || !doc.Edited() {
			t.Errorf("%s: aliases %v, edited %v; want news/old/ in an edited file", tt.name, doc.Meta.Aliases, doc.Edited())
		}
	}
	if _, err := WithAlias("x.md", []byte("---\ntitle: T\naliases: news/x/\n---\n"), "news/old/"); err == nil || err.Error() != "x.md: aliases is not a list" {
		t.Errorf("aliases not a list: err = %v", err)
	}
}
