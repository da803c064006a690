package serve

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"
)

// guard admits a request only when it is for this page's own address (a foreign Host is a
// DNS-rebinding page reaching in) and carries the token: in the query (the address printed
// at start), or in the cookie that a token-bearing GET sets. The cookie is HttpOnly and
// SameSite=Strict, so another site's page can neither read it nor send it.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secureHeaders(w.Header())
		if !s.hosts[strings.ToLower(r.Host)] {
			refuse(w, http.StatusForbidden, "拒绝访问：本页面只能用启动时显示的地址（http://"+s.addr+"/…）打开")
			return
		}
		if token := r.URL.Query().Get("token"); token != "" {
			if !s.isToken(token) {
				refuse(w, http.StatusForbidden, "拒绝访问：地址中的口令不对，请用启动窗口中显示的完整地址打开本页面")
				return
			}
			if r.Method == http.MethodGet {
				http.SetCookie(w, &http.Cookie{Name: s.cookie, Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			}
			next.ServeHTTP(w, r)
			return
		}
		if c, err := r.Cookie(s.cookie); err != nil || !s.isToken(c.Value) {
			refuse(w, http.StatusForbidden, "拒绝访问：缺少口令，请用启动窗口中显示的完整地址（含 ?token=…）打开本页面")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// isToken compares in constant time, so timing tells nothing of the token.
func (s *server) isToken(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

// allowedHosts are the Host headers of this page: its address, and localhost on its port.
func allowedHosts(addr string) map[string]bool {
	_, port, _ := net.SplitHostPort(addr)
	return map[string]bool{strings.ToLower(addr): true, "localhost:" + port: true}
}

// secureHeaders keep the page to itself: its own scripts only, not framed, nothing sent on as
// a referrer, nothing cached. No CORS header is ever set, so no other origin reads an answer.
func secureHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
}
