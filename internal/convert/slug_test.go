package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/route"
)

// A headline with no letter or digit gives no slug of its own: the slug
// comes from the dek, the text or the seed's name, with a warning, and it
// is one a build accepts.
func TestSlugFallback(t *testing.T) {
	dir := site(t, map[string]string{
		"1_dek.txt":  "T4K3.news\n!!! ??? …\nMinisters agree on a grain deal\n\nThe lede of the story.\nBody text.\n",
		"2_body.txt": "T4K3.news\n!!! ??? …\n— ? —\n\nFarmers protest in Lyon again today, says union.\nMore.\n",
		"3_hash.txt": "T4K3.news\n!!! ??? …\n— ? —\n\nꙮꙮ ʔʔ ǂǂ.\nꙮꙮ ʔʔ.\n",
	})
	rep, err := Run(Options{Source: dir, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"1_dek.txt":  "ministers-agree-on-a-grain-deal",
		"2_body.txt": "farmers-protest-in-lyon-again-today-says-union",
		"3_hash.txt": "article-",
	}
	if len(rep.Written) != 3 {
		t.Fatalf("written %q", rep.Written)
	}
	for _, p := range rep.Written {
		doc, err := content.Parse(p, mustRead(t, p))
		if err != nil {
			t.Errorf("a build rejects %s: %v", p, err)
			continue
		}
		s := doc.Meta.Slug
		if !route.IsSlug(s) || !strings.HasPrefix(s, want[doc.Meta.Seed]) || filepath.Base(p) != s+".md" {
			t.Errorf("%s: slug %q, want %q...", doc.Meta.Seed, s, want[doc.Meta.Seed])
		}
	}
	warns := rep.Warnings.Full()
	for _, w := range []string{
		`seeds/1_dek.txt:2: the headline "!!! ??? …" has no letter or digit for a slug; slug "ministers-agree-on-a-grain-deal" taken from the dek`,
		`seeds/2_body.txt:2: the headline "!!! ??? …" has no letter or digit for a slug; slug "farmers-protest-in-lyon-again-today-says-union" taken from the first words of the text`,
		`seeds/3_hash.txt:2: the headline "!!! ??? …" has no letter or digit for a slug, nor the dek or text; slug "article-`,
	} {
		if !strings.Contains(warns, w) {
			t.Errorf("warnings lack %q:\n%s", w, warns)
		}
	}
	// Converting again changes nothing.
	rep, err = Run(Options{Source: dir, Date: testDate})
	if err != nil || len(rep.Unchanged) != 3 {
		t.Errorf("second run: %v, %+v", err, rep)
	}
	_ = os.Remove
}
