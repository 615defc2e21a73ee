#!/usr/bin/env bash
# Side by side: two CLI jars (e.g. before and after a change) on the sample city, all eleven generators,
# alternated so both see the same machine load; prints wall and CPU time per run. Not a test.
# Usage: bench/delivery-ab.sh BASE_JAR [NEW_JAR] [RUNS]   (NEW_JAR default: cli/target/gpkg311.jar)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/.ci/jdk.sh"
base=$1; new=${2:-$here/cli/target/gpkg311.jar}; runs=${3:-4}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$JAVA_HOME/bin/java" -jar "$new" sample --output "$work/sample" >/dev/null 2>&1
for i in $(seq "$runs"); do
  for v in base new; do
    jar=$base; [ "$v" = new ] && jar=$new
    rm -rf "$work/out"
    s=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$work/time.txt" "$JAVA_HOME/bin/java" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "$jar" \
      generate --input "$work/sample" --output "$work/out" --work-dir "$work/tmp" >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$v run $i: wall $(echo "$e - $s" | bc) s, cpu user+sys $(awk '{print $1+$2}' "$work/time.txt") s, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
