//go:build !unix

package sourcefs

const nonBlock = 0
