//go:build linux || darwin

package content_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, user and system, so that
// a benchmark can report it when other jobs share the machine and its
// goroutines share the work.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
