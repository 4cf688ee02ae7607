package main

import (
	"fmt"
	"io"
	"time"

	"github.com/t4k3news/digest/internal/convert"
)

func runConvert(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("convert", "[--source DIR] [--force] [--date DATE]", stderr)
	source := fs.String("source", ".", "the site's root `folder`: reads seeds/*.txt, writes content/*.md")
	force := fs.Bool("force", false, "overwrite content files that were edited by hand")
	date := fs.String("date", "", "`date` for newly converted articles, as 2006-01-02 or RFC 3339 (default: the seed file's modification time)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opts := convert.Options{Source: *source, Force: *force}
	if *date != "" {
		d, err := parseDate(*date)
		if err != nil {
			return fmt.Errorf("%w: --date: %v", errUsage, err)
		}
		opts.Date = d
	}
	rep, err := convert.Run(opts)
	if rep != nil {
		fmt.Fprint(stderr, rep.Warnings.Summary(maxSameWarnings))
		fmt.Fprintf(stdout, "converted seeds: %d written, %d unchanged, %d skipped as edited by hand\n",
			len(rep.Written), len(rep.Unchanged), len(rep.Skipped))
	}
	return err
}

// parseDate accepts a calendar date (taken as midnight UTC) or an RFC 3339
// time.
func parseDate(s string) (time.Time, error) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, nil
	}
	d, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date such as 2025-08-21 or 2025-08-21T10:00:00Z", s)
	}
	return d.UTC(), nil
}

// maxSameWarnings is how many warnings of one kind convert prints before
// it counts the rest: a corpus of thousands of seeds that all lack, say, a
// headline would otherwise bury every other message.
const maxSameWarnings = 5
