#!/bin/sh
# bench/run.sh measures digest end to end, and Hugo on the same content
# when it is installed, and prints a Markdown table.
#
#   bench/run.sh [COUNT...]        default: 1000 10000
#
# For each COUNT it generates a corpus (go run ./bench/gen --seed 1), then takes the
# median of RUNS runs (default 5) of each step, the steps taken in turn
# within each run: convert into an empty
# content/, a fresh build into a missing public/, an unchanged rebuild
# (which must write no file), cp -r of the finished public/ to a new folder
# on the same disk, and, if hugo is on PATH and HUGO is not 0, a Hugo build
# of the same content/ with the minimal layout in bench/hugo/. Wall and CPU
# (user+sys) time and peak RSS come from /usr/bin/time -v; pages/s counts
# the .html files of the output. For two COUNTs of which one is ten times
# the other, it also prints how the build grows from one to the other.
#
# Environment: RUNS (5), HUGO (1; 0 skips Hugo), WORK (a new folder under
# /tmp; every corpus, site and output goes there).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
HUGO=${HUGO:-1}
WORK=${WORK:-$(mktemp -d /tmp/digest-bench.XXXXXX)}
[ $# -gt 0 ] || set -- 1000 10000
command -v hugo >/dev/null 2>&1 || HUGO=0
mkdir -p "$WORK"
(cd "$ROOT" && go build -o "$WORK/digest" ./cmd/digest && go build -o "$WORK/gen" ./bench/gen)
DIGEST=$WORK/digest

# measure NAME CMD...: runs CMD under /usr/bin/time -v and appends
# "wall cpu rss_kb" to $WORK/NAME.times.
measure() {
	name=$1
	shift
	/usr/bin/time -v -o "$WORK/time.out" "$@" >"$WORK/$name.log" 2>&1 || {
		cat "$WORK/$name.log" "$WORK/time.out" >&2
		exit 1
	}
	awk -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
		/User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
		END { printf "%.3f %.3f %d\n", w, u + s, m }' "$WORK/time.out" >>"$WORK/$name.times"
}

# median NAME FIELD: the median of a column of $WORK/NAME.times.
median() {
	cut -d' ' -f"$2" "$WORK/$1.times" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# trash DIR...: moves folders out of the way, to be deleted when the
# benchmark ends: on this disk, creating files is slow for a while after a
# large tree is deleted, which would slow whichever step came next.
trash() {
	mkdir -p "$WORK/trash"
	for d in "$@"; do
		[ ! -e "$d" ] || mv "$d" "$(mktemp -d "$WORK/trash/XXXXXX")/"
	done
}

# fresh DIR: moves away an output folder and digest's hidden siblings, off
# the clock.
fresh() {
	trash "$1" "$(dirname "$1")/.$(basename "$1").staging" "$(dirname "$1")/.$(basename "$1").swap"
}

html() { find "$1" -name '*.html' | wc -l; }
mb() { du -sm "$1" | cut -f1; }

# row STEP NAME PAGES SIZE_MB: one line of the table from NAME's medians.
row() {
	w=$(median "$2" 1) c=$(median "$2" 2) m=$(median "$2" 3)
	pps=$(awk -v p="$3" -v w="$w" 'BEGIN { if (p > 0 && w > 0) printf "%.0f", p / w; else print "" }')
	printf '| %s | %s | %.2f | %.2f | %.0f | %s | %s |\n' "$n" "$1" "$w" "$c" "$((m / 1024))" "$pps" "$4" >>"$WORK/table.md"
}

# ratio A B [F]: the ratio of the median wall times (F=2: CPU times; F=3:
# peak RSS).
ratio() { awk -v a="$(median "$1" "${3:-1}")" -v b="$(median "$2" "${3:-1}")" 'BEGIN { printf "%.2f", a / b }'; }

# once N: one run of every step at N articles. The steps alternate run by
# run, so that a machine that slows down over the benchmark (page cache,
# deleted trees still being freed) slows each of them alike.
once() {
	n=$1 site=$WORK/n$1
	trash "$site/content"
	measure "convert-$n" "$DIGEST" convert --source "$site" --date 2025-08-21
	fresh "$site/public"
	measure "build-$n" "$DIGEST" build --source "$site"
	measure "rebuild-$n" "$DIGEST" build --source "$site"
	grep -q ': 0 written' "$WORK/rebuild-$n.log" || {
		echo "unchanged rebuild wrote files:" >&2
		cat "$WORK/rebuild-$n.log" >&2
		exit 1
	}
	trash "$WORK/copy"
	measure "cp-$n" cp -r "$site/public" "$WORK/copy"
	[ "$HUGO" != 0 ] || return 0
	trash "$WORK/hugo-public" "$WORK/hugo-cache"
	measure "hugo-$n" hugo --source "$ROOT/bench/hugo" --contentDir "$site/content" \
		--destination "$WORK/hugo-public" --cacheDir "$WORK/hugo-cache" --quiet
}

bench() {
	n=$1 site=$WORK/n$1
	"$WORK/gen" --count "$n" --seed 1 --out "$site" >/dev/null
	cp -r "$ROOT/templates" "$ROOT/static" "$site/"
	[ ! -f "$ROOT/digest.yaml" ] || cp "$ROOT/digest.yaml" "$site/"
	for _ in $(seq "$RUNS"); do
		once "$n"
	done
	pages=$(html "$site/public") size=$(mb "$site/public")
	row convert "convert-$n" "" ""
	row build "build-$n" "$pages" "$size"
	row "unchanged rebuild" "rebuild-$n" "$pages" "$size"
	row "cp -r public/" "cp-$n" "" "$size"
	echo "| $n | digest build / cp -r (wall) | $(ratio "build-$n" "cp-$n") |" >>"$WORK/ratios.md"
	echo "| $n | digest convert / build (wall) | $(ratio "convert-$n" "build-$n") |" >>"$WORK/ratios.md"
	rm -rf "$WORK/copy"
	[ "$HUGO" != 0 ] || return 0
	row "hugo" "hugo-$n" "$(html "$WORK/hugo-public")" "$(mb "$WORK/hugo-public")"
	rm -rf "$WORK/hugo-public" "$WORK/hugo-cache"
	echo "| $n | digest build / hugo (wall) | $(ratio "build-$n" "hugo-$n") |" >>"$WORK/ratios.md"
	echo "| $n | digest build / hugo (peak RSS) | $(ratio "build-$n" "hugo-$n" 3) |" >>"$WORK/ratios.md"
}

: >"$WORK/table.md"
: >"$WORK/ratios.md"
for n in "$@"; do
	bench "$n"
done
# How the build grows from each COUNT to ten times as many, where both ran.
for m in "$@"; do
	for n in "$@"; do
		[ "$n" -eq $((m * 10)) ] || continue
		echo "| $n | digest build growth from $m (wall / CPU / peak RSS) | $(ratio "build-$n" "build-$m") / $(ratio "build-$n" "build-$m" 2) / $(ratio "build-$n" "build-$m" 3) |" >>"$WORK/ratios.md"
	done
done
echo "digest $(cd "$ROOT" && git describe --always --dirty), $(nproc) CPUs, medians of $RUNS runs, in $WORK"
[ "$HUGO" = 0 ] || hugo version | cut -d' ' -f1-2
echo
echo "| articles | step | wall s | CPU s | peak RSS MB | pages/s | output MB |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
cat "$WORK/table.md"
echo
echo "| articles | ratio | value |"
echo "| ---: | --- | ---: |"
cat "$WORK/ratios.md"
rm -rf "$WORK/trash"
