package measure

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// blankLooking are cells that look empty; only the formula is not blank (SPEC §4).
var blankLooking = []string{"", " ", "\u3000", "\n", " \n\t", "formula"}

// Property: every input row that has any non-blank cell comes out exactly once, or is counted
// as a 合计/说明 row — whatever blank-looking cells (spaces, full-width spaces, line breaks,
// formulas without a saved result) sit in whichever position.
func TestNoRowWithContentIsLost(t *testing.T) {
	p := builtinPolicy(t)
	header := []string{"序号", "企业名称", "统一社会信用代码", "2023年产值(万元)", "增加值率(%)", "备注"}
	for seed := uint64(1); seed <= 4; seed++ {
		rnd := rand.New(rand.NewPCG(seed, 11))
		f := excelize.NewFile()
		for i, h := range header {
			ref, _ := excelize.CoordinatesToCellName(i+1, 1)
			f.SetCellValue("Sheet1", ref, h)
		}
		withContent, carried := 0, 0
		for r := 2; r <= 150; r++ {
			hasContent := false
			for col := 1; col <= len(header); col++ {
				ref, _ := excelize.CoordinatesToCellName(col, r)
				if rnd.IntN(3) == 0 {
					switch look := blankLooking[rnd.IntN(len(blankLooking))]; look {
					case "":
					case "formula":
						f.SetCellFormula("Sheet1", ref, "=ROW()-1")
						hasContent = true
					default:
						f.SetCellStr("Sheet1", ref, look)
					}
					continue
				}
				if rnd.IntN(4) == 0 {
					continue
				}
				hasContent = true
				switch col {
				case 1:
					f.SetCellValue("Sheet1", ref, r-1)
				case 2:
					f.SetCellValue("Sheet1", ref, fmt.Sprintf("企业%03d", r))
				case 3:
					f.SetCellValue("Sheet1", ref, validCode(r))
				case 4:
					f.SetCellValue("Sheet1", ref, 60000)
				case 5:
					f.SetCellValue("Sheet1", ref, 24)
				case 6:
					f.SetCellValue("Sheet1", ref, "已核")
				}
			}
			if rnd.IntN(25) == 0 {
				ref, _ := excelize.CoordinatesToCellName(1+rnd.IntN(2), r)
				f.SetCellValue("Sheet1", ref, "合计")
				f.SetCellValue("Sheet1", "C"+fmt.Sprint(r), "")
				hasContent, carried = true, carried+1
				// A 合计 label before any code makes the row a total, whatever else it holds.
				for col := 1; col <= 2; col++ {
					other, _ := excelize.CoordinatesToCellName(col, r)
					if other != ref {
						f.SetCellValue("Sheet1", other, nil)
					}
				}
			}
			if hasContent {
				withContent++
			}
		}
		path := filepath.Join(t.TempDir(), "blank.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
		out, res := runRaw(t, ValueAdd, p, path)
		rows := strings.Count(string(out), "\n")
		skipped := res.Report.Table.Skipped
		if rows+skipped.Total+skipped.Notes != withContent || skipped.Total != carried {
			t.Errorf("seed %d: %d rows with content in; %d out, %d 合计, %d 说明 (want %d 合计)", seed, withContent, rows, skipped.Total, skipped.Notes, carried)
		}
	}
}
