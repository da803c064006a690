package cmd

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/changle/subsidy/internal/serve"
	"github.com/changle/subsidy/internal/workbook"
)

// serveOptions are what `subsidy serve` runs with.
type serveOptions struct {
	io                    IO
	global                *globalOptions
	addr                  string
	noBrowser             bool
	maxFileSize, maxUnzip string
}

// newServeCmd builds `subsidy serve`. runF, when not nil, runs instead of runServe, so tests
// see the options the flags gave.
func newServeCmd(io IO, g *globalOptions, runF func(context.Context, *serveOptions) error) *cobra.Command {
	o := &serveOptions{io: io, global: g}
	c := &cobra.Command{
		Use:   "serve",
		Short: "在本机打开计算网页，不用命令行 / the calculator as a web page on this computer",
		Long: `在这台电脑上提供计算网页，并用默认浏览器打开：选择措施，拖入申报表，查看汇总和明细，
下载奖励表（.xlsx / .csv）和空白申报表，查看生效的政策条款。计算与命令行完全相同。
页面只在本机地址（127.0.0.1）上提供，地址中带随机口令，不对网络开放；上传的文件和生成的
奖励表存放在临时文件夹中，停止时（关闭窗口或按 Ctrl+C）一并删除。
在 Windows 上双击本程序即启动此页面。

Serves the calculator as a web page on this computer (127.0.0.1, a random token in the
address) and opens it in the default browser; the runs are the command line's. Ctrl-C
stops it (exit 0) and deletes the uploads and outputs.`,
		Example: `  subsidy serve
  subsidy serve --addr 127.0.0.1:8080 --no-browser
  subsidy --policy 新方案.yaml serve`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(c.Context(), o)
			}
			return runServe(c.Context(), o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.addr, "addr", "", "本机地址和端口，如 127.0.0.1:8080（默认自动选择空闲端口）/ loopback address and port")
	f.BoolVar(&o.noBrowser, "no-browser", false, "不自动打开浏览器，只显示地址 / print the address, do not open a browser")
	f.StringVar(&o.maxFileSize, "max-file-size", workbook.FormatSize(workbook.DefaultLimits.FileSize), "每个上传文件的大小上限，如 2GiB / largest uploaded file")
	f.StringVar(&o.maxUnzip, "max-unzip-size", workbook.FormatSize(workbook.DefaultLimits.UnzipSize), "工作簿各部分解压后大小上限 / largest part once unzipped")
	return c
}

// runServe serves until the context ends (Ctrl-C, SIGTERM, the console window closed):
// that is how the page stops, so it is no error.
func runServe(ctx context.Context, o *serveOptions) error {
	in, err := o.global.loadPolicy()
	if err != nil {
		return err
	}
	limits, err := parseLimits(o.maxFileSize, o.maxUnzip)
	if err != nil {
		return err
	}
	err = serve.Serve(ctx, serve.Options{
		Addr: o.addr, Policy: in.policy, PolicyName: in.name, Overrides: in.overrides, Version: version, Limits: limits,
		Message: func(err error) string { return userError(err).Error() },
		Ready:   o.ready,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(o.io.Err, "已停止：上传的文件和生成的奖励表已删除")
	return nil
}

// ready tells where the page is and how to stop it, and opens it.
func (o *serveOptions) ready(url string) {
	fmt.Fprintf(o.io.Out, "企业奖励计算网页已启动，地址：\n\n  %s\n\n", url)
	fmt.Fprintln(o.io.Out, "用完后关闭此窗口（或在此窗口中按 Ctrl+C）即停止；停止后上传的文件和生成的奖励表一并删除，请先下载。")
	if o.noBrowser {
		return
	}
	if err := openBrowser(url); err != nil {
		fmt.Fprintln(o.io.Err, "未能自动打开浏览器：请把上面的地址复制到浏览器的地址栏中打开")
	}
}
