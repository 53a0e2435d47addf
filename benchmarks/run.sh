#!/usr/bin/env bash
# Measures the server over loopback with wrk and prints a Markdown table (see BENCHMARKS.md).
#
#   benchmarks/run.sh                 # full run, about 6 minutes
#   WARMUP=10 DURATION=5 benchmarks/run.sh   # quick smoke run (figures not representative)
#
# Every server runs as its own process. Each is warmed up under load before it is measured,
# because the JIT needs 40-60 s of load on 2 cores to reach its peak.
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-45}          # seconds of load before measuring each server
DURATION=${DURATION:-20}      # seconds per measurement
HEAP=${HEAP:--Xmx512m}        # heap of the servers under throughput load
BIG_HEAP=${BIG_HEAP:--Xmx256m} # heap for the 9 MB input test
TOKEN=apify_api_benchBenchBenchBenchBenchBench01
PORT=18181
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

echo "building..." >&2
mvn -B -q -DskipTests package >&2
SERVER_JAR=server-jaxrs/target/standin-server.jar
CEILING_JAR=benchmarks/target/ceiling-server.jar
BASE=http://127.0.0.1:$PORT

wait_for() { # url [auth] -> waits until 2xx
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1" || true)
    [[ $code == 2* ]] && return 0
    sleep 0.05
  done
  echo "server at $1 did not come up" >&2; return 1
}

start_full() { # heap datadir
  java $1 -jar "$SERVER_JAR" --port $PORT --data-dir "$2" --user "bench:$TOKEN" >"$WORK/server.log" 2>&1 &
  PIDS+=($!); SERVER_PID=$!
  wait_for "$BASE/v2/actor-tasks"
}

start_ceiling() {
  java $HEAP -jar "$CEILING_JAR" $PORT >"$WORK/ceiling.log" 2>&1 &
  PIDS+=($!); SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{}' "$BASE/v2/actor-tasks/x/input" && return 0
    sleep 0.05
  done
}

stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }

api() { # method path [json]
  curl -s -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "$BASE$2"
}

make_task() { # prints the new task's id
  api POST /v2/acts '{"name":"bench-actor"}' >/dev/null
  api POST /v2/actor-tasks '{"actId":"~bench-actor","name":"bench-task"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])'
}

# A ~300-byte top-level merge; the same keys every time, so the input does not grow.
cat >"$WORK/merge.lua" <<'LUA'
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"startUrls":[{"url":"https://example.com/a"},{"url":"https://example.com/b"}],' ..
  '"maxRequestsPerCrawl":100,"maxConcurrency":10,"proxyConfiguration":{"useApifyProxy":true,' ..
  '"apifyProxyGroups":["RESIDENTIAL"]},"pageFunction":"async function pageFunction(context) ' ..
  '{ return context.request.url; }","debugLog":false,"ignoreSslErrors":false,"label":"bench"}'
LUA

measure() { # url connections seconds -> "rps p50 p99"
  TOKEN=$TOKEN wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${3}s" --latency -s "$WORK/merge.lua" "$1" >"$WORK/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")
  errors=$(awk '/Non-2xx/ {print $4}' "$WORK/wrk.txt")
  echo "$rps $p50 $p99 ${errors:-0}"
}

throughput() { # key label url -> table rows
  local key=$1 label=$2 url=$3
  echo "warming up $label for ${WARMUP}s..." >&2
  measure "$url" 32 "$WARMUP" >/dev/null
  for c in 1 32; do
    read -r rps p50 p99 errors < <(measure "$url" $c "$DURATION")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$c" "$rps" "$p50" "$p99" "$errors"
    echo "$key $c $rps" >>"$WORK/rps.txt"
  done
}

echo "## Throughput: PUT task input (~300-byte merge)"
echo
echo "| server | connections | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
start_full "$HEAP" "$WORK/data-embedded"
TASK=$(make_task)
throughput full "full server, embedded store" "$BASE/v2/actor-tasks/$TASK/input"
stop_server
start_ceiling
throughput ceiling "ceiling (bare Jersey, in-memory)" "$BASE/v2/actor-tasks/$TASK/input"
stop_server
echo
full32=$(awk '$1=="full" && $2==32 {print $3}' "$WORK/rps.txt")
ceil32=$(awk '$1=="ceiling" && $2==32 {print $3}' "$WORK/rps.txt")
echo "Ratio to the ceiling at 32 connections: $(python3 -c "print(f'{$full32/$ceil32:.2f}')")"
echo

echo "## PUT of a 9 MB input ($BIG_HEAP)"
echo
python3 - "$WORK/big.json" <<'PY'
import json, sys
body = {f"key-{i:05d}": "v" * 220 for i in range(38000)}
open(sys.argv[1], "w").write(json.dumps(body))
PY
start_full "$BIG_HEAP" "$WORK/data-big"
TASK=$(make_task)
jstat -gc "$SERVER_PID" 100 >"$WORK/jstat.txt" 2>/dev/null &
JSTAT=$!; PIDS+=($JSTAT)
times=()
for i in 1 2 3 4 5 6; do
  t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X PUT -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/big.json" "$BASE/v2/actor-tasks/$TASK/input")
  times+=("$t")
done
kill $JSTAT 2>/dev/null || true
healthy=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/v2/actor-tasks")
peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {used=$3+$4+$6+$8; if (used>max) max=used} END {printf "%.0f", max/1024}' "$WORK/jstat.txt")
echo "| body | first PUT | later PUTs (s) | peak heap used | healthy after |"
echo "|---|---|---|---|---|"
echo "| $(stat -c %s "$WORK/big.json") bytes | ${times[0]} | ${times[*]:1} | ${peak} MB | $healthy |"
stop_server
echo

echo "## Cold start to the first 200"
echo
starts=()
for i in 1 2 3; do
  t0=$(date +%s%N)
  start_full "$HEAP" "$WORK/data-cold-$i"
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  stop_server
done
echo "| runs (ms) | median |"
echo "|---|---|"
echo "| ${starts[*]} | $(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p) ms |"
