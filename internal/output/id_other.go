//go:build !unix

package output

import "io/fs"

// inode is 0 where the system does not say; the package does not write
// such sites (see acquire).
func inode(fs.FileInfo) uint64 { return 0 }
