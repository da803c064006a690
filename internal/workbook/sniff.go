package workbook

import (
	"archive/zip"
	"bytes"
	"strings"

	"github.com/changle/subsidy/internal/usererr"
)

// What a file handed over as a workbook turns out to be, told by its content rather than
// its name, so the message says what it is and how to get an .xlsx from it.

// sniffBytes is how much of a file is looked at to tell what it is.
const sniffBytes = 4096

// odfSpreadsheet is how an OpenDocument spreadsheet begins: a stored "mimetype" entry first.
var odfSpreadsheet = []byte("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")

func isODS(head []byte) bool { return bytes.Contains(head[:min(len(head), 120)], odfSpreadsheet) }

func odsError(path string) error {
	return usererr.New(path+" 是 OpenDocument 表格（.ods），本工具只读 .xlsx",
		"请在 WPS 或 LibreOffice 中打开，“另存为” Excel 工作簿（.xlsx）后再试")
}

// zipError explains a zip that is not a readable workbook, by the parts it holds.
func zipError(path string, cause error) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return damagedError(path, cause)
	}
	defer zr.Close()
	has := map[string]bool{}
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		has[name] = true
		if top, _, ok := strings.Cut(name, "/"); ok {
			has[top+"/"] = true
		}
	}
	switch {
	case has["xl/workbook.bin"]:
		return usererr.Wrap(cause, path+" 是 Excel 二进制工作簿（.xlsb），本工具只读 .xlsx", "请在 Excel/WPS 中“另存为” .xlsx 后再试")
	case has["content.xml"] && has["mimetype"]:
		return usererr.Wrap(cause, path+" 是 OpenDocument 文件，不是 Excel 工作簿", "如是表格，请在 WPS 或 LibreOffice 中“另存为” .xlsx 后再试")
	case has["word/"]:
		return usererr.Wrap(cause, path+" 是 Word 文档，不是 Excel 工作簿", "请选择申报表（.xlsx）文件")
	case has["ppt/"]:
		return usererr.Wrap(cause, path+" 是 PowerPoint 演示文稿，不是 Excel 工作簿", "请选择申报表（.xlsx）文件")
	case !has["xl/"] && !has["[Content_Types].xml"]:
		return usererr.Wrap(cause, path+" 是压缩包，不是 Excel 工作簿", "请先解压，再选择其中的 .xlsx 文件")
	}
	return damagedError(path, cause)
}

func damagedError(path string, cause error) error {
	return usererr.Wrap(cause, path+" 已损坏或不完整，无法读取",
		"请在 Excel/WPS 中打开（提示修复时选“是”），另存为 .xlsx 后再试；打不开则请报送单位重新发送")
}

// textKind says what a file that is not a zip or Compound File holds.
type textKind int

const (
	binary      textKind = iota
	commaText            // CSV, whatever the file is called
	plainText            // text, but no comma on its first line: no table to read
	tabText              // tab-separated, as Excel's 文本文件 export
	utf16Text            // Excel's "Unicode 文本": UTF-16, tab-separated
	htmlTable            // a web page, as many systems' "导出Excel" (.xls) really are
	xmlWorkbook          // Excel 2003 XML (SpreadsheetML)
	pdfFile
)

func sniffText(head []byte) textKind {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return utf16Text
	case bytes.HasPrefix(head, []byte("%PDF")):
		return pdfFile
	}
	for _, b := range head { // text in any encoding but UTF-16 has no control characters
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v') || b == 0x7F {
			return binary
		}
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	lower := bytes.ToLower(text)
	switch {
	case bytes.HasPrefix(lower, []byte("<")) && (bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<table"))):
		return htmlTable
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return xmlWorkbook
	}
	first, _, _ := bytes.Cut(text, []byte("\n"))
	switch {
	case bytes.ContainsRune(first, ','):
		return commaText
	case bytes.ContainsRune(first, '\t'):
		return tabText
	}
	return plainText
}

// textError says what to do with a text file that holds no CSV table.
func textError(path string, kind textKind) error {
	resave := "请在 Excel/WPS 中打开，“另存为” .xlsx 后再试"
	switch kind {
	case utf16Text:
		return usererr.New(path+" 是 Unicode（UTF-16）文本，不是 Excel 工作簿", resave)
	case tabText:
		return usererr.New(path+" 是以制表符分隔的文本，不是 Excel 工作簿", resave)
	case htmlTable:
		return usererr.New(path+" 是网页（HTML）格式的表格，不是真正的 Excel 工作簿（业务系统“导出Excel”常见）", resave)
	case xmlWorkbook:
		return usererr.New(path+" 是 Excel 2003 XML 表格，本工具只读 .xlsx", resave)
	case pdfFile:
		return usererr.New(path+" 是 PDF 文件，不是 Excel 工作簿", "请向报送单位索取 Excel 原表（.xlsx）")
	case plainText:
		return usererr.New(path+" 是文本文件，其中没有以逗号分隔的表格", "如是从系统导出的表格，"+resave)
	}
	return usererr.New(path+" 不是 Excel 工作簿（.xlsx），也不是 CSV 文本", resave)
}
