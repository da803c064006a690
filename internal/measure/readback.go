package measure

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// notOutput is the message for a file that is not an award output of this tool.
func notOutput(path, why string) error {
	return usererr.New(path+" 不是本工具写出的奖励结果（"+why+"）",
		"请给出本工具写出的奖励表（.xlsx，含“明细”“参数”工作表）或 JSON Lines 结果（--format json）")
}

// ReadOutput reads back an award output of this tool — the award workbook or JSON Lines, of
// one measure or of several (subsidy all) — as the decisions of each measure in it, in
// registry order. Anything else is an error naming the file.
func ReadOutput(ctx context.Context, path string, p *policy.Policy, limits workbook.Limits) ([]Decisions, error) {
	if limits == (workbook.Limits{}) {
		limits = workbook.DefaultLimits
	}
	isJSON, err := looksLikeJSONLines(path)
	if err != nil {
		return nil, err
	}
	if isJSON {
		return readJSONLines(ctx, path, limits)
	}
	return readAwardWorkbook(ctx, path, p, limits)
}

// looksLikeJSONLines tells JSON Lines by its first character (an empty .jsonl is a run with
// no rows); anything else goes to the workbook reader, which names what it is.
func looksLikeJSONLines(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, usererr.Wrap(err, "找不到文件 "+path, "请检查文件名和路径")
	}
	if err != nil {
		return false, usererr.Wrap(err, "无法读取 "+path, "请确认它是可以读取的文件，而不是文件夹")
	}
	defer f.Close()
	head, _ := bufio.NewReader(f).Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte(utf8BOM)), " \t\r\n")
	if len(head) == 0 {
		ext := strings.ToLower(filepath.Ext(path))
		return ext == ".jsonl" || ext == ".json", nil
	}
	return head[0] == '{', nil
}

// utf8BOM may open JSON Lines an editor has saved again.
const utf8BOM = "\ufeff"

// readAwardWorkbook reads 明细 of a measure's award workbook (its measure named in 参数), or
// each measure's sheet of the quarter's workbook (named by the measure's Chinese name).
func readAwardWorkbook(ctx context.Context, path string, p *policy.Policy, limits workbook.Limits) ([]Decisions, error) {
	opened, err := workbook.Open(path, "", limits)
	if err != nil {
		return nil, err
	}
	defer opened.Close()
	src := cancellable{opened, ctx}
	fail := func(err error) error {
		if ctx.Err() != nil {
			return ctx.Err() // interrupted, not a wrong file
		}
		return notOutput(path, err.Error())
	}
	sheets, err := awardSheets(src, p)
	if err != nil {
		return nil, fail(err)
	}
	switch {
	case len(sheets) > 0:
	case !slices.Contains(src.SheetNames(), settingsSheet):
		return nil, notOutput(path, "没有“参数”工作表")
	default:
		return nil, notOutput(path, "没有“明细”工作表，也没有以措施命名的明细工作表")
	}
	var out []Decisions
	for _, s := range sheets {
		d := Decisions{Measure: s.measure, Known: known(s.measure, false)}
		err := scanDecided(src, s.measure, p, s.sheet, func(row Decided) error {
			d.Rows = append(d.Rows, row)
			return nil
		})
		if err != nil {
			return nil, fail(err)
		}
		out = append(out, d)
	}
	return out, nil
}

// awardSheets finds the detail sheets of an award workbook of this tool: 明细 of the measure
// 参数 names, or each measure's sheet of the quarter's workbook (named by the measure's
// Chinese name). None means the workbook is not one this tool wrote.
func awardSheets(src workbook.Source, p *policy.Policy) ([]sheetOf, error) {
	names := src.SheetNames()
	if !slices.Contains(names, settingsSheet) {
		return nil, nil
	}
	named, err := settingOf(src, "措施")
	if err != nil {
		return nil, err
	}
	if m, ok := byName(p, named); ok && slices.Contains(names, detailSheet) {
		return []sheetOf{{detailSheet, m}}, nil
	}
	var sheets []sheetOf
	for _, m := range Registry {
		if title := m.Section(p).Name; slices.Contains(names, title) {
			sheets = append(sheets, sheetOf{title, m})
		}
	}
	return sheets, nil
}

// sheetOf is a sheet of an award workbook and the measure whose rows it holds.
type sheetOf struct {
	sheet   string
	measure Measure
}

// byName finds a measure by its Chinese name in the policy in force (参数's 措施).
func byName(p *policy.Policy, name string) (Measure, bool) {
	for _, m := range Registry {
		if m.Section(p).Name == name {
			return m, true
		}
	}
	return Measure{}, false
}

// known says which claim fields an output holds: every one in a workbook, in JSON Lines
// those written there.
func known(m Measure, jsonLines bool) []bool {
	k := make([]bool, len(m.Claim))
	for i, c := range m.Claim {
		k[i] = !jsonLines || c.JSON != ""
	}
	return k
}
