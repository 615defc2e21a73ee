#!/usr/bin/env bash
# Benchmark (not a test): the fanOut and generator function packages under the Lambda Runtime Interface Emulator
# on loopback, against LocalStack S3, at a chosen sample size and function memory. Per invocation: wall, the
# emulator's Duration, CPU (user + sys of the runtime JVM), peak RSS (VmHWM, reset before each invocation),
# peak /tmp use (du of the function's own /tmp, sampled every 0.5 s), and the object made (snapshot / GeoPackage).
#
#   . .ci/loopback.sh start && mvn -q -pl cli,functions/fan-out,functions/generator -am package -DskipTests
#   bash bench/serverless-emulator.sh [--requests N | --sample DIR] [--memory MB] [--fanout-memory MB]
#        [--generators serviceEfficiency,geographicPatterns | all] [--warm K] [--fanout-warm K] [--code DIR]
#        [--java-tool-options "FLAGS"]
# --code DIR runs the function packages built in another checkout (e.g. a merge to compare with this one).
# --java-tool-options replaces the template's JAVA_TOOL_OPTIONS (C1 alone), e.g. "" for C1 then C2.
#
# Memory: the emulator caps nothing, so the runtime JVM gets what AWS's Java runtime gives it for the function's
# MemorySize: -XX:MaxHeapSize 85 %, -XX:MaxMetaspaceSize 10 %, -XX:ReservedCodeCacheSize 5 %, -XX:+UseSerialGC
# (the runtime's java command line, quoted in DataDog/datadog-lambda-extension#117: 222823k/26214k/13107k for
# 256 MB), plus the template's JAVA_TOOL_OPTIONS. A run that needs more dies here as it would on Lambda.
# CPU: the runtime JVM is pinned to ONE core (taskset -c 0); Lambda gives 1 vCPU at 1,769 MB (about 0.6 at
# 1024 MB, 6 at 10,240 MB), so CPU time is the figure to scale, wall time depends on the machine's load.
# The fanOut's generator invocations go to a stub Lambda API that accepts them (202) and runs nothing, so its
# figures are the fanOut's own: read + clean + join + snapshot encode + upload. SnapStart is not emulated.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh

REQUESTS=
SAMPLE=
MEM=1024
FAN_MEM=
GENERATORS=serviceEfficiency,geographicPatterns
WARM=1
FAN_WARM=1
CODE=.
TOOL_OPTIONS=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *//p' template.yaml | head -1)   # the template's, read from it
[ -n "$TOOL_OPTIONS" ] || { echo "no JAVA_TOOL_OPTIONS in template.yaml" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) REQUESTS=$2; shift 2 ;;
    --sample) SAMPLE=$2; shift 2 ;;
    --memory) MEM=$2; shift 2 ;;
    --fanout-memory) FAN_MEM=$2; shift 2 ;;
    --generators) GENERATORS=$2; shift 2 ;;
    --warm) WARM=$2; shift 2 ;;
    --fanout-warm) FAN_WARM=$2; shift 2 ;;
    --code) CODE=$2; shift 2 ;;
    --java-tool-options) TOOL_OPTIONS=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
FAN_MEM=${FAN_MEM:-$MEM}
ALL=serviceEfficiency,geographicPatterns,temporalPatterns,peakHourConsistency,requestVolatility,timeBasedClusters,serviceTypeInsights,trendDirection,predictiveHotspots,capacityPlanning,optimizationOpportunities
[ "$GENERATORS" = all ] && GENERATORS=$ALL

: "${GPKG311_LOCALSTACK_ENDPOINT:=http://127.0.0.1:4566}"
export GPKG311_LOCALSTACK_ENDPOINT
RIE=${GPKG311_RIE:-.cache/bin/aws-lambda-rie}
PY=.cache/venv-localstack/bin/python   # has boto3 (a LocalStack dependency)
OUT=$(mktemp -d /tmp/gpkg311-bench.XXXXXX)
GEN_JAR=$CODE/functions/generator/target/gpkg311-generator-function-1.0.0-SNAPSHOT-lambda.jar
FAN_JAR=$CODE/functions/fan-out/target/gpkg311-fan-out-1.0.0-SNAPSHOT-lambda.jar
RIC=functions/tests/target/ric
[ -f "$GEN_JAR" ] && [ -f "$FAN_JAR" ] || { echo "build the packages first (mvn package)"; exit 1; }
[ -d "$RIC" ] || mvn -q -B -pl functions/tests generate-test-resources
BUCKET=gpkg311-bench-$(date +%s)-$$
TICK=$(getconf CLK_TCK)

echo "# bench/serverless-emulator.sh $*  ($(date -u +%Y-%m-%dT%H:%MZ), code $CODE at $(git -C "$CODE" rev-parse --short HEAD))"
echo "# machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); generator memory $MEM MB, fanOut memory $FAN_MEM MB; runtime JVM on 1 core; JAVA_TOOL_OPTIONS='$TOOL_OPTIONS'"

