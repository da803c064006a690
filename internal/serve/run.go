package serve

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/changle/subsidy/internal/award"
	"github.com/changle/subsidy/internal/measure"
)

// runFunc writes a job's award file in one format, as the command line does with that
// --format and no other flag.
type runFunc func(ctx context.Context, format string, progress io.Writer) (*ran, error)

// ran is what one run did: each measure's report, the sheets no measure took (全部), the
// file written.
type ran struct {
	reports []*award.Report
	skipped []string
	output  string
}

// steps are a job's runs. Each is a whole run of the command line's pipeline, so what the
// page offers is what the command line writes: the award workbook, the JSON Lines the
// page's table reads, and the CSV. Three runs read the input three times; one run with
// three writers would need a second way through measure.Run, and the outputs could drift.
var steps = []struct{ format, phase string }{
	{"xlsx", "第1步，共3步：计算并写出奖励表"},
	{"json", "第2步，共3步：整理页面上显示的明细"},
	{"csv", "第3步，共3步：写出 CSV"},
}

// work runs a job's steps; the summary is the award workbook's.
func (s *server) work(run runFunc) func(*job) {
	return func(j *job) {
		var sum *summary
		files := map[string]string{}
		for _, step := range steps {
			j.setPhase(step.phase)
			res, err := run(j.ctx, step.format, &j.progress)
			if err != nil {
				j.fail(s.message(j, err))
				return
			}
			files[step.format] = res.output
			if step.format == "xlsx" {
				sum = summarize(res, j.all)
			}
		}
		j.succeed(sum, files)
	}
}

// measureRun is `subsidy MEASURE INPUT --format FORMAT`.
func (s *server) measureRun(m measure.Measure, input string) runFunc {
	return func(ctx context.Context, format string, progress io.Writer) (*ran, error) {
		res, err := measure.Run(m, s.options(ctx, input, format, progress))
		if err != nil {
			return nil, err
		}
		return &ran{reports: []*award.Report{res.Report}, output: res.Output}, nil
	}
}

// allRun is `subsidy all INPUT… --format FORMAT`.
func (s *server) allRun(inputs []string) runFunc {
	return func(ctx context.Context, format string, progress io.Writer) (*ran, error) {
		res, err := measure.RunAll(measure.AllOptions{Options: s.options(ctx, "", format, progress), Inputs: inputs})
		if err != nil {
			return nil, err
		}
		return &ran{reports: res.Quarter.Measures, skipped: res.Skipped, output: res.Output}, nil
	}
}

// options are the command line's when only the input and --format are given: the output
// beside the input under its default name, the page's policy (--policy, --set) and limits.
func (s *server) options(ctx context.Context, input, format string, progress io.Writer) measure.Options {
	return measure.Options{
		Context: ctx, Limits: s.o.Limits, Input: input, Format: format, Encoding: "utf-8",
		Policy: s.o.Policy, PolicyName: s.o.PolicyName, Overrides: s.o.Overrides, Version: s.o.Version, Now: time.Now(), Progress: progress,
	}
}

// message is the command line's line for err, naming uploads by their own names, never by
// the temp folder they sit in.
func (s *server) message(j *job, err error) string {
	if errors.Is(err, context.Canceled) {
		return "已取消"
	}
	msg := s.o.Message(err)
	for _, in := range j.inputs {
		msg = strings.ReplaceAll(msg, filepath.Dir(in)+string(filepath.Separator), "")
	}
	return strings.ReplaceAll(msg, s.root, "临时文件夹")
}
