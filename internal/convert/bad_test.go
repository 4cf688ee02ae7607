package convert

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/diag"
)

func TestBadSeeds(t *testing.T) {
	dir := site(t, map[string]string{
		"a_good.txt":   seedA,
		"b_empty.txt":  " \n\n",
		"c_binary.txt": "T4K3.news\nHead\x00\n",
		"d_latin1.txt": "Body one.\nCaf\xe9 two.\n",
		"e_none.txt":   "Key Takeaways\nRelated News\nTitle\n",
		"f_good.txt":   "Another body paragraph about Geneva.\nWritten By Bo",
	})
	r, err := Run(Options{Source: dir, Date: testDate})
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("err = %v, want a diag.List", err)
	}
	want := dir + "/seeds/b_empty.txt: empty seed\n" +
		dir + "/seeds/c_binary.txt:2: binary data (NUL byte), not a text seed\n" +
		dir + "/seeds/d_latin1.txt:2: not valid UTF-8\n" +
		dir + "/seeds/e_none.txt: no article text: no paragraph found\n"
	if got := list.Full(); got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	if len(r.Written) != 2 {
		t.Errorf("written %q, want the two good seeds", r.Written)
	}
}

// TestConfigLimits: a seed over the site's own cap (limits.seedFile in
// digest.yaml) is refused, naming it, when the caller gives no caps.
func TestConfigLimits(t *testing.T) {
	dir := site(t, map[string]string{"a_good.txt": seedA, "b_small.txt": "Body one about Geneva.\nWritten By Bo"})
	if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte("limits:\n  seedFile: 50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Source: dir, Date: testDate})
	if err == nil || !strings.Contains(err.Error(), "a_good.txt") {
		t.Fatalf("err = %v, want the seed over 50 bytes named", err)
	}
	if len(r.Written) != 1 {
		t.Errorf("written %q, want the small seed", r.Written)
	}
}
