package e2e

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	gen "github.com/t4k3news/digest/bench/gen/corpus"
	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/config"
	"github.com/t4k3news/digest/internal/content"
	"github.com/t4k3news/digest/internal/convert"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/route"
	"github.com/t4k3news/digest/internal/site"
)

// bigCount is the size of the generated site that the tests of a large
// archive use: a digest's first year or two. It is generated, converted
// and built the first time a test asks for it (about ten seconds), never
// committed.
const bigCount = 10000

// maxListing is the most bytes a listing page (front, topic, archive) may
// have, whatever the size of the site.
const maxListing = 100_000

// big is the generated site, made once by bigSite.
var big struct {
	once   sync.Once
	err    error
	public string     // the built site
	url    string     // where it is served, without a trailing slash
	model  *site.Site // its model, for expectations
}

// bigSite returns the generated site of bigCount articles, making it the
// first time.
func bigSite(t *testing.T) {
	t.Helper()
	big.once.Do(func() { big.err = makeBig(filepath.Join(tmpDir, "big")) })
	if big.err != nil {
		t.Fatalf("generated site: %v", big.err)
	}
}

func makeBig(root string) error {
	if err := gen.New(gen.Options{Count: bigCount, Seed: 1}).Write(root); err != nil {
		return err
	}
	if _, err := convert.Run(convert.Options{Source: root}); err != nil {
		return err
	}
	for _, d := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(root, d), os.DirFS(filepath.Join(repoRoot, d))); err != nil {
			return err
		}
	}
	cfg, err := config.Load(os.DirFS(repoRoot), config.File)
	if err != nil {
		return err
	}
	big.public = filepath.Join(root, "public")
	src := os.DirFS(root)
	if _, err := build.Build(build.Options{Source: src, Destination: big.public, Config: cfg, BaseURL: "/"}); err != nil {
		return err
	}
	docs, err := content.Load(src, load.ContentDir)
	if err != nil {
		return err
	}
	routes, _ := route.New("/")
	if big.model, err = site.New(docs, routes); err != nil {
		return err
	}
	big.model.SetPagerSize(cfg.Pagination.PagerSize)
	srv := httptest.NewServer(http.FileServer(http.Dir(big.public)))
	cleanups = append(cleanups, srv.Close)
	big.url = srv.URL
	return nil
}

