package convert

import (
	"io/fs"
	"syscall"
)

// idOf returns the identity of the file fi describes.
func idOf(fi fs.FileInfo) fileID {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}
	}
	return fileID{fi.Size(), fi.Mode(), fi.ModTime().UnixNano(), st.Ctim.Nano(), st.Ino, st.Dev}
}
