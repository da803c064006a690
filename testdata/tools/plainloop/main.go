// Command plainloop is the yardstick of issue "Performance": the plain excelize loop
// (Rows iterator → tiered award in decimal → StreamWriter), run side by side with subsidy.
//
//	go run ./testdata/tools/plainloop IN.xlsx OUT.xlsx
package main

import (
	"log"
	"os"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func main() {
	in, err := excelize.OpenFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer in.Close()
	rows, err := in.Rows(in.GetSheetList()[0])
	if err != nil {
		log.Fatal(err)
	}
	out := excelize.NewFile()
	sw, err := out.NewStreamWriter("Sheet1")
	if err != nil {
		log.Fatal(err)
	}
	five, one := decimal.NewFromInt(50000), decimal.NewFromInt(10000)
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns()
		if err != nil {
			log.Fatal(err)
		}
		row := make([]any, 0, len(cols)+1)
		for _, c := range cols {
			row = append(row, c)
		}
		if n > 1 && len(cols) >= 7 {
			output, _ := decimal.NewFromString(cols[5])
			rate, _ := decimal.NewFromString(cols[6])
			award := decimal.Zero
			switch {
			case output.GreaterThanOrEqual(five) && rate.GreaterThanOrEqual(decimal.NewFromInt(24)):
				award = decimal.NewFromInt(50000)
			case output.GreaterThanOrEqual(five) && rate.GreaterThanOrEqual(decimal.NewFromInt(22)):
				award = decimal.NewFromInt(30000)
			case output.GreaterThanOrEqual(one) && rate.GreaterThanOrEqual(decimal.NewFromInt(25)):
				award = decimal.NewFromInt(20000)
			}
			row = append(row, award.InexactFloat64())
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, row); err != nil {
			log.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := out.SaveAs(os.Args[2]); err != nil {
		log.Fatal(err)
	}
}
