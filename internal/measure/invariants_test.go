package measure

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/changle/subsidy/calc"
	"github.com/changle/subsidy/internal/policy"
	"github.com/changle/subsidy/internal/table"
)

// Cell values per kind of column: mostly good and boundary values, sometimes blank or broken.
var (
	goodValues = map[table.Kind][]any{
		table.KindText:    {"新投产纳统", "规下转规上", "纳统项目"},
		table.KindMoney:   {60000, 49999.99, 10000, 20000, 20000.02, 400000, 5000, 24691.35, "1,000"},
		table.KindEnergy:  {500000, 499999.99, 1200000, 50},
		table.KindPercent: {24, 22, 25.5, "24%", 10, 20},
		table.KindYesNo:   {"是", "是", "是", "否", "√"},
		table.KindDate:    {"2024-01-15", "2023-12-31", "2024年3月31日", "2024-04-01", "2024/2/1"},
		table.KindCount:   {900, 1000, 899.9, 1200},
	}
	// goodByField are the values of fields whose text has a meaning of its own.
	goodByField = map[string][]any{
		"industry":     {"C3311", "3311", "D4411", "C17"},
		"place":        {"省内", "省外", "外省", "本省"},
		"listing_type": {"新投产纳统", "规下转规上", "第一季度新投产纳统", "其他"},
	}
	badValues = map[table.Kind][]any{
		table.KindText:    {"", "其他", "=1+1"},
		table.KindMoney:   {"", 0, "abc", "1,2,3", -5, "1E+999999"},
		table.KindEnergy:  {"", 0, "x"},
		table.KindPercent: {"", 0.24, "x", -5},
		table.KindYesNo:   {"", "也许"},
		table.KindDate:    {"", "坏日期"},
		table.KindCount:   {"", -5, "x"},
	}
)

// validCode makes the n-th valid 统一社会信用代码, check character included.
func validCode(n int) string {
	body := fmt.Sprintf("91350112%09d", n)
	for _, c := range "0123456789ABCDEFGHJKLMNPQRTUWXY" {
		if problem, _ := calc.CheckCreditCode(body + string(c)); problem == calc.CodeOK {
			return body + string(c)
		}
	}
	panic("no check character")
}

// randomCell draws a value for a field: one row in five is blank or broken somewhere.
func randomCell(rnd *rand.Rand, f table.Field, row int, earlier []string) any {
	if f.Key == "code" {
		switch n := rnd.IntN(20); {
		case n == 0 && len(earlier) > 0:
			return earlier[rnd.IntN(len(earlier))] // a duplicate claim
		case n == 1:
			return "91350112ABC"
		case n == 2:
			return ""
		}
		return validCode(row)
	}
	pool := goodValues[f.Kind]
	if byField, ok := goodByField[f.Key]; ok {
		pool = byField
	}
	if rnd.IntN(5) == 0 {
		pool = badValues[f.Kind]
	}
	return pool[rnd.IntN(len(pool))]
}

type outRow struct {
	Row      int
	Status   string
	Award    string
	Reasons  []string
	Warnings []string
}

// Random rows through every measure: nothing lost or doubled, totals are the sum of the
// rows, awards within cap and floor, every non-award explained, the same bytes each time.
func TestInvariantsOnRandomRows(t *testing.T) {
	p, err := policy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	amount, err := policy.ParseMoney("5万元")
	if err != nil {
		t.Fatal(err)
	}
	p.StableJobs.Award = &amount // "按规定标准": set here so that rows can be paid
	for _, key := range Keys() {
		m := All[key]
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", key, seed), func(t *testing.T) {
				rnd := rand.New(rand.NewPCG(seed, 7))
				fields := m.Template(p).Fields
				header := []any{}
				for _, f := range fields {
					header = append(header, f.Header)
				}
				rows := [][]any{header}
				var dataRows []int
				var issued []string
				for r := 0; r < 120; r++ {
					switch n := rnd.IntN(20); {
					case n == 0:
						rows = append(rows, []any{})
						continue
					case n == 1:
						rows = append(rows, []any{"合计"})
						continue
					}
					row := make([]any, len(fields))
					for i, f := range fields {
						row[i] = randomCell(rnd, f, r, issued)
						if code, ok := row[i].(string); ok && f.Key == "code" && code != "" {
							issued = append(issued, code)
						}
					}
					row[0] = fmt.Sprintf("企业%03d", r) // never blank, so the row is data
					rows = append(rows, row)
					dataRows = append(dataRows, len(rows))
				}
				input := writeBook(t, "random.xlsx", rowsAt(1, rows...))
				out, res := runRaw(t, m, p, input)
				again, _ := runRaw(t, m, p, input)
				if !bytes.Equal(out, again) {
					t.Fatal("two runs on the same input differ")
				}
				checkInvariants(t, m, p, out, res, dataRows)
			})
		}
	}
}

func runRaw(t *testing.T, m Measure, p *policy.Policy, input string) ([]byte, *Result) {
	t.Helper()
	var out bytes.Buffer
	res, err := Run(m, Options{Input: input, Output: "-", Format: "json", Policy: p, Now: time.Unix(0, 0), Stdout: &out})
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), res
}

func checkInvariants(t *testing.T, m Measure, p *policy.Policy, out []byte, res *Result, dataRows []int) {
	t.Helper()
	var got []outRow
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var o outRow
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		got = append(got, o)
	}
	statuses := map[string]int{}
	for _, o := range got {
		statuses[o.Status]++
	}
	if statuses[string(calc.Awarded)] == 0 || statuses[string(calc.NotEligible)] == 0 {
		t.Errorf("statuses %v: the random rows no longer reach both sides of the rule", statuses)
	}
	if len(got) != len(dataRows) {
		t.Fatalf("%d data rows in, %d out", len(dataRows), len(got))
	}
	sum := decimal.Zero
	for i, o := range got {
		if o.Row != dataRows[i] {
			t.Fatalf("row %d out where %d went in", o.Row, dataRows[i])
		}
		award := decimal.RequireFromString(o.Award)
		sum = sum.Add(award)
		if len(o.Reasons) == 0 {
			t.Errorf("row %d: %s without a reason", o.Row, o.Status)
		}
		if award.IsNegative() {
			t.Errorf("row %d: negative award %s", o.Row, o.Award)
		}
		if o.Status != string(calc.Awarded) {
			if !award.IsZero() {
				t.Errorf("row %d: %s with award %s", o.Row, o.Status, o.Award)
			}
			continue
		}
		if !award.IsPositive() {
			t.Errorf("row %d: awarded %s", o.Row, o.Award)
		}
		if capAmount, floor, ok := capAndFloor(m, p); ok {
			if award.GreaterThan(capAmount) {
				t.Errorf("row %d: %s above the cap %s", o.Row, o.Award, capAmount)
			}
			if floor.Excludes(award) {
				t.Errorf("row %d: %s paid under the floor", o.Row, o.Award)
			}
		}
	}
	tally := res.Report.Tally
	if tally.Count() != len(got) || !tally.Total.Equal(sum) {
		t.Errorf("summary %d rows, %s; rows say %d, %s", tally.Count(), tally.Total, len(got), sum)
	}
}

func capAndFloor(m Measure, p *policy.Policy) (decimal.Decimal, policy.Floor, bool) {
	switch m.Key {
	case PowerBonus.Key:
		return p.PowerBonus.Cap.Dec(), p.PowerBonus.Floor, true
	case SpringFestival.Key:
		return p.SpringFestival.Cap.Dec(), p.SpringFestival.Floor, true
	}
	return decimal.Decimal{}, policy.Floor{}, false
}
