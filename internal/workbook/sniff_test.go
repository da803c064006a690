package workbook

import "testing"

func TestSniffText(t *testing.T) {
	for _, c := range []struct {
		head string
		want textKind
	}{
		{"企业名称,统一社会信用代码\n甲,9135\n", commaText},
		{"\ufeff企业名称,代码\r\n", commaText},
		{"\xc6\xf3\xd2\xb5\xc3\xfb\xb3\xc6,\xb4\xfa\xc2\xeb\r\n", commaText}, // GBK
		{"企业名称\t代码\n", tabText},
		{"this is not a zip file\n", plainText},
		{"\xff\xfeA\x00\t\x00", utf16Text},
		{"  <!DOCTYPE html><html><body><table>", htmlTable},
		{`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`, xmlWorkbook},
		{"%PDF-1.7\n", pdfFile},
		{"\x00\x01\x02", binary},
	} {
		if got := sniffText([]byte(c.head)); got != c.want {
			t.Errorf("sniffText(%q) = %d, want %d", c.head, got, c.want)
		}
	}
}
