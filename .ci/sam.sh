#!/usr/bin/env bash
# SAM CLI checks that need no AWS account: `sam validate --lint` and `sam build`, then the deploy package sizes.
# Usage: bash .ci/sam.sh            (SAM CLI 1.170.0 in the ignored venv .cache/venv-sam)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
export SAM_CLI_TELEMETRY=0
VENV=.cache/venv-sam
if [ ! -x "$VENV/bin/sam" ] || ! "$VENV/bin/sam" --version | grep -q '1\.170\.0'; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "aws-sam-cli==1.170.0"
fi
SAM="$VENV/bin/sam"

echo "== sam validate --lint"
"$SAM" validate --lint --template template.yaml

# `sam build` (no container) runs `mvn clean install` on a COPY of each CodeUri, where the parent pom and the
# sibling modules cannot be found by path: install them in ~/.m2 first.
echo "== installing the parent pom and the modules the functions depend on"
mvn -q -B install -N
# -DskipTests, not -Dmaven.test.skip: the ingest function tests against the shared test-jar (loopback FeatureServer)
mvn -q -B install -pl shared,functions/sqlite-linux,functions/common -DskipTests

echo "== sam build (from the template with its Fn::ForEach expanded, see .ci/expand-template.py)"
rm -rf .aws-sam
trap 'rm -f template.expanded.yaml' EXIT
"$VENV/bin/python" .ci/expand-template.py template.yaml > template.expanded.yaml
grep -c 'GENERATOR_NAME' template.expanded.yaml | sed 's/^/generator functions after expansion: /'
"$SAM" build --template template.expanded.yaml

echo "== deploy packages (what sam deploy zips and uploads)"
python3 - <<'PY'
import os, zipfile, io
root = ".aws-sam/build"
seen = {}
for fn in sorted(os.listdir(root)):
    d = os.path.join(root, fn)
    if not os.path.isdir(d):
        continue
    files = [os.path.join(dp, f) for dp, _, fs in os.walk(d) for f in fs]
    raw = sum(os.path.getsize(f) for f in files)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for f in files:
            z.write(f, os.path.relpath(f, d))
    print(f"{fn}: {len(files)} files, {raw/1e6:.1f} MB unzipped, {buf.tell()/1e6:.1f} MB zipped")
PY
