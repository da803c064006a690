package measure

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
	"github.com/changle/subsidy/internal/usererr"
	"github.com/changle/subsidy/internal/workbook"
)

// PaidClaim is a claim awarded in an earlier award workbook of this tool.
type PaidClaim struct {
	Code  string
	Claim []string // the measure's claim fields as read
	Award decimal.Decimal
	Where string // "1月-招聘活动补助.xlsx 明细!第5行"
}

// paidClaims are the claims of one measure paid in earlier batches, by claim key.
type paidClaims map[string]PaidClaim

// detailSheet and settingsSheet are the sheets every award workbook of this tool has.
const detailSheet, settingsSheet = "明细", "参数"

// readPaid reads the awarded claims of the measure from earlier award workbooks, or from the
// award workbooks in folders. A file that is not an award workbook of this tool is an error.
// anyMeasure (the quarter's run) passes over an award workbook of another measure instead of
// refusing it.
func readPaid(m Measure, p *policy.Policy, paths []string, limits workbook.Limits, anyMeasure bool) (paidClaims, error) {
	files, err := priorFiles(paths)
	if err != nil {
		return nil, err
	}
	paid := paidClaims{}
	for _, f := range files {
		if err := readPaidFile(m, p, f, limits, paid, anyMeasure); err != nil {
			return nil, err
		}
	}
	return paid, nil
}

// priorFile is an earlier award workbook named on the command line, or found in a folder
// named there (where other workbooks are passed over).
type priorFile struct {
	path     string
	inFolder bool
}

// priorFiles expands folders into the .xlsx files in them, in name order, and patterns
// (已发放/*.xlsx, as cmd.exe passes them on) into the files they match.
func priorFiles(paths []string) ([]priorFile, error) {
	var files []priorFile
	for _, path := range paths {
		if _, err := os.Stat(path); err != nil && strings.ContainsAny(path, "*?[") {
			matches, _ := filepath.Glob(path)
			slices.Sort(matches)
			for _, m := range matches {
				files = append(files, priorFile{m, true}) // like a folder's: other workbooks are passed over
			}
			if len(matches) > 0 {
				continue
			}
		}
		st, err := os.Stat(path)
		if err != nil {
			return nil, usererr.Wrap(err, "找不到 --prior 指定的 "+path, "请给出此前各批次的奖励表（.xlsx）或其所在文件夹")
		}
		if !st.IsDir() {
			files = append(files, priorFile{path, false})
			continue
		}
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, usererr.Wrap(err, "无法读取文件夹 "+path, "请确认该文件夹可以读取")
		}
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".xlsx") && !strings.HasPrefix(e.Name(), "~$") {
				files = append(files, priorFile{filepath.Join(path, e.Name()), true})
			}
		}
	}
	return files, nil
}

func readPaidFile(m Measure, p *policy.Policy, f priorFile, limits workbook.Limits, paid paidClaims, anyMeasure bool) error {
	file := f.path
	notAward := func(why string) error {
		return usererr.New(fmt.Sprintf("--prior 指定的 %s 不是本工具的%s奖励表（%s）", file, m.Section(p).Name, why),
			"请给出此前运行本工具写出的奖励表（含“明细”“参数”两个工作表）")
	}
	src, err := workbook.Open(file, "", limits)
	if err != nil {
		if f.inFolder {
			return nil // not a workbook this tool wrote
		}
		return err
	}
	defer src.Close()
	sheets, err := awardSheets(src, p)
	if err != nil {
		return notAward(err.Error())
	}
	i := slices.IndexFunc(sheets, func(s sheetOf) bool { return s.measure.Key == m.Key })
	switch {
	case i >= 0:
	case f.inFolder:
		return nil // an input, or another measure's award workbook, beside the earlier batches
	case len(sheets) == 0:
		return notAward("没有“明细”和“参数”工作表")
	case sheets[0].sheet == detailSheet && !anyMeasure:
		return notAward("它是“" + sheets[0].measure.Section(p).Name + "”的奖励表")
	default:
		return nil // no claims of this measure: another measure's, or a quarter without its sheet
	}
	sheet := sheets[i].sheet
	err = scanDecided(src, m, p, sheet, func(d Decided) error {
		if d.Status != award.Awarded {
			return nil
		}
		key := claimKeyOf(d.Code, d.Claim)
		paid[key] = PaidClaim{Code: d.Code, Claim: d.Claim, Award: d.Award,
			Where: fmt.Sprintf("%s %s!第%d行", filepath.Base(file), sheet, d.Row)}
		return nil
	})
	if err != nil {
		return notAward(err.Error())
	}
	return nil
}

// settingOf reads an item of the 参数 sheet: its first column names it, the second holds it.
func settingOf(src workbook.Source, item string) (string, error) {
	value := ""
	err := src.Rows(settingsSheet, func(_ int, cells []workbook.Cell) error {
		if len(cells) >= 2 && table.Normalize(cells[0].Value) == item && value == "" {
			value = table.Normalize(cells[1].Value)
		}
		return nil
	})
	return value, err
}

// alreadyPaid turns an award into not eligible when an earlier batch paid the same claim.
func alreadyPaid(out calc.Outcome, paid PaidClaim) calc.Outcome {
	out.Status, out.Award = calc.NotEligible, decimal.Zero
	out.Reasons = append(out.Reasons[:len(out.Reasons)-1],
		fmt.Sprintf("已于此前批次发放：%s，%s元，不重复发放", paid.Where, paid.Award.StringFixed(2)), "不符合奖励条件")
	return out
}

// paidBefore reports whether an earlier batch paid the row's claim: such a row is not paid
// again, and takes no place among this run's awards.
func paidBefore(m Measure, p *policy.Policy, t *table.Table, row table.Row, paid paidClaims) bool {
	if len(paid) == 0 {
		return false
	}
	key, ok := claimKey(m, p, t, row)
	_, was := paid[key]
	return ok && was
}
