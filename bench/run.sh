#!/usr/bin/env bash
# Benchmarks the CLI on the sample city: whole-process wall time and peak memory (RSS) of
#   1. serviceEfficiency alone (target ≤ 2.5 s on 2 cores), and
#   2. all eleven generators in one run (target ≤ 8 s),
# plus the per-stage times the CLI prints on stderr. Writes bench/results-cli.md. Not a test.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. .ci/jdk.sh
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q -pl cli -am package -DskipTests
java=("$here/gpkg311")   # the README's command: same JVM flags (parallel GC, class cache)
"${java[@]}" sample --output "$work/sample" >/dev/null 2>&1
# A first generate outside the figures: on JDK 25 it records the launcher's class cache.
"${java[@]}" generate --input "$work/sample" --output "$work/out" --work-dir "$work/tmp" >/dev/null 2>&1

measure() { # label, then CLI args; prints "label | best wall s | median wall s | peak RSS MB"
  local label=$1; shift
  local walls=() rss=0
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "${java[@]}" generate --input "$work/sample" --output "$work/out" --work-dir "$work/tmp" "$@" >/dev/null 2>"$work/stderr-$label.txt"
    read -r wall kb < "$work/time.txt"
    walls+=("$wall"); [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local sorted; sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
  printf '| %s | %s | %s | %d |\n' "$label" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" $((rss / 1024))
}

{
  echo "# CLI benchmark on the sample city"
  echo
  echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "- JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "- Each row: $runs runs of the whole process (JVM start included), \`/usr/bin/time\`."
  echo
  echo "| run | best wall (s) | median wall (s) | peak RSS (MB) |"
  echo "| --- | --- | --- | --- |"
  measure serviceEfficiency --only serviceEfficiency
  measure all-eleven
  echo
  echo "Stages of the last all-eleven run (stderr of the CLI):"
  echo
  echo '```'
  cat "$work/stderr-all-eleven.txt"
  echo '```'
  echo
  echo "Stages of the last serviceEfficiency run:"
  echo
  echo '```'
  cat "$work/stderr-serviceEfficiency.txt"
  echo '```'
} | tee bench/results-cli.md
