package measure

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// jsonRecord is one line of the JSON Lines this tool writes (SPEC §5); claim fields aside.
type jsonRecord struct {
	Measure  *string   `json:"measure"`
	Row      int       `json:"row"`
	Name     string    `json:"name"`
	Code     *string   `json:"code"`
	Status   *string   `json:"status"`
	Award    *string   `json:"award"`
	Reasons  *[]string `json:"reasons"`
	Warnings []string  `json:"warnings"`
}

// readJSONLines reads the JSON Lines of a run, each line a row; its measure field tells the
// measures of subsidy all apart.
func readJSONLines(ctx context.Context, path string, limits workbook.Limits) ([]Decisions, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usererr.Wrap(err, "无法读取 "+path, "请确认它是可以读取的文件")
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limits.FileSize {
		return nil, &workbook.TooLargeError{What: path + " 的文件", Size: st.Size(), Limit: limits.FileSize, Flag: "--max-file-size"}
	}
	byMeasure := map[string]*Decisions{}
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		if n%cancelCheckRows == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		line, err := r.ReadBytes('\n')
		if errors.Is(err, io.EOF) && len(bytes.TrimSpace(line)) == 0 {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, usererr.Wrap(err, "读取 "+path+" 时出错", "请确认文件完整、可以读取")
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte(utf8BOM))
		}
		if err := readJSONLine(line, byMeasure); err != nil {
			why := fmt.Sprintf("第%d行%s", n, err)
			if !bytes.HasSuffix(line, []byte("\n")) {
				why += "，文件可能不完整"
			}
			return nil, notOutput(path, why)
		}
	}
	var out []Decisions
	for _, m := range Registry {
		if d, ok := byMeasure[m.Key]; ok {
			out = append(out, *d)
		}
	}
	return out, nil
}

// readJSONLine adds one record to its measure's decisions; an error says what is wrong with it.
func readJSONLine(line []byte, byMeasure map[string]*Decisions) error {
	var rec jsonRecord
	var fields map[string]any
	if json.Unmarshal(line, &rec) != nil || json.Unmarshal(line, &fields) != nil {
		return fmt.Errorf("不是完整的 JSON 记录")
	}
	if _, ok := fields["type"]; ok {
		return fmt.Errorf("是 subsidy diff 的比较结果")
	}
	if rec.Measure == nil || rec.Code == nil || rec.Status == nil || rec.Award == nil || rec.Reasons == nil {
		return fmt.Errorf("缺少 measure、code、status、award 或 reasons")
	}
	m, ok := All[*rec.Measure]
	if !ok {
		return fmt.Errorf("的措施“%s”不是本工具的措施", *rec.Measure)
	}
	status := award.Status(*rec.Status)
	if !slices.Contains(award.Statuses, status) {
		return fmt.Errorf("的状态“%s”不是本工具写出的", *rec.Status)
	}
	amount, err := decimal.NewFromString(*rec.Award)
	if err != nil {
		return fmt.Errorf("的奖励金额“%s”不是数字", *rec.Award)
	}
	d, seen := byMeasure[m.Key]
	if !seen {
		d = &Decisions{Measure: m, Known: known(m, true)}
		byMeasure[m.Key] = d
	}
	row := Decided{Code: *rec.Code, Name: rec.Name, Status: status, Award: amount,
		Explanation: award.Explanation(award.Outcome{Reasons: *rec.Reasons, Warnings: rec.Warnings}),
		Row:         rec.Row, Claim: make([]string, len(m.Claim))}
	for i, c := range m.Claim {
		if d.Known[i] {
			row.Claim[i], _ = fields[c.JSON].(string)
		}
	}
	d.Rows = append(d.Rows, row)
	return nil
}
