package serve

import (
	"net"

	"github.com/changle/subsidy/internal/usererr"
)

// loopback is the address to listen on: only this computer's own (127.0.0.1, ::1), never a
// network's, since the page holds enterprises' figures and has no login but its token.
func loopback(addr string) (string, error) {
	if addr == "" {
		return "127.0.0.1:0", nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", usererr.Wrap(err, "--addr "+addr+" 应写作“地址:端口”", "例如 --addr 127.0.0.1:8080，或不加 --addr 由本工具选择空闲端口")
	}
	if host == "" || host == "localhost" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return "", usererr.New("--addr "+addr+" 不是本机地址：页面只在本机上提供，不对网络开放", "请写 127.0.0.1 的端口，例如 --addr 127.0.0.1:8080")
	}
	return net.JoinHostPort(host, port), nil
}
