package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// axeResult is the part of axe.run's result the test reads.
type axeResult struct {
	Passes     int `json:"passes"`
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target  []any  `json:"target"`
			Summary string `json:"failureSummary"`
		} `json:"nodes"`
	} `json:"violations"`
}

// axeRun runs axe-core on the page in tb against WCAG 2.2 AA and best
// practice rules, and returns the violations of impact serious or critical.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
	resultTypes: ["violations"],
}).then(r => ({
	passes: r.passes.length,
	violations: r.violations.filter(v => v.impact === "serious" || v.impact === "critical"),
}))`

// Pages axe checks: the front page, an article with every part (quote
// cards, highlights, risk, sidebar), a topic page, the 404 page, the
// archive, the article's month and the index of topics.
func axePages(t *testing.T) []string {
	a := articleTitled(t, "Russia seeks veto in Ukraine security guarantees")
	return []string{"/", a.URL, a.Topics[0].URL, "/404.html", "/archive/", a.Month.Home.URL, "/topics/"}
}

func TestAxeFindsNoSeriousViolation(t *testing.T) {
	script, err := os.ReadFile(axePath)
	if err != nil {
		missing(t, fmt.Errorf("axe-core not installed (run npm ci in e2e/): %w", err))
	}
	tb := newTab(t)
	for _, scheme := range []string{"light", "dark"} {
		tb.colorScheme(scheme)
		for _, p := range axePages(t) {
			tb.open(p)
			eval[bool](tb, string(script)+";true")
			res := eval[axeResult](tb, axeRun)
			if res.Passes == 0 {
				t.Errorf("%s: axe checked nothing", p)
			}
			for _, v := range res.Violations {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, fmt.Sprint(n.Target)+": "+n.Summary)
				}
				t.Errorf("%s (%s mode): %s %s: %s\n\t%s", p, scheme, v.Impact, v.ID, v.Help, strings.Join(where, "\n\t"))
			}
		}
	}
}
