// Command helpgen turns ASP.NET Web API Help Pages into Go code.
//
//	helpgen parse    [flags] INPUT...   pages → spec JSON on stdout (or -spec FILE)
//	helpgen generate [flags] INPUT...   pages or spec JSON → Go package in -o
//	helpgen check    [flags] INPUT...   like generate, but exit 1 with a diff when -o is stale
//	helpgen crawl URL -o DIR            fetch a Help site into DIR
//	helpgen diff OLD NEW                wire-aware change report between two specs
//	helpgen openapi INPUT               OpenAPI 3 export
//	helpgen version                     module version from the build info
//
// INPUT is a page file, a directory tree of pages (HTML or text renderings,
// detected by content), a spec JSON file, or a Help site URL (crawled into a
// cache first). Flags may follow the inputs; "helpgen CMD -h" lists them.
// generate never replaces a file it did not write (see the README).
package main

import (
	"os"

	"github.com/helpgen/helpgen/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
