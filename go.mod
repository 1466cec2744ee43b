module github.com/helpgen/helpgen

go 1.26.0

require (
	github.com/PuerkitoBio/goquery v1.14.0
	github.com/dave/jennifer v1.7.1
	github.com/getkin/kin-openapi v0.153.0
	github.com/google/uuid v1.6.0
	golang.org/x/net v0.62.0
	golang.org/x/tools v0.51.0
)

require (
	github.com/andybalholm/cascadia v1.3.5 // indirect
	github.com/go-openapi/jsonpointer v0.22.5 // indirect
	github.com/go-openapi/swag/jsonname v0.25.5 // indirect
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	go.yaml.in/yaml/v4 v4.0.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
