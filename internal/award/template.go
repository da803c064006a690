package award

import (
	"github.com/changle/subsidy/internal/table"

	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Template describes a blank input workbook for one measure.
type Template struct {
	Title   string              // 增加值率奖励申报表
	Clause  string              // the clause quoted in 填表说明
	Fields  []table.Field       // in column order
	Choices map[string][]string // field key → allowed values, offered as a drop-down
	Notes   []string            // further lines for 填表说明
}

const (
	templateSheet = "申报表"
	guideSheet    = "填表说明"
	templateRows  = 1000 // rows given drop-downs and formats
)

// WriteTemplate writes the blank workbook: 申报表 with the canonical headers (units in
// brackets), 是/否 drop-downs, date and text formats; 填表说明 quoting the clause.
func WriteTemplate(w io.Writer, t Template) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", templateSheet); err != nil {
		return err
	}
	headerStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return err
	}
	headers := append([]any{"序号"}, fieldHeaders(t.Fields)...)
	if err := f.SetSheetRow(templateSheet, "A1", &headers); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(headers))
	if err := f.SetCellStyle(templateSheet, "A1", last+"1", headerStyle); err != nil {
		return err
	}
	if err := f.SetColWidth(templateSheet, "A", last, 18); err != nil {
		return err
	}
	for i, fld := range t.Fields {
		col, _ := excelize.ColumnNumberToName(i + 2)
		if err := formatColumn(f, col, fld, t.Choices[fld.Key]); err != nil {
			return fmt.Errorf("模板列%s: %w", fld.Header, err)
		}
	}
	if err := f.SetPanes(templateSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := writeGuide(f, t); err != nil {
		return err
	}
	return f.Write(w)
}

func fieldHeaders(fields []table.Field) []any {
	out := make([]any, len(fields))
	for i, f := range fields {
		out[i] = f.Header
	}
	return out
}

// formatColumn gives a column its drop-down or number format for the rows staff fill.
func formatColumn(f *excelize.File, col string, fld table.Field, choices []string) error {
	rng := fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
	if fld.Kind == table.KindYesNo {
		choices = []string{"是", "否"}
	}
	if len(choices) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = rng
		if err := dv.SetDropList(choices); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "请从下拉列表选择", "可填："+strings.Join(choices, "、"))
		if err := f.AddDataValidation(templateSheet, dv); err != nil {
			return err
		}
	}
	format := ""
	switch fld.Kind {
	case table.KindDate:
		format = "yyyy-mm-dd"
	case table.KindCode, table.KindText:
		format = "@" // text, so an 18-digit code is never turned into a number
	}
	if format == "" {
		return nil
	}
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return err
	}
	return f.SetCellStyle(templateSheet, col+"2", fmt.Sprintf("%s%d", col, templateRows+1), style)
}

func writeGuide(f *excelize.File, t Template) error {
	if _, err := f.NewSheet(guideSheet); err != nil {
		return err
	}
	lines := []string{t.Title, "", "政策依据：" + t.Clause, "", "各列填写要求："}
	for _, fld := range t.Fields {
		lines = append(lines, "· "+fld.Header+"："+fieldGuide(fld))
	}
	lines = append(lines, t.Notes...)
	lines = append(lines, "", "合计行、以“注：”或“填表说明”开头的行、空行不参与计算；可在表头之上加标题行，可增加其他列（原样保留）。")
	for i, line := range lines {
		if err := f.SetCellStr(guideSheet, fmt.Sprintf("A%d", i+1), line); err != nil {
			return err
		}
	}
	return f.SetColWidth(guideSheet, "A", "A", 120)
}

func fieldGuide(f table.Field) string {
	var s string
	switch f.Kind {
	case table.KindYesNo:
		s = "从下拉列表选“是”或“否”"
	case table.KindDate:
		s = "日期，如2024-01-15"
	case table.KindMoney, table.KindEnergy:
		s = "数字，单位见表头括号；可改用其他单位，但须写在表头括号内"
	case table.KindPercent:
		s = "百分数，填24表示24%，或设为百分比格式"
	case table.KindCount:
		s = "人数（月平均，可有小数），不能为负"
	case table.KindCode:
		s = "18位统一社会信用代码"
	default:
		s = "文字"
	}
	switch f.Presence {
	case table.Optional:
		s += "（选填）"
	case table.AssumedYes:
		s += "（可删去此列：删去即视为全部为“是”）"
	}
	return s
}
