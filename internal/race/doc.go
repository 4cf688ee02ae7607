// Package race says whether the race detector is on, so that a test can
// take smaller sizes under it: it makes code several times slower, and
// finds a race in a small run as well as in a large one.
package race
