package workbook

import "testing"

// xlsxWriterParts is a workbook as XlsxWriter writes one: every formula with a cached 0
// and fullCalcOnLoad telling Excel to compute them all when it opens the file.
func xlsxWriterParts(fullCalc bool) map[string]string {
	calc := `<calcPr calcId="124519"/>`
	if fullCalc {
		calc = `<calcPr calcId="124519" fullCalcOnLoad="1"/>`
	}
	parts := minimalParts(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:E2"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row><row r="2" spans="1:5"><c r="A2"><f>ROW()-1</f><v>0</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2"><f>50000+10000</f><v>0</v></c><c r="E2"><v>24</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>` + calc + `</workbook>`
	parts["xl/sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7"><si><t>序号</t></si><si><t>企业名称</t></si><si><t>统一社会信用代码</t></si><si><t>2023年产值(万元)</t></si><si><t>增加值率(%)</t></si><si><t>甲</t></si><si><t>913501127300791959</t></si></sst>`
	return parts
}

// In a workbook whose cached results are all stale, every formula reads as one without a
// saved result (its 0 is no result), wherever it is; other cells read as they are.
func TestFullCalcOnLoadFormulasHaveNoResult(t *testing.T) {
	book, err := openBytes(t, zipParts(t, xlsxWriterParts(true)))
	if err != nil {
		t.Fatal(err)
	}
	rows := allRows(t, book)
	if len(rows) != 2 {
		t.Fatalf("rows %v", rows)
	}
	row := rows[2]
	for col, formula := range map[int]string{0: "ROW()-1", 3: "50000+10000"} {
		if c := row.Cell(col); c.Kind != FormulaNoValue || c.Formula != formula {
			t.Errorf("%s2 read as %+v, want a formula without result", ColumnName(col), c)
		}
	}
	if c := row.Cell(4); c.Kind != Number || c.Value != "24" {
		t.Errorf("E2 read as %+v", c)
	}
	// Without fullCalcOnLoad the cached 0 is the result Excel saved.
	book, err = openBytes(t, zipParts(t, xlsxWriterParts(false)))
	if err != nil {
		t.Fatal(err)
	}
	if c := allRows(t, book)[2].Cell(3); c.Kind != Number || c.Value != "0" {
		t.Errorf("without fullCalcOnLoad D2 read as %+v, want its cached 0", c)
	}
}
