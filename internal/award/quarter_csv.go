package award

import (
	"encoding/csv"
	"io"
	"strconv"
)

// QuarterCSV writes the rows of every measure in one table: the measure, where the row came
// from, who, and the decision (each measure's other columns differ, so they are left out).
type QuarterCSV struct {
	cw    *csv.Writer
	close func() error
}

var quarterCSVHeader = []string{"奖励项目", "文件", "工作表", "行", "企业名称", "统一社会信用代码", "所属乡镇(街道)", "状态", "奖励金额(元)", "计算说明", "政策条款"}

// NewQuarterCSV starts the CSV, UTF-8 with BOM or GB18030, with its header.
func NewQuarterCSV(w io.Writer, gbk bool) (*QuarterCSV, error) {
	cw, closeEnc, err := csvOut(w, gbk)
	if err != nil {
		return nil, err
	}
	c := &QuarterCSV{cw: cw, close: closeEnc}
	return c, c.cw.Write(quarterCSVHeader)
}

// Row writes one decided row of a measure.
func (c *QuarterCSV) Row(title, file, sheet, town string, res *Result) error {
	o := res.Outcome
	return c.cw.Write([]string{title, csvText(file), csvText(sheet), strconv.Itoa(res.Row.Num), csvText(res.Name), csvCode(res.Code, res.CodeOK),
		csvText(town), o.Status.Label(), o.Award.StringFixed(2), csvText(Explanation(o)), o.Clause})
}

// Close flushes the CSV.
func (c *QuarterCSV) Close() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.close()
}
