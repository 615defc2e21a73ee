#!/usr/bin/env bash
# The cost of staging and committing (issue 9): the sample city, all eleven generators, through the CLI into a
# local folder and into LocalStack S3 (the CLI's S3 output: PutObject to .staging/, server-side CopyObject to the
# stable keys, the manifest with If-Match/If-None-Match, then DeleteObject of the staging). Reads the per-stage
# times the CLI prints on stderr. Prints a markdown table; not a test. Needs cli/target/gpkg311.jar and, for S3,
# LocalStack at $GPKG311_LOCALSTACK_ENDPOINT (default http://127.0.0.1:4566).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
. .ci/jdk.sh >/dev/null
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
endpoint=${GPKG311_LOCALSTACK_ENDPOINT:-http://127.0.0.1:4566}
jar=cli/target/gpkg311.jar
java -jar "$jar" sample --output "$work/sample" >/dev/null 2>&1
bucket=gpkg311-bench-publish-$$
curl -s -X PUT "$endpoint/$bucket" >/dev/null

summarise() { # stderr file of one run -> "total_s stage_sum_ms generator_sum_ms commit_ms"
  python3 - "$1" <<'PY'
import re, sys
total = stage = gen = commit = 0.0
for line in open(sys.argv[1]):
    m = re.match(r"\[\s*([\d.]+)s\]\s+(\S+)\s+(\S+)\s+(\d+) ms", line)
    if not m: continue
    t, scope, st, ms = float(m[1]), m[2], m[3], int(m[4])
    total = max(total, t)
    if scope in ("snapshot", "commit", "sample"):
        if scope == "commit" and st == "commit": commit += ms
        continue
    gen += ms
    if st == "stage": stage += ms
print(f"{total:.2f} {stage:.0f} {gen:.0f} {commit:.0f}")
PY
}

row() { # label, output
  local label=$1 out=$2
  for i in $(seq "$runs"); do
    env GPKG311_S3_ENDPOINT="$endpoint" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \
      java -jar "$jar" generate --input "$work/sample" --output "$out" --work-dir "$work/tmp" --threads 2 \
      >/dev/null 2>"$work/err.txt"
    read -r total stage gen commit < <(summarise "$work/err.txt")
    python3 -c "
t,s,g,c=$total,$stage,$gen,$commit
print(f'| $label | $i | {t:.2f} | {s:.0f} | {g:.0f} | {100*s/g:.1f} % | {c:.0f} | {100*(c/1000)/t:.1f} % | {100*(s/2/1000+c/1000)/t:.1f} % |')"
  done
}

echo "| output | run | run wall s | staging ms (sum of 11) | generator work ms (sum) | staging / generator work | commit ms | commit / run wall | (staging/2 threads + commit) / run wall |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
row "local folder" "$work/out"
row "LocalStack S3" "s3://$bucket/out"
