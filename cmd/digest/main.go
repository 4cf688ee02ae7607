// Command digest builds the T4K3.news digest: it converts scraped seed texts
// into content files, builds the content into a static site, and previews
// it while editors work.
//
// Usage:
//
//	digest convert [--source DIR] [--force] [--date DATE]
//	digest build   [--source DIR] [--destination DIR] [--base-url URL] [--drafts] [--future] [--expired] [--watch] [--timings]
//	digest serve   [--source DIR] [--bind ADDR] [--port N] [--base-url URL] [--drafts=false] [--future] [--expired]
//	digest check   [--destination DIR] [--base-url URL]
//	digest new     [--source DIR] "Headline"
//
// Run "digest COMMAND -h" for a command's flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/t4k3news/digest/internal/diag"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !isHelp(err) {
			report(os.Stderr, err)
		}
		os.Exit(exitCode(err))
	}
}

// command is one subcommand: its one-line purpose and its entry point.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"convert": {"convert seeds/*.txt into content/*.md", runConvert},
	"new":     {"write a new draft story: content/<slug>.md", runNew},
	"build":   {"build content/ into a site in public/", runBuild},
	"serve":   {"preview the site, rebuilding and reloading as you edit", runServe},
	"check":   {"check a built site: links, metadata, feeds, sitemaps", runCheck},
}

// errUsage marks a command line that could not be understood.
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return flag.ErrHelp
	}
	cmd, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "digest builds the T4K3.news digest site.\n\nUsage: digest COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun \"digest COMMAND -h\" for a command's flags.")
}

// newFlags returns a flag set for a subcommand that reports to stderr.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: digest %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and rejects stray arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return nil
}

func isHelp(err error) bool { return errors.Is(err, flag.ErrHelp) }

// report prints an error for a person: every input problem on its own line.
func report(w io.Writer, err error) {
	var list diag.List
	if errors.As(err, &list) && len(list) > 1 {
		fmt.Fprint(w, list.Full())
		fmt.Fprintf(w, "digest: %d errors\n", len(list))
		return
	}
	fmt.Fprintf(w, "digest: %s\n", strings.TrimSpace(err.Error()))
}

// exitCode is 2 for a command line that could not be understood, 0 for a
// help request and 1 for any other failure.
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	return 1
}