// TestBigListingsStaySmall checks that no listing page of the generated
// site is larger than maxListing, and that the front page shows the lead
// story and pagerSize more, however many there are.
func TestBigListingsStaySmall(t *testing.T) {
	bigSite(t)
	largest, size := "", int64(0)
	err := filepath.WalkDir(big.public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || strings.Contains(p, "/news/") {
			return err
		}
		info, err := d.Info()
		if err == nil && info.Size() > size {
			largest, size = p, info.Size()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if size > maxListing || size == 0 {
		t.Errorf("largest listing page %s is %d bytes, want at most %d", largest, size, maxListing)
	}
	t.Logf("largest listing page: %s, %d bytes", largest, size)
	front, err := os.ReadFile(filepath.Join(big.public, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, a := range big.model.Articles {
		if strings.Contains(string(front), `href="`+a.URL+`"`) {
			shown++
		}
	}
	if want := 1 + big.model.PagerSize; shown != want {
		t.Errorf("front page links %d stories, want %d", shown, want)
	}
}

// hrefs finds the links of a page, and the search box, a form whose
// action leads to the search page.
var hrefs = regexp.MustCompile(`(?:href|action)="([^"]+)"`)

// TestBigEveryPageWithinFourClicks follows the links of the generated site
// from its front page, breadth first, and checks that every page but the
// 404 page is at most four clicks away.
func TestBigEveryPageWithinFourClicks(t *testing.T) {
	bigSite(t)
	depth := map[string]int{"index.html": 0}
	queue := []string{"index.html"}
	for len(queue) > 0 {
		file := queue[0]
		queue = queue[1:]
		if depth[file] == 4 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(big.public, file))
		if err != nil {
			t.Fatal(err)
		}
		page := &url.URL{Path: "/" + strings.TrimSuffix(file, "index.html")}
		for _, m := range hrefs.FindAllSubmatch(data, -1) {
			u, err := url.Parse(string(m[1]))
			if err != nil || u.Host != "" || !strings.HasSuffix(u.Path, "/") && !strings.HasSuffix(u.Path, ".html") {
				continue
			}
			next := route.File(page.ResolveReference(u).Path)
			if _, seen := depth[next]; !seen {
				depth[next] = depth[file] + 1
				queue = append(queue, next)
			}
		}
	}
	var far []string
	err := filepath.WalkDir(big.public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(big.public, p)
		if _, ok := depth[filepath.ToSlash(rel)]; !ok && rel != "404.html" {
			far = append(far, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(far) > 0 {
		slices.Sort(far)
		t.Errorf("%d pages are more than four clicks from the front page, such as %s", len(far), far[0])
	}
	if len(depth) < bigCount {
		t.Errorf("only %d pages reached", len(depth))
	}
}

// TestBigArchiveLeadsToTheOldestStory follows the archive, as a reader
// would, from the front page to the oldest story: the archive, its oldest
// month, that month's page 1, and its last story.
func TestBigArchiveLeadsToTheOldestStory(t *testing.T) {
	bigSite(t)
	tb := newTab(t)
	tb.openURL(big.url + "/")
	if got := tb.click(`//main//a[normalize-space()="The archive, month by month"]`); got != "/archive/" {
		t.Fatalf("archive link opened %s", got)
	}
	oldest := big.model.Months[len(big.model.Months)-1]
	if got := tb.click(`(//main//ul[@class="months"]//a)[last()]`); got != oldest.Home.URL {
		t.Fatalf("last month of the archive opened %s, want %s", got, oldest.Home.URL)
	}
	if len(oldest.Pages) > 0 {
		if got := tb.click(`//nav[@aria-label="Pages"]//a[@aria-label="Page 1"]`); got != oldest.Pages[0].URL {
			t.Fatalf("page 1 link opened %s, want %s", got, oldest.Pages[0].URL)
		}
	}
	first := big.model.Articles[len(big.model.Articles)-1]
	if got := tb.click(`(//main//li[@class="entry"]//h3/a)[last()]`); got != first.URL {
		t.Fatalf("last story of the oldest page opened %s, want the oldest story, %s", got, first.URL)
	}
	if h1 := text(tb, "h1"); h1 != first.Meta.Title {
		t.Errorf("oldest story's h1 is %q, want %q", h1, first.Meta.Title)
	}
	if got := tb.click(`//p[@class="byline"]//a`); got != oldest.Home.URL {
		t.Errorf("the story's date opened %s, want its month, %s", got, oldest.Home.URL)
	}
}

// TestBigAxe runs axe-core on the generated site's listing pages, whose
// pager and breadcrumbs the small site does not have.
func TestBigAxe(t *testing.T) {
	bigSite(t)
	script, err := os.ReadFile(axePath)
	if err != nil {
		missing(t, fmt.Errorf("axe-core not installed (run npm ci in e2e/): %w", err))
	}
	topic := big.model.Featured[0]
	month := big.model.Months[1]
	tb := newTab(t)
	for _, p := range []string{"/", topic.URL, topic.Pages[0].URL, "/archive/", month.Home.URL, month.Pages[0].URL, "/topics/"} {
		tb.openURL(big.url + p)
		eval[bool](tb, string(script)+";true")
		res := eval[axeResult](tb, axeRun)
		if res.Passes == 0 {
			t.Errorf("%s: axe checked nothing", p)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: %s %s: %s (%d nodes)", p, v.Impact, v.ID, v.Help, len(v.Nodes))
		}
	}
}
