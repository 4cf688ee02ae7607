#!/bin/sh
# bench/scale.sh builds a generated site of COUNT articles and reports what
# issue 14 asks of it: the build's wall time and peak RSS
# (/usr/bin/time -v), the output's size by kind of file and its largest
# listing page (digest check), and how many files one more article changes.
#
#   bench/scale.sh COUNT
#
# It generates COUNT+1 articles (bench/gen --seed 1), converts and builds
# the oldest COUNT, then converts the newest one too and builds again: the
# second build's "written" and "removed" are the files one new article
# changes. WORK (default a new folder under /tmp) holds everything; it is
# deleted at the end unless KEEP=1.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${1:?usage: bench/scale.sh COUNT}
WORK=${WORK:-$(mktemp -d /tmp/digest-scale.XXXXXX)}
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
(cd "$ROOT" && go build -o "$WORK/digest" ./cmd/digest && go build -o "$WORK/gen" ./bench/gen)
D=$WORK/digest
SITE=$WORK/site
"$WORK/gen" --count $((COUNT + 1)) --seed 1 --out "$SITE" >/dev/null
cp -r "$ROOT/templates" "$ROOT/static" "$ROOT/digest.yaml" "$SITE/"
newest=$(ls "$SITE/seeds" | sort | tail -1)
mkdir "$WORK/later" && mv "$SITE/seeds/$newest" "$WORK/later/"
(cd "$SITE" && "$D" convert >/dev/null 2>&1)
echo "== build of $COUNT articles"
/usr/bin/time -v -o "$WORK/time.out" "$D" build --source "$SITE"
grep -E 'Elapsed|Maximum resident|User time|System time' "$WORK/time.out"
"$D" check --destination "$SITE/public" || true
echo "== largest listing pages"
find "$SITE/public" -name index.html ! -path '*/news/*' -printf '%s %P\n' | sort -n | tail -3
echo "== one more article"
mv "$WORK/later/$newest" "$SITE/seeds/"
(cd "$SITE" && "$D" convert >/dev/null 2>&1)
"$D" build --source "$SITE"
echo "== files the new article changed, by folder (written after the first build)"
find "$SITE/public" -type f -newer "$WORK/time.out" -printf '%P\n' |
	sed -E 's,^news/[^/]+/.*,news/*/ (article pages),; s,^topics/[^/]+/page/.*,topics/*/page/* (numbered topic pages),; s,^topics/[^/]+/[^/]+$,topics/*/ (topic pages and feeds),; s,^archive/[0-9]+/[0-9]+/.*,archive/YYYY/MM/ (month pages),' |
	sort | uniq -c | sort -rn
