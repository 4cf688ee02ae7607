//go:build !unix

package output

import (
	"fmt"
	"os"
	"runtime"
)

// acquire fails: without flock and rename-over-directory semantics the
// package cannot keep its promises here.
func acquire(name, dest string) (*os.File, error) {
	return nil, fmt.Errorf("output: writing %s is not supported on %s", dest, runtime.GOOS)
}