if [ -z "$SAMPLE" ]; then
  SAMPLE=$OUT/sample
  ./gpkg311 sample --output "$SAMPLE" ${REQUESTS:+--requests "$REQUESTS"} >/dev/null
fi
echo "# sample: $SAMPLE ($(du -sm "$SAMPLE" | cut -f1) MB) -> s3://$BUCKET"
"$PY" - "$BUCKET" "$SAMPLE" <<'PY'
import boto3, os, sys
b, root = sys.argv[1], sys.argv[2]
s3 = boto3.client("s3", endpoint_url=os.environ["GPKG311_LOCALSTACK_ENDPOINT"], region_name="us-east-1",
                  aws_access_key_id="test", aws_secret_access_key="test")
s3.create_bucket(Bucket=b)
for dp, _, fs in os.walk(root):
    for f in fs:
        p = os.path.join(dp, f)
        s3.upload_file(p, b, os.path.relpath(p, root))
PY

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # Only this run's bucket: LocalStack may be another checkout's.
  "$PY" - "$BUCKET" <<'PY' || true
import boto3, os, sys
s3 = boto3.resource("s3", endpoint_url=os.environ["GPKG311_LOCALSTACK_ENDPOINT"], region_name="us-east-1",
                    aws_access_key_id="test", aws_secret_access_key="test")
b = s3.Bucket(sys.argv[1]); b.objects.all().delete(); b.delete()
PY
  rm -rf "$OUT"
}
trap cleanup EXIT

# A Lambda API that accepts every asynchronous invocation and runs nothing (the fanOut's generators).
"$PY" -c '
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(202); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()' 9419 &
pids+=($!)

