package workbook

import (
	"fmt"
	"strconv"
	"strings"
)

// Limits bound what a workbook may make the tool read, so a hostile or broken file
// (a zip bomb, a gigantic sheet) is refused with a message instead of exhausting memory.
type Limits struct {
	FileSize  int64 // bytes of the input file
	UnzipSize int64 // bytes of any one part once inflated; shared strings, held in memory, a quarter of it
}

// DefaultLimits admit a million-row sheet with room to spare.
var DefaultLimits = Limits{FileSize: 512 << 20, UnzipSize: 1 << 30}

// TooLargeError says what exceeded which limit, and the flag that raises it.
type TooLargeError struct {
	What        string
	Size, Limit int64
	Flag        string
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s大小为 %s，超过上限 %s（可能是损坏或恶意文件）；如确需处理，请加 %s 提高上限", e.What, FormatSize(e.Size), FormatSize(e.Limit), e.Flag)
}

var sizeUnits = []struct {
	suffix string
	factor int64
}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}}

// ParseSize reads "512MiB", "2GiB", "1000000" (bytes).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	factor := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, factor = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.factor
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/factor {
		return 0, fmt.Errorf("“%s”不是大小，应写作如 512MiB、2GiB", s)
	}
	return n * factor, nil
}

// FormatSize writes bytes in the largest binary unit: exact as ParseSize reads it (512MiB),
// else with one decimal (1.5GiB).
func FormatSize(n int64) string {
	for _, u := range []struct {
		name   string
		factor int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		switch {
		case n >= u.factor && n%u.factor == 0:
			return strconv.FormatInt(n/u.factor, 10) + u.name
		case n >= u.factor:
			return strconv.FormatFloat(float64(n)/float64(u.factor), 'f', 1, 64) + u.name
		}
	}
	return strconv.FormatInt(n, 10) + "B"
}
