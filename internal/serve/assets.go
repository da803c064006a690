package serve

import (
	"embed"
	"net/http"
)

// assets are the page itself: plain HTML, CSS and JavaScript, embedded, so it works with no
// network and needs no build step.
//
//go:embed assets/index.html assets/app.css assets/app.js
var assets embed.FS

// assetTypes are written out: Windows' registry may map .js to text/plain, which nosniff refuses.
var assetTypes = map[string]string{
	"index.html": "text/html; charset=utf-8",
	"app.css":    "text/css; charset=utf-8",
	"app.js":     "text/javascript; charset=utf-8",
}

func serveIndex(w http.ResponseWriter, _ *http.Request) { sendAsset(w, "index.html") }

func serveAsset(w http.ResponseWriter, r *http.Request) { sendAsset(w, r.PathValue("name")) }

func sendAsset(w http.ResponseWriter, name string) {
	kind, ok := assetTypes[name]
	if !ok {
		refuse(w, http.StatusNotFound, "没有这个文件")
		return
	}
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		refuse(w, http.StatusInternalServerError, "页面文件缺失：请重新下载本工具")
		return
	}
	w.Header().Set("Content-Type", kind)
	w.Write(data)
}
