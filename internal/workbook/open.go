package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/changle/subsidy/internal/usererr"
)

// Source is a workbook read sheet by sheet as streams of rows: an xlsx Book, or a CSV file.
type Source interface {
	SheetNames() []string
	// Hidden reports a sheet hidden in Excel: never chosen unless named with --sheet.
	Hidden(sheet string) bool
	// Merges lists the merged cells of a sheet once Rows has read all of it.
	Merges(sheet string) []Range
	Rows(sheet string, fn func(rowNum int, cells []Cell) error) error
	Close() error
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // Compound File: .xls, .et, or an encrypted .xlsx
	zipMagic = []byte("PK\x03\x04")
	// encryptionInfo is the stream name an encrypted OOXML package carries, in UTF-16LE.
	encryptionInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// Open reads the file at path as a workbook: xlsx (decrypted with password when given)
// or CSV (UTF-8 or GBK), told apart by content, not name. Anything else is refused with a
// one-line Chinese message (a *usererr.Error) saying what the file is and what to do.
func Open(path, password string, limits Limits) (Source, error) {
	if st, err := os.Stat(path); err == nil && st.Size() > limits.FileSize {
		return nil, &TooLargeError{What: path + " 的文件", Size: st.Size(), Limit: limits.FileSize, Flag: "--max-file-size"}
	}
	head, err := readHead(path, sniffBytes)
	if err != nil {
		return nil, cannotRead(path, err)
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case len(head) == 0:
		return nil, usererr.New(path+" 是空文件", "请确认文件已保存完整")
	case bytes.HasPrefix(head, zipMagic):
		if isODS(head) {
			return nil, odsError(path)
		}
		b, err := openBook(path, limits)
		var tooLarge *TooLargeError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		if err != nil {
			return nil, zipError(path, err)
		}
		return checkedBook{b}, nil
	case bytes.HasPrefix(head, oleMagic):
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, cannotRead(path, err)
		}
		if bytes.Contains(data, encryptionInfo) {
			return openEncrypted(path, data, password, limits)
		}
		return nil, legacyFormat(path)
	}
	kind := sniffText(head)
	switch {
	case kind == commaText, kind == plainText && (ext == ".csv" || ext == ".txt"), kind == tabText && ext == ".csv":
		return newCSVSource(path)
	case (kind == binary || kind == plainText) && (ext == ".xls" || ext == ".et"):
		return nil, legacyFormat(path)
	}
	return nil, textError(path, kind)
}

func legacyFormat(path string) error {
	return usererr.New(path+" 是 Excel 97-2003 (.xls) 或 WPS (.et) 旧格式，本工具只读 .xlsx", "请在 Excel/WPS 中“另存为” .xlsx 后再试")
}

// cannotRead explains why the input file could not be read at all.
func cannotRead(path string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return usererr.Wrap(err, "找不到输入文件 "+path, "请检查文件名和所在文件夹")
	case errors.Is(err, os.ErrPermission):
		return usererr.Wrap(err, "没有权限读取输入文件 "+path, "请关闭占用它的程序，或复制一份后再试")
	}
	if st, statErr := os.Stat(path); statErr == nil && st.IsDir() {
		return usererr.Wrap(err, path+" 是文件夹，不是文件", "请给出其中的申报表文件，例如："+filepath.Join(path, "申报表.xlsx"))
	}
	return usererr.Wrap(err, "无法读取输入文件 "+path, "请把文件复制到本机硬盘后再试")
}

// readHead reads up to n bytes from the start of the file, to tell formats apart.
func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, n)
	k, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return head[:k], nil
}

func openEncrypted(path string, data []byte, password string, limits Limits) (Source, error) {
	if password == "" {
		return nil, usererr.New(path+" 设有打开密码", "请用 --password 提供密码，或在 Excel/WPS 中取消密码后另存")
	}
	wrong := usererr.New(path+" 无法用所给密码解密", "请核对 --password")
	plain, err := excelize.Decrypt(data, &excelize.Options{Password: password})
	if err != nil {
		return nil, wrong
	}
	// A wrong password decrypts to noise rather than failing, so the zip is the check.
	zr, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil {
		return nil, wrong
	}
	b, err := newBook(zr, nil, limits)
	var tooLarge *TooLargeError
	if errors.As(err, &tooLarge) {
		return nil, err
	}
	if err != nil {
		return nil, usererr.Wrap(err, path+" 解密后不是可读取的 .xlsx 工作簿", "请在 Excel/WPS 中另存为 .xlsx 后再试")
	}
	return checkedBook{b}, nil
}
