#!/usr/bin/env bash
# Issue 14's wall-time criterion: the default eleven-file run on the sample city, this checkout against an
# older commit (default 46de46a, main of 2026-11-25), on ONE input folder written by this checkout's
# `sample`, alternating old/new runs (the machine is shared, so neither side gets the quiet minutes).
# The old commit is built in a temporary worktree (removed at the end; nothing of it is committed) and run
# through its own ./gpkg311 script, so it gets the java flags of its day.
#
#   bench/wall-time.sh [old-commit] [runs-per-side]
#
# Prints a markdown table (wall, user+sys CPU, peak RSS, 1-minute load before the run), the medians, and
# the stage lines (stderr) of the last run of each side.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
old_commit=${1:-46de46a}
runs=${2:-5}
work=$(mktemp -d /tmp/gpkg311-wall.XXXXXX)
old_tree="$work/old"
cleanup() {
  git -C "$here" worktree remove --force "$old_tree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
. "$here/.ci/jdk.sh"

git -C "$here" worktree add --detach "$old_tree" "$old_commit" >/dev/null 2>&1
echo "building $old_commit in $old_tree ..." >&2
mvn -B -q -f "$old_tree/pom.xml" -pl cli -am package -DskipTests 2>&1 | grep -v '^WARNING' | sed 's/\x1b\[0m//g' >&2 || true
[ -f "$old_tree/cli/target/gpkg311.jar" ] || { echo "old build failed" >&2; exit 1; }

"$here/gpkg311" sample --output "$work/sample" >&2

one_run() { # side script -> "wall user sys rssKB load"
  local side=$1 script=$2 load
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -rf "$work/out-$side"
  /usr/bin/time -o "$work/time-$side" -f "%e %U %S %M" "$script" generate --input "$work/sample" --output "$work/out-$side" \
    >/dev/null 2>"$work/stages-$side" || { echo "$side run failed:" >&2; tail -5 "$work/stages-$side" >&2; return 1; }
  echo "$(cat "$work/time-$side") $load"
}

# One warm-up each: the first run of a jar writes its class cache (an ahead-of-time cache or a CDS archive).
one_run old "$old_tree/gpkg311" >/dev/null || exit 1
one_run new "$here/gpkg311" >/dev/null || exit 1

echo "| run | side | wall (s) | user+sys CPU (s) | peak RSS (MB) | load before |"
echo "| --- | --- | --- | --- | --- | --- |"
: >"$work/all"
for i in $(seq 1 "$runs"); do
  for side in old new; do
    if [ "$side" = old ]; then script="$old_tree/gpkg311"; else script="$here/gpkg311"; fi
    line=$(one_run "$side" "$script") || exit 1
    read -r wall user sys rss load <<<"$line"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "| $i | $side | $wall | $cpu | $((rss / 1024)) | $load |"
    echo "$side $wall $cpu $((rss / 1024))" >>"$work/all"
  done
done
echo
for side in old new; do
  grep "^$side " "$work/all" | awk -v side="$side" '
    { w[NR] = $2; c[NR] = $3; r[NR] = $4 }
    function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { n = NR; printf "%s: median wall %.2f s, median CPU %.2f s, max RSS %d MB\n", side, med(w, n), med(c, n), 0 + maxr()
          }
    function maxr(   i, m) { m = 0; for (i = 1; i <= NR; i++) if (r[i] + 0 > m) m = r[i] + 0; return m }'
done
for side in old new; do
  echo
  echo "stages, last $side run:"
  grep -v ' copied ' "$work/stages-$side" | grep '^\[' || true
done
