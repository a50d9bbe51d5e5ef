#!/bin/sh
# Trains the start-up cache that ships beside the jar, on the JDK that bin/stagewatch would run it
# with (bin/find-jdk: $JAVA_HOME first). The build runs it after the jar is made, and the image on
# its own JRE:
#
#   sh scripts/startup-cache.sh target/stagewatch.jar     # writes target/stagewatch.aot(.jdk)
#
# The workload is a user's `run`, and no more: the cache's classes are all loaded at every start,
# so a class trained here that a run does not need costs every run its loading. A project in a
# temporary folder, with the default SQLite store, HTTP checks (status, JSON, header, body and
# response-time expectations) against the JDK's own file server, and a SQL check whose database
# refuses the connection (the PostgreSQL driver and the pool, with no server to start here); every
# report is written. The JVM options are bin/stagewatch's: a cache is refused by a JVM started with
# another collector. Beside the cache, `.jdk` names the JDK build it was made on; bin/stagewatch
# compares it with the JDK it runs on, without starting one. A JDK older than 25 makes no such
# cache: then nothing is written, and the launcher records one per user as before.
set -eu
jar=$1
case $jar in /*) ;; *) jar=$(pwd)/$jar ;; esac
case $0 in
  */*) here=$(cd "${0%/*}" && pwd) ;;
  *) here=$(pwd) ;;
esac
. "$here/../bin/find-jdk"
find_jdk run
cache=${jar%.jar}.aot
rm -f "$cache" "$cache.jdk"
if [ "$major" -lt 25 ]; then
  echo "startup-cache: JDK $major cannot make the start-up cache (25 or newer can); none is shipped"
  exit 0
fi
find_jdk_build
work=$(mktemp -d)
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2> /dev/null || true; fi; rm -rf "$work"' EXIT

# The target: static files served by the JDK's file server on a free loopback port.
mkdir -p "$work/site/api" "$work/project/config" "$work/project/suites"
echo '{"status": "UP", "version": "1.4.2"}' > "$work/site/health"
cp "$work/site/health" "$work/site/api/health"
echo '<html><body><h1>Shop</h1></body></html>' > "$work/site/index.html"
"$java" -m jdk.httpserver -b 127.0.0.1 -p 0 -d "$work/site" > "$work/server.log" 2>&1 &
server=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/.* port \([0-9][0-9]*\).*/\1/p' "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "startup-cache: the file server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
fi

cat > "$work/project/config/stagewatch.yaml" <<YAML
project: training
environments:
  training:
    baseUrl: http://127.0.0.1:$port
    headers: {Authorization: Bearer training}
    databases:
      main: {url: "jdbc:postgresql://127.0.0.1:1/training", user: training}
defaults: {timeout: 5s, retry: {attempts: 1}}
suites: suites
YAML
cat > "$work/project/suites/health.yaml" <<'YAML'
name: staging-health
tags: [smoke]
checks:
  - name: health endpoint
    http: {path: /health, headers: {Accept: application/json}}
    expect: {status: 200, json: {$.status: UP}, maxResponseTime: 2s}
  - name: api health
    http: {path: /api/health}
    expect: {status: [200, 204], bodyContains: UP}
  - name: home page
    http: {path: /}
    expect: {status: 2xx, headers: {Content-Type: text/html}}
  - name: database answers queries
    sql: {database: main, query: select 1}
    expect: {rows: 1}
YAML

# The SQL check fails on purpose, so the run's exit code says nothing here; the cache either is
# written or the training failed.
# `-t smoke`: users select by tag, and the tag expression's classes would otherwise come from the
# jar at every run. No training data (-AOTRecordTraining): with it, every run starts by compiling
# what the training compiled, which cost a one-check run more CPU than it saved
# (bench/RESULTS.md); a JDK that drops the option ignores it.
# --enable-native-access as bin/stagewatch gives it: a cache holds only with the same setting.
(cd "$work/project" && "$java" -XX:AOTCacheOutput="$cache" -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC -XX:-UsePerfData -Xlog:aot=off -Xlog:cds=off --enable-native-access=ALL-UNNAMED \
  -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining \
  -cp "$jar" io.stagewatch.cli.Main run -c config/stagewatch.yaml -t smoke --no-notify \
  --report-dir "$work/reports") \
  > "$work/training.log" 2>&1 || true
if [ -n "${STARTUP_CACHE_LOG:-}" ]; then cp "$work/training.log" "$STARTUP_CACHE_LOG"; fi
if [ ! -s "$cache" ]; then
  echo "startup-cache: the training run made no cache:" >&2
  cat "$work/training.log" >&2
  exit 1
fi
echo "$jdk_build" > "$cache.jdk"
