package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestPagesWorkflow reads .github/workflows/pages.yml as text (the YAML
// library belongs to internal/content) for what GitHub's documented Pages
// deployment needs, and checks that every digest command it runs exists.
func TestPagesWorkflow(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"on:\n  push:\n    branches: [main]\n  workflow_dispatch:\n",
		"permissions:\n  contents: read\n  pages: write\n  id-token: write\n",
		"concurrency:\n  group: pages\n  cancel-in-progress: false\n",
		// Scheduled stories go out without a push.
		"  schedule:\n    - cron: \"*/30 * * * *\"\n",
		"uses: actions/checkout@v",
		"uses: actions/setup-go@v",
		"go-version-file: go.mod\n",
		"id: pages\n        uses: actions/configure-pages@v",
		`run: go run ./cmd/digest build --base-url "${{ steps.pages.outputs.base_url }}/"` + "\n",
		"run: go run ./cmd/digest check\n",
		"uses: actions/cache@v",
		"path: .cache/cards\n",
		"uses: actions/upload-pages-artifact@v",
		"path: public\n",
		"needs: build\n",
		"environment:\n      name: github-pages\n      url: ${{ steps.deployment.outputs.page_url }}\n",
		"id: deployment\n        uses: actions/deploy-pages@v",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("pages.yml: no %q", want)
		}
	}
	if strings.Index(text, "actions/cache@") > strings.Index(text, "digest build") {
		t.Error("pages.yml: want the card cache restored before the build")
	}
	if strings.Index(text, "digest build") > strings.Index(text, "digest check") || strings.Index(text, "digest check") > strings.Index(text, "upload-pages-artifact") {
		t.Error("pages.yml: want build, then check, then upload")
	}
	for _, m := range regexp.MustCompile(`go run ./cmd/digest (\w+)`).FindAllStringSubmatch(text, -1) {
		if _, ok := commands[m[1]]; !ok {
			t.Errorf("pages.yml runs digest %s, which is not a command", m[1])
		}
	}
}
