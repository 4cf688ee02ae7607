package serve

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/t4k3news/digest/internal/build"
	"github.com/t4k3news/digest/internal/convert"
	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/watch"
)

// WatchBuild builds the site at root again after each change to its
// sources, as Run does but writing to disk through build.Build, until ctx
// is done. A failed build is reported on stderr and leaves the last good
// site in place; changed seeds are converted first, never overwriting
// edited content.
func WatchBuild(ctx context.Context, opts build.Options, root string, stdout, stderr io.Writer, now func() time.Time) error {
	w, err := watch.New(root, load.Watched, []string{load.ConfigFile})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "watching %s for changes (Ctrl-C to stop)\n", root)
	warned := newTold(root)
	return w.Run(ctx, func(paths []string) {
		start := now()
		warned.changed(paths)
		if slices.ContainsFunc(paths, func(p string) bool { return strings.HasPrefix(p, "seeds/") }) {
			reconvert(root, stderr, warned)
		}
		opts.Publish.Now = start // a scheduled story goes out at the first build after its time
		res, err := build.Build(opts)
		stamp := fmt.Sprintf("%s %s:", start.Format(time.TimeOnly), Summary(paths))
		if err != nil {
			fmt.Fprintf(stderr, "%s build failed, the last good site is kept:\n%s", stamp, Problems(diag.InDir(root, err)))
			return
		}
		if fresh := warned.fresh(res.Warnings.Err()); len(fresh) > 0 {
			fmt.Fprint(stderr, fresh.Full())
		}
		fmt.Fprintln(stdout, stamp, res)
	})
}

// reconvert converts changed seeds, never overwriting edited content. A
// warning printed before about a file unchanged since is not printed again.
func reconvert(root string, stderr io.Writer, warned *told) {
	rep, err := convert.Run(convert.Options{Source: root})
	if rep != nil {
		fmt.Fprint(stderr, warned.fresh(rep.Warnings.Err()).Full())
	}
	if err != nil {
		fmt.Fprint(stderr, Problems(diag.InDir(root, err)))
	}
}
