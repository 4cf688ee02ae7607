//go:build unix

package sourcefs

import "syscall"

const nonBlock = syscall.O_NONBLOCK
