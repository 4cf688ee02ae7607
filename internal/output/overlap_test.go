package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckDestination(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content", "static", "templates", "seeds", "elsewhere"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(root, "digest.yaml"), nil, 0o644)
	if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "elsewhere", "link")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	guarded := []Guarded{{Path: ".", Parent: true}, {Path: "digest.yaml"}}
	for _, d := range []string{"content", "static", "templates", "seeds"} {
		guarded = append(guarded, Guarded{Path: d})
	}
	for _, tc := range []struct{ dest, want string }{
		{"public", ""},
		{"out/site", ""},
		{"elsewhere/public", ""},
		{filepath.Join(filepath.Dir(root), "other-site"), ""},
		{".", "destination . (" + root + ") is the source . (" + root + ")"},
		{"content", "destination content (" + root + "/content) is the source content (" + root + "/content)"},
		{"templates", "is the source templates"},
		{"static/out", "destination static/out (" + root + "/static/out) is inside the source static (" + root + "/static)"},
		{"seeds/x/y", "is inside the source seeds"},
		{"..", "holds the source ."},
		{"public/../content", "is the source content"},
		{"elsewhere/link", "destination elsewhere/link (" + root + "/content) is the source content"},
		{"elsewhere/link/sub", "is inside the source content"},
		{"digest.yaml", "is the source digest.yaml"},
		{"/", "holds the source ."},
	} {
		err := CheckDestination(tc.dest, guarded...)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.dest, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: got %v, want %q", tc.dest, err, tc.want)
		}
	}
}
