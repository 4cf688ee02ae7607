package content

import (
	"strings"
	"testing"
)

// readChecksumByCopy is readChecksum as it was: it assembles the file
// without the comment line and hashes that.
func readChecksumByCopy(fm, body string) (sum string, edited bool) {
	var rest strings.Builder
	for _, line := range strings.SplitAfter(fm, "\n") {
		if s, ok := strings.CutPrefix(line, checksumPrefix); ok && sum == "" {
			sum = strings.TrimSpace(s)
			continue
		}
		rest.WriteString(line)
	}
	if sum == "" {
		return "", true
	}
	file := assemble([]byte(rest.String()), "", body)
	return sum, checksum(file) != sum
}

// FuzzReadChecksum checks readChecksum, which hashes the file in pieces,
// against assembling a copy of it.
func FuzzReadChecksum(f *testing.F) {
	fm, body, _, _ := split("x.md", string(Marshal(sample())))
	f.Add(fm, body)
	line := checksumPrefix + "0123\n"
	for _, fm := range []string{"", "a: b\n", line, "x" + line, "a: b\n" + checksumPrefix + "\n" + line + line, checksumPrefix + " \n", line[:len(line)-1]} {
		f.Add(fm, body)
	}
	f.Fuzz(func(t *testing.T, fm, body string) {
		sum, edited := readChecksum(fm, body)
		wantSum, wantEdited := readChecksumByCopy(fm, body)
		if sum != wantSum || edited != wantEdited {
			t.Errorf("readChecksum(%q, %q) = %q, %v; want %q, %v", fm, body, sum, edited, wantSum, wantEdited)
		}
	})
}
