#!/usr/bin/env bash
# Builds the image and checks it where a Docker engine runs: a one-shot `run` against the
# built-in demo is not possible in a container without the demo's loopback service, so this
# checks what a user does first: --version, validate, and the daemon's /livez, /readyz and
# /metrics; and what a registry or a scanner reads: the OCI labels and the SBOM.
#
#   scripts/docker-smoke.sh            # builds stagewatch:smoke and runs the checks
#   IMAGE=stagewatch:dev scripts/docker-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
image="${IMAGE:-stagewatch:smoke}"
port="${PORT:-19464}"

revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
docker build --build-arg REVISION="$revision" --build-arg CREATED="$created" -t "$image" .
docker run --rm "$image" --version
docker run --rm "$image" validate -c /app/config/stagewatch.yaml

fail() {
  echo "docker smoke test failed: $*" >&2
  exit 1
}
# The labels: the version is the jar's own (`--version` prints "stagewatch <version>").
label() {
  docker inspect -f "{{ index .Config.Labels \"org.opencontainers.image.$1\" }}" "$image"
}
version="$(docker run --rm "$image" --version | sed -n 's/^stagewatch //p')"
[ -n "$version" ] || fail "--version printed no version"
for expected in "version=$version" "revision=$revision" "created=$created" "licenses=Apache-2.0"; do
  key="${expected%%=*}"
  [ "$(label "$key")" = "${expected#*=}" ] \
    || fail "label org.opencontainers.image.$key is '$(label "$key")', expected '${expected#*=}'"
done
label source | grep -q '^https://' || fail "label org.opencontainers.image.source is not a URL"
# The SBOM: CycloneDX, of this version, naming the jar's main dependencies.
sbom="$(docker run --rm --entrypoint cat "$image" /app/sbom.cdx.json)" || fail "no /app/sbom.cdx.json"
grep -Eq '"bomFormat" *: *"CycloneDX"' <<<"$sbom" || fail "/app/sbom.cdx.json is not CycloneDX"
grep -Eq '"version" *: *"'"$version"'"' <<<"$sbom" || fail "the SBOM is not of version $version"
for dependency in picocli jackson-databind sqlite-jdbc postgresql; do
  grep -Eq '"name" *: *"'"$dependency"'"' <<<"$sbom" || fail "the SBOM does not name $dependency"
done

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
