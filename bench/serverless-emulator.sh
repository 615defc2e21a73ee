#!/usr/bin/env bash
# Benchmark (not a test): one generator function package under the Lambda Runtime Interface Emulator on
# loopback, against LocalStack S3: cold start, warm duration, peak memory of the runtime JVM; and the
# fanOut's own time (read + clean + join + snapshot) on the sample city. Figures go to docs/serverless.md.
#
#   . .ci/loopback.sh start && mvn -q -pl functions/fan-out,functions/generator -am package -DskipTests
#   bash bench/serverless-emulator.sh [MEMORY_MB]        (default 1024; the JVM gets 85% of it as heap)
#
# The runtime JVM is pinned to ONE core (taskset -c 0): a 1024 MB Lambda has about 0.6 vCPU, so this is
# still optimistic. JVM flags: -Xmx(85%) -XX:+UseSerialGC -XX:TieredStopAtLevel=1 (SnapStart is not
# emulated: these are plain cold starts).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
MEM=${1:-1024}
HEAP=$(( MEM * 85 / 100 ))
: "${GPKG311_LOCALSTACK_ENDPOINT:=http://127.0.0.1:4566}"
RIE=${GPKG311_RIE:-.cache/bin/aws-lambda-rie}
PY=.cache/venv-localstack/bin/python   # has boto3 (a LocalStack dependency)
OUT=$(mktemp -d /tmp/gpkg311-bench.XXXXXX)
GEN_JAR=functions/generator/target/gpkg311-generator-function-1.0.0-SNAPSHOT-lambda.jar
FAN_JAR=functions/fan-out/target/gpkg311-fan-out-1.0.0-SNAPSHOT-lambda.jar
RIC=functions/tests/target/ric
[ -f "$GEN_JAR" ] && [ -f "$FAN_JAR" ] || { echo "build the packages first (mvn package)"; exit 1; }
[ -d "$RIC" ] || mvn -q -B -pl functions/tests generate-test-resources
BUCKET=gpkg311-bench-$(date +%s)

