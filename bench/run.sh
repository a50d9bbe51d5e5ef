#!/usr/bin/env bash
# Whole-process timings of stagewatch beside curl, the baseline users replace, on one machine in
# one run: one check, and 100 checks at concurrency 10 against a local target answering in 100 ms.
# Prints seconds (median of RUNS) and each tool's ratio to curl. Needs a built target/stagewatch.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

python3 bench/target_server.py "$PORT" 0.1 &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done

mkdir -p "$work/config" "$work/one" "$work/many"
cat > "$work/config/one.yaml" <<YAML
environments: {bench: {baseUrl: "http://127.0.0.1:$PORT"}}
defaults: {retry: {attempts: 1}}
suites: $work/one
YAML
sed "s|$work/one|$work/many|" "$work/config/one.yaml" > "$work/config/many.yaml"
printf 'name: one\ntags: [bench]\nchecks:\n  - name: c0\n    http: {path: /c0}\n' > "$work/one/one.yaml"
{
  printf 'name: many\ntags: [bench]\nchecks:\n'
  for i in $(seq 0 99); do printf '  - name: c%d\n    http: {path: /c%d}\n' "$i" "$i"; done
} > "$work/many/many.yaml"
: > "$work/urls"
for i in $(seq 0 99); do echo "url = \"http://127.0.0.1:$PORT/c$i\"" >> "$work/urls"; echo "output = /dev/null" >> "$work/urls"; done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { # name, command...
  local name=$1; shift
  local samples=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
    samples+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${samples[@]}" | median > "$work/$name.t"
}

SW=("$JAVA" -XX:TieredStopAtLevel=1 -jar target/stagewatch.jar run -t bench --no-store --no-notify)
time_it curl_one curl -s -o /dev/null "http://127.0.0.1:$PORT/c0"
time_it sw_one "${SW[@]}" -c "$work/config/one.yaml" --report-dir "$work/r1"
time_it curl_many curl -s --parallel --parallel-max 10 -K "$work/urls"
time_it sw_many "${SW[@]}" -c "$work/config/many.yaml" --parallel 10 --report-dir "$work/r2"

printf '%-34s %8s %8s\n' "case" "seconds" "x curl"
for pair in "one check:curl_one:sw_one" "100 checks, 10 at once:curl_many:sw_many"; do
  IFS=: read -r label base ours <<< "$pair"
  b=$(cat "$work/$base.t"); o=$(cat "$work/$ours.t")
  printf '%-34s %8.3f %8s\n' "curl, $label" "$b" "1.0"
  printf '%-34s %8.3f %8.1f\n' "stagewatch, $label" "$o" "$(echo "$o / $b" | bc -l)"
done