# start_emulator NAME PORT APIPORT JAR HANDLER MEMORY [ENV=VALUE...]; the function's /tmp is $OUT/tmp-NAME
start_emulator() {
  local name=$1 port=$2 api=$3 jar=$4 handler=$5 mem=$6; shift 6
  local kb=$(( mem * 1024 ))
  mkdir -p "$OUT/tmp-$name"
  env AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \
    AWS_LAMBDA_FUNCTION_NAME="$name" AWS_LAMBDA_FUNCTION_MEMORY_SIZE="$mem" AWS_LAMBDA_FUNCTION_TIMEOUT=900 \
    JAVA_TOOL_OPTIONS="$TOOL_OPTIONS" \
    GPKG311_LOCATION="s3://$BUCKET" GPKG311_S3_ENDPOINT="$GPKG311_LOCALSTACK_ENDPOINT" GPKG311_WORK_DIR="$OUT/tmp-$name" "$@" \
    "$RIE" --runtime-interface-emulator-address "127.0.0.1:$port" --runtime-api-address "127.0.0.1:$api" \
    taskset -c 0 "$JAVA_HOME/bin/java" "-XX:MaxHeapSize=$(( kb * 85 / 100 ))k" "-XX:MaxMetaspaceSize=$(( kb * 10 / 100 ))k" \
    "-XX:ReservedCodeCacheSize=$(( kb * 5 / 100 ))k" -XX:+UseSerialGC -Xshare:auto -Djava.io.tmpdir="$OUT/tmp-$name" "-Xlog:gc:file=$OUT/$name.gc" \
    -cp "$jar:$RIC/*" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$handler" > "$OUT/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -s -o /dev/null "127.0.0.1:$port" && break; sleep 0.1; done
}
jvm_of() { pgrep -P "$1" | head -1 || true; }
cpu_ticks() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
hwm_kb() { [ -n "$1" ] && awk '/VmHWM/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

printf '%-20s %-6s %8s %9s %8s %7s %8s %8s %8s %10s  %s\n' function call wall_s duration_s init_s cpu_s rss_MB live_MB tmp_MB object_MB load
# measure NAME PORT RIE_PID CALL PAYLOAD: one invocation, one row; the response body stays in $OUT/last.json
measure() {
  local name=$1 port=$2 rie=$3 call=$4 payload=$5 jvm before sampler t dur init cpu rss live tmp obj gc0
  jvm=$(jvm_of "$rie"); before=$(cpu_ticks "$jvm")
  gc0=$( (cat "$OUT/$name.gc" 2>/dev/null || true) | wc -l)
  [ -n "$jvm" ] && echo 5 > "/proc/$jvm/clear_refs"
  echo 0 > "$OUT/tmp-peak"
  ( m=0; while :; do k=$(du -sk "$OUT/tmp-$name" 2>/dev/null | cut -f1); [ "${k:-0}" -gt "$m" ] && m=$k && echo "$m" > "$OUT/tmp-peak"; sleep 0.5; done ) &
  sampler=$!
  t=$(curl -s -o "$OUT/last.json" -w '%{time_total}' -X POST "http://127.0.0.1:$port/2015-03-31/functions/function/invocations" -d "$payload")
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  jvm=$(jvm_of "$rie")
  cpu=$(awk -v a="$(cpu_ticks "$jvm")" -v b="$before" -v h="$TICK" 'BEGIN{printf "%.1f", (a - b) / h}')
  rss=$(( $(hwm_kb "$jvm") / 1024 ))
  tmp=$(( $(cat "$OUT/tmp-peak") / 1024 ))
  # the largest heap left after a collection during this invocation: about the smallest heap it could run in
  live=$(tail -n +"$(( gc0 + 1 ))" "$OUT/$name.gc" 2>/dev/null | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1 || true)
  dur=$(grep -oE 'Duration: [0-9.]+ ms' "$OUT/$name.log" | grep -v Init | tail -1 | awk '{printf "%.1f", $2 / 1000}')
  init=-
  [ "$call" = cold ] && init=$(grep -oE 'INIT REPORT\(durationMs: [0-9.]+' "$OUT/$name.log" | head -1 | awk -F': ' '{printf "%.1f", $2 / 1000}')
  obj=$(sed -nE 's/.*"geoPackageBytes":([0-9]+).*/\1/p' "$OUT/last.json")
  if [ -z "$obj" ] && grep -q '"snapshotKey"' "$OUT/last.json"; then
    obj=$("$PY" - "$BUCKET" "$(sed -E 's/.*"snapshotKey":"([^"]+)".*/\1/' "$OUT/last.json")" <<'PY'
import boto3, os, sys
s3 = boto3.client("s3", endpoint_url=os.environ["GPKG311_LOCALSTACK_ENDPOINT"], region_name="us-east-1",
                  aws_access_key_id="test", aws_secret_access_key="test")
print(s3.head_object(Bucket=sys.argv[1], Key=sys.argv[2])["ContentLength"])
PY
)
  fi
  obj=$(awk -v b="${obj:-0}" 'BEGIN{printf "%.1f", b / 1e6}')
  printf '%-20s %-6s %8.1f %9s %8s %7s %8s %8s %8s %10s  %s\n' "$name" "$call" "$t" "${dur:--}" "$init" "$cpu" "$rss" "${live:--}" "$tmp" "$obj" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  if grep -q '"errorType"' "$OUT/last.json"; then echo "  FAILED: $(head -c 600 "$OUT/last.json")"; return 1; fi
}

start_emulator fanOut 9421 9422 "$FAN_JAR" org.gpkg311.functions.FanOutHandler::handleRequest "$FAN_MEM" \
  GENERATOR_FUNCTIONS="{\"serviceEfficiency\":\"function\"}" GPKG311_LAMBDA_ENDPOINT=http://127.0.0.1:9419
measure fanOut 9421 "${pids[-1]}" cold '{"only":["serviceEfficiency"]}'
SNAP=$(sed -E 's/.*"snapshotKey":"([^"]+)".*/\1/' "$OUT/last.json")
RUN=$(sed -E 's/.*"runId":"([^"]+)".*/\1/' "$OUT/last.json")
for _ in $(seq 1 "$FAN_WARM"); do measure fanOut 9421 "${pids[-1]}" warm '{"only":["serviceEfficiency"]}' || true; done
kill "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; sleep 1

# A generator that staged for a run stages nothing again (a retry): before each invocation the run is reset to
# its snapshot alone (no plan, staging, commit or publication), so that every invocation does the same whole
# work, a generator run alone: load, compute, write, check, stage, commit.
reset_run() {
  "$PY" - "$BUCKET" "$RUN" <<'PY'
import boto3, os, sys
b, run = sys.argv[1], sys.argv[2]
s3 = boto3.resource("s3", endpoint_url=os.environ["GPKG311_LOCALSTACK_ENDPOINT"], region_name="us-east-1",
                    aws_access_key_id="test", aws_secret_access_key="test").Bucket(b)
keep = {f"runs/{run}/snapshot.bin", f"runs/{run}/quality.json"}
for o in list(s3.objects.filter(Prefix=f"runs/{run}/")) + list(s3.objects.filter(Prefix="gpkg-public/")):
    if o.key not in keep:
        o.delete()
PY
}
# Each generator in a fresh runtime, on the first fanOut run's snapshot.
for g in ${GENERATORS//,/ }; do
  start_emulator "$g" 9431 9432 "$GEN_JAR" org.gpkg311.functions.GeneratorHandler::handleRequest "$MEM" GENERATOR_NAME="$g"
  reset_run
  if measure "$g" 9431 "${pids[-1]}" cold "{\"runId\":\"$RUN\",\"snapshotKey\":\"$SNAP\"}"; then
    for _ in $(seq 1 "$WARM"); do
      reset_run
      measure "$g" 9431 "${pids[-1]}" warm "{\"runId\":\"$RUN\",\"snapshotKey\":\"$SNAP\"}" || break
    done
  fi
  kill "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; sleep 1
done
echo "# done $(date -u +%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