echo "== sample city -> s3://$BUCKET (LocalStack)"
./gpkg311 sample --output "$OUT/sample" >/dev/null
"$PY" - "$BUCKET" "$OUT/sample" <<'PY'
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
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start_emulator NAME PORT APIPORT JAR HANDLER [ENV=VALUE...]
start_emulator() {
  local name=$1 port=$2 api=$3 jar=$4 handler=$5; shift 5
  env AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \
    AWS_LAMBDA_FUNCTION_NAME="$name" AWS_LAMBDA_FUNCTION_MEMORY_SIZE="$MEM" \
    GPKG311_LOCATION="s3://$BUCKET" GPKG311_S3_ENDPOINT="$GPKG311_LOCALSTACK_ENDPOINT" GPKG311_WORK_DIR="$OUT/work-$name" "$@" \
    "$RIE" --runtime-interface-emulator-address "127.0.0.1:$port" --runtime-api-address "127.0.0.1:$api" \
    taskset -c 0 "$JAVA_HOME/bin/java" "-Xmx${HEAP}m" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$jar:$RIC/*" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$handler" > "$OUT/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -s -o /dev/null "127.0.0.1:$port" && break; sleep 0.1; done
}
invoke() { # PORT PAYLOAD -> prints "seconds_total" and saves the body
  curl -s -o "$OUT/last.json" -w '%{time_total}' -X POST "http://127.0.0.1:$1/2015-03-31/functions/function/invocations" -d "$2"
}
peak_rss() { # RIE_PID -> VmHWM of its runtime JVM child (kB)
  local pid; pid=$(pgrep -P "$1" | head -1 || true)
  if [ -n "$pid" ]; then awk '/VmHWM/{print $2}' "/proc/$pid/status"; else echo "?"; fi
}
# The emulator starts the runtime at the first invocation: "INIT REPORT" is the runtime's init (JVM start, handler
# constructor: configuration, S3 client, profile, class priming), "Duration" the invocation itself.
report_lines() { grep -oE 'INIT REPORT\(durationMs: [0-9.]+\)|REPORT RequestId: \S+\s+(Init Duration: [0-9.]+ ms\s+)?Duration: [0-9.]+ ms' "$OUT/$1.log" \
  | sed -E 's/REPORT RequestId: \S+\s+(Init Duration: [0-9.]+ ms\s+)?/invoke /; s/INIT REPORT\(durationMs: ([0-9.]+)\)/init \1 ms/'; }
init_ms() { grep -oE 'INIT REPORT\(durationMs: [0-9.]+' "$OUT/$1.log" | head -1 | sed -E 's/.*: ([0-9]+).*/\1/'; }

echo "== fanOut: prepare the snapshot (one cold and two warm runs; generators served by a second emulator)"
start_emulator gen 9411 9412 "$GEN_JAR" org.gpkg311.functions.GeneratorHandler::handleRequest
start_emulator fanout 9421 9422 "$FAN_JAR" org.gpkg311.functions.FanOutHandler::handleRequest \
  GENERATOR_FUNCTIONS='{"serviceEfficiency":"function"}' GPKG311_LAMBDA_ENDPOINT=http://127.0.0.1:9411
for i in 1 2 3; do
  t=$(invoke 9421 '{"only":["serviceEfficiency"]}')
  echo "fanOut run $i: ${t}s wall (includes the synchronous serviceEfficiency run)"
done
SNAP=$(sed -E 's/.*"snapshotKey":"([^"]+)".*/\1/' "$OUT/last.json")
RUN=$(sed -E 's/.*"runId":"([^"]+)".*/\1/' "$OUT/last.json")
echo "fanOut REPORT lines:"; report_lines fanout
echo "generator (inside fanOut) REPORT lines:"; report_lines gen
echo "fanOut runtime JVM peak RSS: $(peak_rss "${pids[1]}") kB"
kill "${pids[@]}" 2>/dev/null || true; pids=(); sleep 1

echo "== one generator function (serviceEfficiency) on the stored snapshot $SNAP: cold, then 5 warm"
start_emulator se 9431 9432 "$GEN_JAR" org.gpkg311.functions.GeneratorHandler::handleRequest GENERATOR_NAME=serviceEfficiency
for i in 1 2 3 4 5 6; do
  t=$(invoke 9431 "{\"runId\":\"$RUN\",\"snapshotKey\":\"$SNAP\"}")
  echo "invocation $i: ${t}s wall"
done
echo "REPORT lines:"; report_lines se
echo "runtime JVM peak RSS: $(peak_rss "${pids[0]}") kB"
kill "${pids[@]}" 2>/dev/null || true; pids=(); sleep 1

echo "== every generator, each in a fresh JVM: cold (wall, init included) and one warm invocation"
printf '%-26s %8s %10s %10s %12s\n' generator init_ms cold_s warm_s peak_rss_kB
for g in serviceEfficiency geographicPatterns temporalPatterns peakHourConsistency requestVolatility timeBasedClusters \
         serviceTypeInsights trendDirection predictiveHotspots capacityPlanning optimizationOpportunities; do
  start_emulator "g-$g" 9441 9442 "$GEN_JAR" org.gpkg311.functions.GeneratorHandler::handleRequest GENERATOR_NAME="$g"
  c=$(invoke 9441 "{\"runId\":\"$RUN\",\"snapshotKey\":\"$SNAP\"}")
  grep -q '"errorType"' "$OUT/last.json" && { echo "$g failed: $(cat "$OUT/last.json")"; }
  w=$(invoke 9441 "{\"runId\":\"$RUN\",\"snapshotKey\":\"$SNAP\"}")
  printf '%-26s %8s %10s %10s %12s\n' "$g" "$(init_ms "g-$g")" "$c" "$w" "$(peak_rss "${pids[0]}")"
  kill "${pids[@]}" 2>/dev/null || true; pids=(); sleep 0.5
done
rm -rf "$OUT"
