#!/usr/bin/env bash
# Real AWS APIs on loopback, without Docker: LocalStack 4.14.0 (S3, SQS, EventBridge) in host mode and the
# AWS Lambda Runtime Interface Emulator (RIE), for the functions' loopback tests (functions/tests, *LoopbackTest).
#
#   . .ci/loopback.sh start   # install into the ignored .cache/ (once), start LocalStack, export the settings
#   mvn -B -pl functions/tests -am verify      # the loopback tests now run (GPKG311_LOOPBACK=1)
#   . .ci/loopback.sh stop    # stop the LocalStack that `start` launched in this shell (never one it found running)
#
# A healthy LocalStack already listening on the port (another checkout's, a developer's) is reused, not replaced,
# and `stop` leaves it running: only the process this shell started is stopped.
# Sourced (it exports variables) or run (`bash .ci/loopback.sh start` only checks that everything starts).
# Facts behind the pins (docs/serverless.md): localstack-core 4.14.0 is the last release that runs without an
# auth token; it needs Python >= 3.13 (PEP 695 syntax, warnings.deprecated), and its unpinned dependencies
# have since broken it (cbor2 6, pyOpenSSL 26): uv installs the dependency set as of 2026-03-01.
gpkg311_loopback_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GPKG311_CACHE="$gpkg311_loopback_root/.cache"
GPKG311_RIE_VERSION=v0.0.0-20261030222936-bef5c4ba774d
GPKG311_LOCALSTACK_PORT=${GPKG311_LOCALSTACK_PORT:-4566}

gpkg311_python313() {
  local c
  # shellcheck disable=SC2012
  for c in python3.14 python3.13 $(ls -d /root/.pyenv/versions/3.1[3-9]*/bin/python3 /usr/local/bin/python3.1[3-9] 2>/dev/null | sort -rV); do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 13) else 1)' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  return 1
}

gpkg311_install_localstack() {
  local venv="$GPKG311_CACHE/venv-localstack"
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import localstack.aws.components, localstack.services.s3.provider' 2>/dev/null; then
    return 0
  fi
  local py
  py=$(gpkg311_python313) || { echo "loopback: LocalStack 4.14.0 needs Python >= 3.13; none found" >&2; return 1; }
  mkdir -p "$GPKG311_CACHE"
  if [ ! -x "$GPKG311_CACHE/venv-uv/bin/uv" ]; then
    python3 -m venv "$GPKG311_CACHE/venv-uv" && "$GPKG311_CACHE/venv-uv/bin/pip" install -q uv || return 1
  fi
  rm -rf "$venv"
  "$GPKG311_CACHE/venv-uv/bin/uv" venv -q -p "$py" "$venv" || return 1
  VIRTUAL_ENV="$venv" "$GPKG311_CACHE/venv-uv/bin/uv" pip install -q --exclude-newer 2026-03-01 \
    "localstack-core[runtime]==4.14.0" || return 1
}

gpkg311_install_rie() {
  if [ -x "$GPKG311_CACHE/bin/aws-lambda-rie" ]; then return 0; fi
  command -v go >/dev/null || { echo "loopback: Go >= 1.25 is needed once to build the Lambda Runtime Interface Emulator; none on PATH" >&2; return 1; }
  mkdir -p "$GPKG311_CACHE/bin"
  GOBIN="$GPKG311_CACHE/bin" go install \
    "github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@$GPKG311_RIE_VERSION" || return 1
}

gpkg311_localstack_healthy() {
  local h
  h=$(curl -s --max-time 2 "http://127.0.0.1:$GPKG311_LOCALSTACK_PORT/_localstack/health") || return 1
  for s in s3 sqs events; do
    grep -qE "\"$s\": *\"(running|available)\"" <<<"$h" || return 1
  done
}

gpkg311_loopback_start() {
  gpkg311_install_localstack || return 1
  gpkg311_install_rie || return 1
  if ! gpkg311_localstack_healthy; then
    echo "loopback: starting LocalStack 4.14.0 on 127.0.0.1:$GPKG311_LOCALSTACK_PORT (log: .cache/localstack.log)" >&2
    # `&` must apply to the LocalStack process alone (not to a `cd && ...` list), so that $! is its pid.
    (cd "$GPKG311_CACHE" || exit 1
      GATEWAY_LISTEN=127.0.0.1:$GPKG311_LOCALSTACK_PORT LOCALSTACK_HOST=127.0.0.1:$GPKG311_LOCALSTACK_PORT \
      SERVICES=s3,sqs,events,cloudformation,iam,sts EAGER_SERVICE_LOADING=1 DNS_ADDRESS=0 SKIP_SSL_CERT_DOWNLOAD=1 \
      DISABLE_EVENTS=1 SQS_ENDPOINT_STRATEGY=path LOCALSTACK_VOLUME_DIR="$GPKG311_CACHE/localstack-volume" \
      nohup "$GPKG311_CACHE/venv-localstack/bin/python" -m localstack.runtime.main \
      > "$GPKG311_CACHE/localstack.log" 2>&1 < /dev/null & echo $! > "$GPKG311_CACHE/localstack.pid")
    gpkg311_localstack_started=$(cat "$GPKG311_CACHE/localstack.pid")
    for _ in $(seq 1 90); do
      gpkg311_localstack_healthy && break
      sleep 1
    done
    if ! gpkg311_localstack_healthy; then
      echo "loopback: LocalStack did not become healthy; tail of its log:" >&2
      tail -20 "$GPKG311_CACHE/localstack.log" >&2
      gpkg311_loopback_stop
      return 1
    fi
  else
    echo "loopback: reusing the healthy LocalStack on 127.0.0.1:$GPKG311_LOCALSTACK_PORT (left running afterwards)" >&2
  fi
  export GPKG311_LOOPBACK=1
  export GPKG311_LOCALSTACK_ENDPOINT="http://127.0.0.1:$GPKG311_LOCALSTACK_PORT"
  export GPKG311_RIE="$GPKG311_CACHE/bin/aws-lambda-rie"
  echo "loopback: LocalStack at $GPKG311_LOCALSTACK_ENDPOINT, emulator $GPKG311_RIE" >&2
}

gpkg311_loopback_stop() {
  local pid=${gpkg311_localstack_started:-}
  if [ -n "$pid" ]; then
    echo "loopback: stopping the LocalStack this shell started (pid $pid)" >&2
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    [ "$(cat "$GPKG311_CACHE/localstack.pid" 2>/dev/null)" = "$pid" ] && rm -f "$GPKG311_CACHE/localstack.pid"
    gpkg311_localstack_started=
  fi
  unset GPKG311_LOOPBACK
}

case "${1:-start}" in
  start) gpkg311_loopback_start ;;
  stop) gpkg311_loopback_stop ;;
  *) echo "usage: . .ci/loopback.sh start|stop" >&2; false ;;
esac
