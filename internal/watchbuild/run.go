package watchbuild

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/t4k3news/digest/internal/diag"
	"github.com/t4k3news/digest/internal/live"
	"github.com/t4k3news/digest/internal/load"
	"github.com/t4k3news/digest/internal/watch"
)

// Run builds the site whole, then keeps it up to date after each change to
// its sources until ctx is done, printing one line a batch to stdout and
// the problems of a failed batch, with their files and lines, to stderr.
// Scheduled stories go out, and expired ones come down, when the clock
// reaches their time, checked every poll.
func Run(ctx context.Context, opts Options, poll time.Duration, stdout, stderr io.Writer) error {
	b := New(opts)
	w, err := watch.New(opts.Root, load.Watched, []string{load.ConfigFile})
	if err != nil {
		return err
	}
	start := opts.Now()
	warned := live.NewTold(opts.Root)
	if res, err := b.Load(); err != nil {
		fmt.Fprintf(stderr, "build failed; it is tried again on the next change:\n%s", problems(opts.Root, err))
	} else {
		fmt.Fprint(stderr, warned.Fresh(b.e.Warnings()).Full())
		fmt.Fprintf(stdout, "built %d files in %v\n", res.Written+res.Unchanged, opts.Now().Sub(start).Round(time.Millisecond))
	}
	fmt.Fprintf(stdout, "watching %s for changes (Ctrl-C to stop)\n", opts.Root)
	var mu sync.Mutex // a batch and a tick of the clock never overlap
	go onTime(ctx, b, &mu, poll, opts.Now, stdout, stderr)
	return w.Run(ctx, func(paths []string) {
		mu.Lock()
		defer mu.Unlock()
		start := opts.Now()
		res, err := b.Apply(paths)
		if len(res.Changed) == 0 && err == nil {
			return // only an editor's temporary files
		}
		warned.Changed(res.Changed)
		if fresh := warned.Fresh(res.Warnings); len(fresh) > 0 {
			fmt.Fprint(stderr, fresh.Full())
		}
		stamp := fmt.Sprintf("%s %s:", start.Format(time.TimeOnly), res.Summary())
		if err != nil {
			fmt.Fprintf(stderr, "%s build failed, the last good site is kept:\n%s", stamp, problems(opts.Root, err))
			return
		}
		fmt.Fprintf(stdout, "%s %s in %v\n", stamp, res, opts.Now().Sub(start).Round(10*time.Microsecond))
	})
}

// onTime writes the site again when the clock reaches the time a story
// goes out or comes down.
func onTime(ctx context.Context, b *Builder, mu *sync.Mutex, poll time.Duration, now func() time.Time, stdout, stderr io.Writer) {
	live.OnTime(ctx, poll, b.Due, now, func(time.Time) {
		mu.Lock()
		n, res, err := b.Tick()
		mu.Unlock()
		stamp := now().Format(time.TimeOnly)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "%s the clock moved, but the site does not build:\n%s", stamp, problems(b.opts.Root, err))
		case n > 0:
			fmt.Fprintf(stdout, "%s %d published or taken down on time: %s\n", stamp, n, res)
		}
	})
}

func (r Result) String() string {
	of := "outputs"
	if r.Partial {
		of = "outputs the change may touch"
	}
	return fmt.Sprintf("%d of %d %s rendered, %d files written, %d unchanged, %d removed",
		r.Rendered, r.Entries, of, r.Written, r.Unchanged, r.Removed)
}

// problems lists an error's problems one a line, their files named from
// the site's folder.
func problems(root string, err error) string {
	return diag.Lines(diag.InDir(root, err))
}
