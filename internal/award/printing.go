package award

import (
	"fmt"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// printable sets a sheet up as staff print it (SPEC §5): A4 landscape, fitted to the page
// width, the header rows repeated on every page, a footer with the page number and the
// policy, and the first columns (names, codes) kept in view beside the frozen header.
func printable(f *excelize.File, sheet string, headerRow, frozenCols int, policyID string) error {
	landscape, a4, one, zero := "landscape", 9, 1, 0
	fit := true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: fmt.Sprintf("&L%s&C第 &P 页，共 &N 页&R%s", sheet, policyID),
	}); err != nil {
		return err
	}
	if headerRow > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, headerRow),
		}); err != nil {
			return err
		}
	}
	if headerRow == 0 {
		return nil
	}
	below, _ := excelize.CoordinatesToCellName(frozenCols+1, headerRow+1)
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: frozenCols, YSplit: headerRow, TopLeftCell: below, ActivePane: "bottomRight"})
}

// columnWidth is a width that shows text in full: CJK characters count double.
func columnWidth(texts ...string) float64 {
	widest := 0
	for _, s := range texts {
		w := 0
		for _, r := range s {
			w++
			if utf8.RuneLen(r) > 1 {
				w++
			}
		}
		widest = max(widest, w)
	}
	return float64(min(max(widest+2, 8), 60))
}
