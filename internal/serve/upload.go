package serve

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/changle/subsidy/internal/measure"
	"github.com/changle/subsidy/internal/workbook"
)

// maxAllFiles bounds one 全部 upload: a quarter comes as a workbook, or one per 乡镇(街道).
const maxAllFiles = 64

// formOverhead is the upload's bytes beyond the files: part headers and boundaries.
const formOverhead = 1 << 20

// upload takes the workbooks of a job (POST /api/jobs?measure=KEY, multipart "file" parts),
// each at most the input limit, and starts its runs.
func (s *server) upload(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("measure")
	m, isMeasure := measure.All[key]
	all := key == "all"
	if !isMeasure && !all {
		fail(w, http.StatusBadRequest, "没有措施“"+key+"”：请在页面上选择一项措施")
		return
	}
	maxFiles := 1
	if all {
		maxFiles = maxAllFiles
	}
	r.Body = http.MaxBytesReader(w, r.Body, int64(maxFiles)*s.o.Limits.FileSize+formOverhead)
	id := rand.Text()
	dir := filepath.Join(s.root, id)
	if err := os.Mkdir(dir, 0o700); err != nil {
		fail(w, http.StatusInternalServerError, "无法在临时文件夹中存放上传的文件："+s.o.Message(err))
		return
	}
	inputs, code, msg := s.receive(r, dir, maxFiles, all)
	if msg != "" {
		os.RemoveAll(dir)
		fail(w, code, msg)
		return
	}
	j := &job{id: id, dir: dir, inputs: inputs, all: all}
	run := s.allRun(inputs)
	if !all {
		run = s.measureRun(m, inputs[0])
	}
	if !s.jobs.start(j, s.work(run)) {
		os.RemoveAll(dir)
		fail(w, http.StatusServiceUnavailable, "页面正在停止，未能开始计算")
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"id": id})
}

// receive saves each uploaded file under its own name in a folder of its own (two files of
// one name from different folders stay apart), and returns their paths in upload order; or
// the status and the Chinese line to answer with. all: the files are for `subsidy all`.
func (s *server) receive(r *http.Request, dir string, maxFiles int, all bool) ([]string, int, string) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, http.StatusBadRequest, "没有收到文件：请选择或拖入申报表"
	}
	limit := s.o.Limits.FileSize
	var inputs []string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			code, msg := uploadFailure(err, limit)
			return nil, code, msg
		}
		if part.FormName() != "file" {
			continue
		}
		name := baseName(part.FileName())
		if all {
			name = notPattern.Replace(name)
		}
		if name == "" {
			return nil, http.StatusBadRequest, "上传的文件没有文件名：请从文件夹中选择申报表"
		}
		if len(inputs) == maxFiles {
			if maxFiles == 1 {
				return nil, http.StatusBadRequest, "一项措施一次只算一个工作簿：多个工作簿请选“全部”，或逐个上传"
			}
			return nil, http.StatusBadRequest, fmt.Sprintf("一次最多上传 %d 个工作簿", maxFiles)
		}
		folder := filepath.Join(dir, "in", strconv.Itoa(len(inputs)+1))
		path := filepath.Join(folder, name)
		n, err := save(folder, path, io.LimitReader(part, limit+1))
		if err != nil {
			code, msg := uploadFailure(err, limit)
			return nil, code, msg
		}
		if n > limit {
			return nil, http.StatusRequestEntityTooLarge, tooLarge(name+" 的文件大小", limit)
		}
		inputs = append(inputs, path)
	}
	if len(inputs) == 0 {
		return nil, http.StatusBadRequest, "没有收到文件：请选择或拖入申报表"
	}
	return inputs, 0, ""
}

func save(folder, path string, r io.Reader) (int64, error) {
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return 0, err
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// uploadFailure tells an upload cut short: too large, broken off, or not stored.
func uploadFailure(err error, limit int64) (int, string) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, tooLarge("上传的文件大小", limit)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return http.StatusBadRequest, "上传中断：请重新选择文件上传"
	}
	return http.StatusInternalServerError, "无法保存上传的文件（磁盘空间不足或临时文件夹不可写）：请检查后重试"
}

// tooLarge says what the command line says of a file over the limit, and how this page's is raised.
func tooLarge(what string, limit int64) string {
	return fmt.Sprintf("%s超过上限 %s（可能是损坏或恶意文件）；如确需处理，请用 subsidy serve --max-file-size 2GiB 启动本页面", what, workbook.FormatSize(limit))
}

// notPattern writes the characters `subsidy all` reads as a file pattern (申报[1].xlsx) in
// their full-width forms, so an uploaded name is always the file itself.
var notPattern = strings.NewReplacer("*", "＊", "?", "？", "[", "［", "]", "］")

// baseName is the file's own name: some browsers send the whole path (C:\…\申报表.xlsx).
func baseName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	if name == "." || name == ".." {
		return ""
	}
	return name
}
