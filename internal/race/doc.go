// Package race says whether the race detector is on, so that a test can
// take smaller sizes under it: it makes code several times slower, and
// finds a race in a small run as well as in a large one.
package race

// Size returns n, or small under the race detector.
func Size(n, small int) int {
	if Enabled {
		return small
	}
	return n
}
