package serve

import (
	"net/http"
	"path"
)

// types are the content types of the files a site has, fixed here rather
// than taken from the system's tables, which differ from machine to machine.
var types = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".xml":   "application/xml",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".avif":  "image/avif",
	".ico":   "image/vnd.microsoft.icon",
	".woff2": "font/woff2",
	".woff":  "font/woff",
	".pdf":   "application/pdf",
}

func contentType(name string, data []byte) string {
	if t, ok := types[path.Ext(name)]; ok {
		return t
	}
	return http.DetectContentType(data)
}
