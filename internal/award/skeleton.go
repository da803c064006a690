package award

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// skeleton renders the workbook as laid out so far and returns, for each named sheet, the
// XML excelize writes around its (empty) rows: the rows themselves are streamed by us.
func skeleton(f *excelize.File, sheets []string) (map[string][2][]byte, map[string]string, error) {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, nil, err
	}
	parts, err := worksheetParts(zr)
	if err != nil {
		return nil, nil, err
	}
	out := map[string][2][]byte{}
	for _, name := range sheets {
		data, err := readZipPart(zr, parts[name])
		if err != nil {
			return nil, nil, err
		}
		head, tail, err := splitSheetData(data)
		if err != nil {
			return nil, nil, err
		}
		out[name] = [2][]byte{head, tail}
	}
	return out, parts, nil
}

// worksheetParts maps each sheet's name to its part, as the workbook and its relationships say.
func worksheetParts(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for part, v := range map[string]any{"xl/workbook.xml": &wb, "xl/_rels/workbook.xml.rels": &rels} {
		data, err := readZipPart(zr, part)
		if err != nil {
			return nil, err
		}
		if err := xml.Unmarshal(data, v); err != nil {
			return nil, err
		}
	}
	targets := map[string]string{}
	for _, r := range rels.Rel {
		if strings.HasPrefix(r.Target, "/") {
			targets[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			targets[r.ID] = path.Join("xl", r.Target)
		}
	}
	parts := map[string]string{}
	for _, s := range wb.Sheets {
		parts[s.Name] = targets[s.RID]
	}
	return parts, nil
}

func readZipPart(zr *zip.Reader, name string) ([]byte, error) {
	r, err := zr.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer r.Close()
	return io.ReadAll(r)
}
