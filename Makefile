# subsidy — see README.md.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/changle/subsidy/cmd.version=$(VERSION)
GO      ?= go

.PHONY: build test lint dist demo bench fuzz clean

## build: bin/subsidy for this machine
build:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o bin/subsidy ./cmd/subsidy

## test: every test, vet included
test:
	$(GO) vet ./...
	$(GO) test ./...

## lint: formatting and vet, for this machine and for Windows (where district staff run it)
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...

## dist: static binaries for district staff (Windows) and servers (Linux)
dist: lint
	CGO_ENABLED=0 GOOS=linux GOARCH=amd64 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o dist/subsidy-linux-amd64 ./cmd/subsidy
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o dist/subsidy-windows-amd64.exe ./cmd/subsidy

## demo: build, then run valueadd on the bundled example
demo: build
	bin/subsidy valueadd testdata/valueadd.xlsx --force

## bench: time valueadd on generated 10k/100k/1M-row workbooks (shared and inline strings, CSV),
## side by side with the plain excelize loop, then the quarter (subsidy all on five 200k-row
## sheets beside the five single runs); workbooks are kept in $(BENCH_DIR)
BENCH_DIR ?= /tmp/subsidy-bench
bench: build
	$(GO) build -o bin/plainloop ./testdata/tools/plainloop
	$(GO) run ./testdata/tools/bench -subsidy bin/subsidy -plain bin/plainloop -dir $(BENCH_DIR)

## fuzz: run every fuzz target for FUZZTIME each (findings land in <pkg>/testdata/fuzz)
FUZZTIME ?= 30s
FUZZ_TARGETS := internal/table:FuzzParseNumber internal/table:FuzzParsePercent internal/table:FuzzParseDate \
	internal/table:FuzzParseYesNo internal/table:FuzzNormalizeHeader internal/table:FuzzOpenDamagedWorkbook \
	internal/workbook:FuzzReaderMatchesExcelize calc:FuzzCheckCreditCode internal/measure:FuzzWorkbook
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; echo "== $$pkg $$name ($(FUZZTIME))"; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

clean:
	rm -rf bin dist
