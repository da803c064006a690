// Command bench times subsidy against the plain excelize loop on generated valueadd
// workbooks and prints a table of wall time and peak RSS (median of -runs runs).
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
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("machine: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel())
	fmt.Println("| rows | strings | subsidy wall | subsidy peak RSS | plain excelize wall | plain RSS | ratio |")
	fmt.Println("|---:|---|---:|---:|---:|---:|---:|")
	for _, size := range strings.Split(*sizes, ",") {
		for _, style := range []string{"shared", "inline"} {
			in := filepath.Join(*dir, fmt.Sprintf("valueadd-%s-%s.xlsx", size, style))
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
			line := fmt.Sprintf("| %s | %s | %.2f s | %d MiB |", size, style, s.wall.Seconds(), s.rss/1024)
			if *plain != "" {
				p, err := median(*plain, n, in, out)
				if err != nil {
					log.Fatal(err)
				}
				line += fmt.Sprintf(" %.2f s | %d MiB | %.2f |", p.wall.Seconds(), p.rss/1024, s.wall.Seconds()/p.wall.Seconds())
			} else {
				line += " – | – | – |"
			}
			fmt.Println(line)
		}
	}
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
