module github.com/changle/subsidy

go 1.26.8

require (
	github.com/shopspring/decimal v1.6.0
	go.yaml.in/yaml/v3 v3.0.6
)
