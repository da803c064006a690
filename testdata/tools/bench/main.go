// Command bench times subsidy against the plain excelize loop on generated valueadd
// workbooks, and on the same rows as CSV, and prints a table of wall time and peak RSS
// (median of -runs runs); "vs xlsx" is each input's subsidy wall over the shared xlsx's.
//
//	go run ./testdata/tools/bench -subsidy bin/subsidy -plain /tmp/plainloop -dir /tmp/subsidy-bench
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type sample struct {
	wall time.Duration
	rss  int64 // KiB
}

func run(name string, args ...string) (sample, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = nil, nil
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return sample{time.Since(start), ru.Maxrss}, nil
}

func median(name string, runs int, args ...string) (sample, error) {
	var got []sample
	for i := 0; i < runs; i++ {
		s, err := run(name, args...)
		if err != nil {
			return s, err
		}
		got = append(got, s)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].wall < got[j].wall })
	return got[len(got)/2], nil
}

func main() {
	subsidy := flag.String("subsidy", "bin/subsidy", "subsidy binary")
	plain := flag.String("plain", "", "plain excelize loop binary (testdata/tools/plainloop); empty to skip")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "subsidy-bench"), "where workbooks are generated and kept")
	sizes := flag.String("sizes", "10000,100000,1000000", "row counts")
	runs := flag.Int("runs", 3, "runs per measurement (median)")
	inputs := flag.String("inputs", "shared,inline,csv", "inputs to time: shared, inline (xlsx), csv; shared comes first for the vs-xlsx column")
	quarterRows := flag.Int("quarter", 200000, "rows of each of the five sheets of the quarter's workbook; 0 to skip")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("machine: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel())
	fmt.Println("| rows | input | subsidy wall | subsidy peak RSS | plain excelize wall | plain RSS | ratio | vs xlsx |")
	fmt.Println("|---:|---|---:|---:|---:|---:|---:|---:|")
	for _, size := range strings.Split(*sizes, ",") {
		var xlsxWall time.Duration
		for _, style := range strings.Split(*inputs, ",") {
			ext := ".xlsx"
			if style == "csv" {
				ext = ".csv"
			}
			in := filepath.Join(*dir, fmt.Sprintf("valueadd-%s-%s%s", size, style, ext))
			if _, err := os.Stat(in); err != nil {
				gen := exec.Command("go", "run", "./testdata/tools/benchgen", "-rows", size, "-strings", style, "-o", in)
				gen.Stderr = os.Stderr
				if err := gen.Run(); err != nil {
					log.Fatal(err)
				}
			}
			out := filepath.Join(*dir, "out.xlsx")
			n := *runs
			if size == "1000000" {
				n = 1
			}
			s, err := median(*subsidy, n, "valueadd", in, "-o", out, "--force", "--quiet")
			if err != nil {
				log.Fatal(err)
			}
			if style == "shared" {
				xlsxWall = s.wall
			}
			label := map[string]string{"shared": "xlsx, shared strings", "inline": "xlsx, inline strings", "csv": "CSV (UTF-8)"}[style]
			line := fmt.Sprintf("| %s | %s | %.2f s | %d MiB |", size, label, s.wall.Seconds(), s.rss/1024)
			if *plain != "" && style != "csv" {
				p, err := median(*plain, n, in, out)
				if err != nil {
					log.Fatal(err)
				}
				line += fmt.Sprintf(" %.2f s | %d MiB | %.2f |", p.wall.Seconds(), p.rss/1024, s.wall.Seconds()/p.wall.Seconds())
			} else {
				line += " – | – | – |"
			}
			if xlsxWall > 0 {
				line += fmt.Sprintf(" %.2f |", s.wall.Seconds()/xlsxWall.Seconds())
			} else {
				line += " – |"
			}
			fmt.Println(line)
		}
	}
	if *quarterRows > 0 {
		if err := benchQuarter(*subsidy, *dir, *quarterRows); err != nil {
			log.Fatal(err)
		}
	}
}

// quarterSheets are the sheets benchgen -quarter writes, with the measure each one is.
var quarterSheets = [][2]string{{"valueadd", "增加值率"}, {"powerbonus", "增产增效"}, {"springfestival", "春节用电"}, {"newlisting", "新增纳统"}, {"techreform", "技改项目"}}

// benchQuarter times subsidy all on five sheets of n rows in one workbook, beside the five
// single runs on the same sheets.
func benchQuarter(subsidy, dir string, n int) error {
	in := filepath.Join(dir, fmt.Sprintf("quarter-%d.xlsx", n))
	if _, err := os.Stat(in); err != nil {
		gen := exec.Command("go", "run", "./testdata/tools/benchgen", "-quarter", "-rows", strconv.Itoa(n), "-o", in)
		gen.Stderr = os.Stderr
		if err := gen.Run(); err != nil {
			return err
		}
	}
	out := filepath.Join(dir, "quarter-out.xlsx")
	var sum time.Duration
	var peak int64
	for _, q := range quarterSheets {
		s, err := run(subsidy, q[0], in, "--sheet", q[1], "-o", out, "--force", "--quiet")
		if err != nil {
			return err
		}
		sum += s.wall
		peak = max(peak, s.rss)
	}
	all, err := run(subsidy, "all", in, "-o", out, "--force", "--quiet")
	if err != nil {
		return err
	}
	fmt.Printf("\n| quarter | rows | subsidy all wall | all peak RSS | five single runs, wall summed | their peak RSS | all ÷ sum |\n|---|---:|---:|---:|---:|---:|---:|\n")
	fmt.Printf("| 5 sheets × %d | %d | %.2f s | %d MiB | %.2f s | %d MiB | %.2f |\n", n, 5*n, all.wall.Seconds(), all.rss/1024, sum.Seconds(), peak/1024, all.wall.Seconds()/sum.Seconds())
	return nil
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			_, name, _ := strings.Cut(line, ":")
			return strings.TrimSpace(name)
		}
	}
	return "unknown CPU"
}
