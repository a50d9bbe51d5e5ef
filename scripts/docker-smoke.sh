#!/usr/bin/env bash
# Builds the image and checks it where a Docker engine runs: a one-shot `run` against the
# built-in demo is not possible in a container without the demo's loopback service, so this
# checks what a user does first: --version, validate, and the daemon's /livez, /readyz and
# /metrics.
#
#   scripts/docker-smoke.sh            # builds stagewatch:smoke and runs the checks
#   IMAGE=stagewatch:dev scripts/docker-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
image="${IMAGE:-stagewatch:smoke}"
port="${PORT:-19464}"

docker build -t "$image" .
docker run --rm "$image" --version
docker run --rm "$image" validate -c /app/config/stagewatch.yaml

name="stagewatch-smoke-$$"
docker run -d --name "$name" -p "127.0.0.1:${port}:9464" \
  -e STAGING_URL=http://127.0.0.1:9 "$image" >/dev/null
trap 'docker rm -f "$name" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 30); do
  if curl -fsS "http://127.0.0.1:${port}/livez" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done
curl -fsS "http://127.0.0.1:${port}/livez"
curl -fsS "http://127.0.0.1:${port}/readyz"
curl -fsS "http://127.0.0.1:${port}/metrics" | grep -q stagewatch_daemon_last_success_age_seconds
curl -fsS "http://127.0.0.1:${port}/" | grep -q '<title>stagewatch'
# SIGTERM: the daemon stops scheduling and exits 0.
docker stop --time 40 "$name" >/dev/null
test "$(docker inspect -f '{{.State.ExitCode}}' "$name")" = 0
echo "docker smoke test passed: $image"
