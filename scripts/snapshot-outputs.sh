#!/usr/bin/env bash
# Every command's output on the bundled examples, in every view and format, into one folder: run it before and
# after a change and `diff -r` the two folders (a refactor must leave them byte-identical).
# Usage: scripts/snapshot-outputs.sh OUT_DIR   (needs a built dist/: npm run build)
set -u
out=${1:?usage: scripts/snapshot-outputs.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
cd "$root/examples" || exit 1
run() {
  local name=$1; shift
  NO_COLOR=1 node "$root/bin/ic.js" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.err"
}
for format in table csv json md; do
  for by in department criterion pair rater; do
    run "score-$by.$format" score 2026-q1.csv --by "$by" --format "$format"
  done
  run "diff.$format" diff 2026-q1.csv 2026-q2.csv --format "$format"
  run "trend.$format" trend 2026-q1.csv 2026-q2.csv 2026-q1.csv --labels A,B,C --format "$format"
done
run score-excel score 2026-q1.csv --excel
run validate validate 2026-q1.csv 2026-q2.csv
run validate.json validate 2026-q1.csv --format json
run explain explain
run explain.md explain --format md
run explain.en explain --lang en
run help --help
for c in init validate template score diff trend explain; do run "help-$c" "$c" --help; done
tmp=$(mktemp -d)
run template template --out "$tmp/forms"
sed -i "s#$tmp#TMP#g" "$out/template.err"
(cd "$tmp/forms" && for f in *; do cat "$f"; done) >"$out/template-files.out" 2>&1
rm -rf "$tmp"
