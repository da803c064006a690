package serve

import (
	"net/http"
	"strings"
	"testing"
)

// Every path refuses a request without the token, or with a wrong one, in Chinese.
func TestTokenRequired(t *testing.T) {
	p := startPage(t, testOptions(t))
	paths := []string{"/", "/assets/app.js", "/api/info", "/api/templates/valueadd", "/api/jobs/x", "/api/jobs/x/rows", "/nosuch"}
	for _, path := range paths {
		for _, c := range []struct {
			name   string
			query  string
			cookie string
		}{
			{"no token", "", ""},
			{"wrong token", "?token=guess", ""},
			{"wrong cookie", "", "guess"},
			{"wrong token, right cookie", "?token=guess", testToken},
		} {
			req, _ := http.NewRequest(http.MethodGet, p.ts.URL+path+c.query, nil)
			if c.cookie != "" {
				req.AddCookie(&http.Cookie{Name: p.s.cookie, Value: c.cookie})
			}
			resp, err := p.ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s: %s, want 403", path, c.name, resp.Status)
			}
		}
	}
	req, _ := http.NewRequest(http.MethodPost, p.ts.URL+"/api/jobs?measure=valueadd", strings.NewReader(""))
	resp, err := p.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("upload without token: %s", resp.Status)
	}
}

// The token in the address lets the page in and sets the cookie its later requests carry.
func TestTokenSetsCookie(t *testing.T) {
	p := startPage(t, testOptions(t))
	resp, body := p.get("/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "企业奖励计算") {
		t.Fatalf("GET /?token=: %s %.200s", resp.Status, body)
	}
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == p.s.cookie {
			cookie = c
		}
	}
	if cookie == nil || cookie.Value != testToken || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Path != "/" {
		t.Fatalf("cookie %+v", cookie)
	}
	req, _ := http.NewRequest(http.MethodGet, p.ts.URL+"/api/info", nil)
	req.AddCookie(cookie)
	resp, err := p.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("with the cookie: %s", resp.Status)
	}
}

// A request for another host name is refused even with the token: a page of another site
// that rebinds its name to 127.0.0.1 must not reach in.
func TestForeignHostRefused(t *testing.T) {
	p := startPage(t, testOptions(t))
	port := p.ts.Listener.Addr().String()[strings.LastIndex(p.ts.Listener.Addr().String(), ":"):]
	for host, want := range map[string]int{
		"evil.example" + port:           http.StatusForbidden,
		"evil.example":                  http.StatusForbidden,
		"127.0.0.1.evil.example" + port: http.StatusForbidden,
		"127.0.0.1:1":                   http.StatusForbidden,
		"localhost" + port:              http.StatusOK,
		"LOCALHOST" + port:              http.StatusOK,
		"127.0.0.1" + port:              http.StatusOK,
	} {
		req, _ := http.NewRequest(http.MethodGet, p.ts.URL+"/api/info?token="+testToken, nil)
		req.Host = host
		resp, err := p.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %s, want %d", host, resp.Status, want)
		}
	}
}

// No answer carries a CORS header, so no other origin's script may read it; a preflight is refused.
func TestNoCORS(t *testing.T) {
	p := startPage(t, testOptions(t))
	for _, method := range []string{http.MethodGet, http.MethodOptions} {
		req, _ := http.NewRequest(method, p.ts.URL+"/api/info?token="+testToken, nil)
		req.Header.Set("Origin", "http://evil.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err := p.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for name := range resp.Header {
			if strings.HasPrefix(strings.ToLower(name), "access-control-") {
				t.Errorf("%s: header %s", method, name)
			}
		}
		if method == http.MethodOptions && resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("preflight: %s", resp.Status)
		}
	}
}

// The page listens on this computer's own address only.
func TestLoopbackOnly(t *testing.T) {
	for addr, want := range map[string]string{
		"":               "127.0.0.1:0",
		":8080":          "127.0.0.1:8080",
		"localhost:8080": "127.0.0.1:8080",
		"127.0.0.1:0":    "127.0.0.1:0",
		"[::1]:8080":     "[::1]:8080",
		"0.0.0.0:8080":   "",
		"192.168.1.5:80": "",
		"[::]:8080":      "",
		"example.com:80": "",
		"8080":           "",
	} {
		got, err := loopback(addr)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("loopback(%q) = %q, %v; want %q", addr, got, err, want)
		}
		if err != nil && !strings.Contains(err.Error(), "--addr") {
			t.Errorf("loopback(%q): %v", addr, err)
		}
	}
}
