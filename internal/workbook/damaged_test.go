package workbook

import (
	"errors"
	"testing"
)

// The caller's own error passes through a read as it was, with no part name around it
// (a damaged worksheet is testdata/script/file_errors.txtar).
func TestCheckedBookPassesCallerErrors(t *testing.T) {
	src, err := Open(build(t, [][]any{{"企业名称"}, {"甲"}}, nil), "", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	stop := errors.New("stop")
	if err := src.Rows("Sheet1", func(int, []Cell) error { return stop }); err != stop {
		t.Errorf("caller's error came back as %v", err)
	}
	if err := src.Rows("Sheet1", func(int, []Cell) error { return nil }); err != nil {
		t.Errorf("a whole read failed: %v", err)
	}
}
