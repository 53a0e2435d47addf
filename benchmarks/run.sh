#!/usr/bin/env bash
# Measures the server over loopback with wrk and prints Markdown tables (see BENCHMARKS.md).
#
#   benchmarks/run.sh                          # full run, about 15 minutes
#   WARMUP=10 DURATION=5 benchmarks/run.sh     # quick smoke run (figures not representative)
#   SECTIONS="input cold" benchmarks/run.sh    # only some sections: input pg other big cold
#
# Every server runs as its own process and is warmed up under load before it is measured, because
# the JIT needs 40-60 s of load on 2 cores to reach its peak. Rate limits are raised out of the way
# (the vendor's 60 requests/s per resource would cap every figure at 60). PostgreSQL comes from
# Debian's package (installed when missing) and runs in a temporary cluster.
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-45}           # seconds of load before measuring each server
DURATION=${DURATION:-20}       # seconds per measurement
HEAP=${HEAP:--Xmx512m}         # heap of the servers under throughput load
BIG_HEAP=${BIG_HEAP:--Xmx256m} # heap for the 9 MB input test
TASKS=${TASKS:-32}             # tasks the input merges are spread over (one per connection)
SECTIONS=${SECTIONS:-input pg other big cold}
TOKEN=apify_api_benchBenchBenchBenchBenchBench01
SPAAZA_TOKEN="benchtoken0000000001:benchsecret"
PORT=18181
PG_PORT=18432
WORK=$(mktemp -d)
chmod 755 "$WORK" # the PostgreSQL cluster runs as the postgres user
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done
  [[ -n ${PG_BIN:-} && -d $WORK/pg ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "installing $2 (Debian package)" >&2; (apt-get update -qq && apt-get install -y -qq "$2") >/dev/null; }; }
need wrk wrk
need jstat openjdk-17-jdk-headless

echo "building..." >&2
mvn -B -q -DskipTests package >&2
SERVER_JAR=server-jaxrs/target/standin-server.jar
CEILING_JAR=benchmarks/target/ceiling-server.jar

# --- servers --------------------------------------------------------------------------------

wait_for() { # url -> waits until it answers 2xx with the token
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1" || true)
    [[ $code == 2* ]] && return 0
    sleep 0.05
  done
  echo "server at $1 did not come up" >&2; return 1
}

start_full() { # heap data-dir port [more server options...]
  local heap=$1 dir=$2 port=$3; shift 3
  java $heap -jar "$SERVER_JAR" --port "$port" --spaaza-port $((port + 1000)) --data-dir "$dir" \
    --user "bench:$TOKEN" --spaaza-token "1:$SPAAZA_TOKEN" \
    --rate-limit-per-resource 1000000000 --rate-limit-per-user 1000000000 "$@" \
    >"$WORK/server-$port.log" 2>&1 &
  PIDS+=($!); SERVER_PID=$!
  wait_for "http://127.0.0.1:$port/v2/actor-tasks"
}

start_ceiling() {
  java $HEAP -jar "$CEILING_JAR" $PORT >"$WORK/ceiling.log" 2>&1 &
  PIDS+=($!); SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -s -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{}' \
      "http://127.0.0.1:$PORT/v2/actor-tasks/x/input" && return 0
    sleep 0.05
  done
}

stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

start_postgres() { # a throw-away cluster; prints nothing
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [[ -z $PG_BIN ]]; then
    echo "installing postgresql (Debian package)" >&2
    (apt-get update -qq && apt-get install -y -qq postgresql) >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/log" \
    -o "-p $PG_PORT -k /tmp -c max_connections=100" start >/dev/null
  runuser -u postgres -- psql -h /tmp -p $PG_PORT -U postgres -qc 'CREATE DATABASE standin' >/dev/null
}
PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/standin"

# --- requests -------------------------------------------------------------------------------

api() { # base method path [json]
  curl -s -X "$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${4:+-d "$4"} "$1$3"
}
json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

make_tasks() { # base count -> that many new task IDs, one per line
  api "$1" POST /v2/acts '{"name":"bench-actor","versions":[{"versionNumber":"0.0","sourceType":"GIT_REPO","gitRepoUrl":"https://example.com/a.git"}]}' >/dev/null
  for i in $(seq 1 "$2"); do
    api "$1" POST /v2/actor-tasks "{\"actId\":\"~bench-actor\",\"name\":\"bench-task-$i\"}" |
      json_field 'd["data"]["id"]'
  done
}

make_tagged_actor() { # base -> "actorId buildId" (an Actor with a version and one build)
  local actor build
  actor=$(api "$1" POST /v2/actors '{"name":"tag-actor","versions":[{"versionNumber":"0.1","sourceType":"GIT_REPO","gitRepoUrl":"https://example.com/a.git"}]}' | json_field 'd["data"]["id"]')
  build=$(api "$1" POST "/v2/actors/$actor/builds?version=0.1" | json_field 'd["data"]["id"]')
  echo "$actor $build"
}

make_spaaza_task() { # spaaza-base -> id
  # The Spaaza API starts listening after the Apify API; wait for it.
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "$1/openapi.yaml" && break
    sleep 0.05
  done
  curl -s -X POST -H "Authorization: Bearer $SPAAZA_TOKEN" -H 'Content-Type: application/json' \
    -d '{"chain":1,"desc":"bench","target":{"action":"export","export_index":"users","export_format":"csv"},"trigger":{"once":"2099-01-01T00:00:00Z"}}' \
    "$1/tasks" | json_field 'd["id"]'
}

lua_put() { # file auth body [path...] -> a wrk script sending PUT with that body (round-robin over the paths)
  local file=$1 auth=$2 body=$3; shift 3
  cat >"$file" <<LUA
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "$auth"
wrk.body = [[$body]]
LUA
  if (($# > 0)); then
    {
      printf 'local paths = {'
      printf '"%s",' "$@"
      printf '}\nlocal n = 0\n'
      printf 'request = function()\n  n = n + 1\n  return wrk.format(nil, paths[(n %% #paths) + 1])\nend\n'
    } >>"$file"
  fi
}

input_paths() { # task IDs on stdin -> their input paths
  while read -r id; do printf '/v2/actor-tasks/%s/input\n' "$id"; done
}

# A ~300-byte top-level merge; the same keys every time, so the input does not grow. Each row spreads
# it over $TASKS tasks: writers of one task queue up by design (no lost fields), so a single hot
# task would measure that queue rather than the server.
MERGE='{"startUrls":[{"url":"https://example.com/a"},{"url":"https://example.com/b"}],"maxRequestsPerCrawl":100,"maxConcurrency":10,"proxyConfiguration":{"useApifyProxy":true,"apifyProxyGroups":["RESIDENTIAL"]},"pageFunction":"async function pageFunction(context) { return context.request.url; }","debugLog":false,"ignoreSslErrors":false,"label":"bench"}'

# --- measuring ------------------------------------------------------------------------------

wrk_run() { # script url connections seconds -> "rps p50 p99 non2xx"
  wrk -t "$(($3 < 2 ? 1 : 2))" -c "$3" -d "${4}s" --latency -s "$1" "$2" >"$WORK/wrk.txt"
  awk '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {bad=$4}
       END {printf "%s %s %s %s\n", rps, p50, p99, (bad == "" ? 0 : bad)}' "$WORK/wrk.txt"
}

row() { # key label script url connections...
  local key=$1 label=$2 script=$3 url=$4; shift 4
  echo "warming up $label for ${WARMUP}s..." >&2
  wrk_run "$script" "$url" 32 "$WARMUP" >/dev/null
  for c in "$@"; do
    read -r rps p50 p99 bad < <(wrk_run "$script" "$url" "$c" "$DURATION")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$c" "$rps" "$p50" "$p99" "$bad"
    echo "$key $c $rps" >>"$WORK/rps.txt"
  done
}

ratio() { # key-a key-b connections
  python3 - "$WORK/rps.txt" "$1" "$2" "$3" <<'PY'
import sys
rows = {(k, c): float(r) for k, c, r in (l.split() for l in open(sys.argv[1]))}
a, b, c = sys.argv[2], sys.argv[3], sys.argv[4]
print(f"{rows[(a, c)] / rows[(b, c)]:.2f}" if (a, c) in rows and (b, c) in rows else "n/a")
PY
}

echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo "Warm-up ${WARMUP}s at 32 connections, then ${DURATION}s per row. Server heap $HEAP. Merges spread over $TASKS tasks."
echo
B=http://127.0.0.1:$PORT
section() { [[ " $SECTIONS " == *" $1 "* ]]; }

if section input || section pg; then
  echo "## PUT task input (~300-byte merge)"
  echo
  echo "| server | connections | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|---|"
fi

if section input; then
  start_full "$HEAP" "$WORK/data-embedded" $PORT
  mapfile -t PATHS < <(make_tasks $B "$TASKS" | input_paths)
  lua_put "$WORK/merge.lua" "Bearer $TOKEN" "$MERGE" "${PATHS[@]}"
  row embedded "full server, embedded store" "$WORK/merge.lua" "$B${PATHS[0]}" 1 32
  stop_pid $SERVER_PID

  start_ceiling
  row ceiling "ceiling: bare Jersey, in-memory map" "$WORK/merge.lua" "$B${PATHS[0]}" 1 32
  stop_pid $SERVER_PID
fi

if section pg; then
  start_postgres
  start_full "$HEAP" "$WORK/data-pg" $PORT --database-url "$PG_URL" --database-user postgres
  mapfile -t PG_PATHS < <(make_tasks $B "$TASKS" | input_paths)
  lua_put "$WORK/pg.lua" "Bearer $TOKEN" "$MERGE" "${PG_PATHS[@]}"
  row postgres "full server, PostgreSQL" "$WORK/pg.lua" "$B${PG_PATHS[0]}" 1 32
  FIRST=$SERVER_PID
  start_full "$HEAP" "$WORK/data-pg2" $((PORT + 1)) --database-url "$PG_URL" --database-user postgres
  SECOND=$SERVER_PID
  # Each instance serves its own half of the tasks, as two test suites sharing a database would.
  half=$((TASKS / 2))
  lua_put "$WORK/pg-a.lua" "Bearer $TOKEN" "$MERGE" "${PG_PATHS[@]:0:half}"
  lua_put "$WORK/pg-b.lua" "Bearer $TOKEN" "$MERGE" "${PG_PATHS[@]:half}"
  B2=http://127.0.0.1:$((PORT + 1))
  echo "warming up the second instance for ${WARMUP}s..." >&2
  wrk_run "$WORK/pg-b.lua" "$B2${PG_PATHS[0]}" 32 "$WARMUP" >/dev/null
  wrk_run "$WORK/pg-a.lua" "$B${PG_PATHS[0]}" 16 "$DURATION" >"$WORK/two-a.txt" &
  A=$!
  wrk_run "$WORK/pg-b.lua" "$B2${PG_PATHS[0]}" 16 "$DURATION" >"$WORK/two-b.txt"
  wait $A
  read -r ra _ _ bada <"$WORK/two-a.txt"; read -r rb _ _ badb <"$WORK/two-b.txt"
  TWO=$(python3 -c "print(f'{$ra + $rb:.2f}')")
  printf '| two instances, one PostgreSQL (16 + 16) | 32 | %s | | | %s |\n' "$TWO" "$((bada + badb))"
  echo "two 32 $TWO" >>"$WORK/rps.txt"
  stop_pid $SECOND; stop_pid $FIRST
fi

if section input || section pg; then
  echo
  echo "Full server (embedded) ÷ ceiling at 32 connections: $(ratio embedded ceiling 32); at 1: $(ratio embedded ceiling 1)."
  echo "PostgreSQL ÷ embedded at 32 connections: $(ratio postgres embedded 32). Two instances ÷ one (PostgreSQL): $(ratio two postgres 32)."
  echo
fi

if section other; then
  echo "## Other writes (embedded store, full server)"
  echo
  echo "| request | connections | requests/s | p50 | p99 | non-2xx |"
  echo "|---|---|---|---|---|---|"
  start_full "$HEAP" "$WORK/data-other" $PORT
  read -r ACTOR BUILD < <(make_tagged_actor $B)
  lua_put "$WORK/tag.lua" "Bearer $TOKEN" "{\"taggedBuilds\":{\"beta\":{\"buildId\":\"$BUILD\"},\"old\":null}}"
  SPAAZA_TASK=$(make_spaaza_task http://127.0.0.1:$((PORT + 1000)))
  lua_put "$WORK/spaaza.lua" "Bearer $SPAAZA_TOKEN" '{"desc":"Nightly wallet ledger export","target":{"action":"export","export_index":"wallet-ledger","export_format":"json"}}'
  row actor "PUT Actor, taggedBuilds patch" "$WORK/tag.lua" "$B/v2/actors/$ACTOR" 1 32
  row spaaza "PUT Spaaza task" "$WORK/spaaza.lua" "http://127.0.0.1:$((PORT + 1000))/tasks/$SPAAZA_TASK" 1 32
  stop_pid $SERVER_PID
  echo
fi

if section big; then
  echo "## PUT of a 9 MB input ($BIG_HEAP)"
  echo
  python3 - "$WORK/big.json" <<'PY'
import json, sys
body = {f"key-{i:05d}": "v" * 220 for i in range(38000)}
open(sys.argv[1], "w").write(json.dumps(body))
PY
  start_full "$BIG_HEAP" "$WORK/data-big" $PORT
  TASK=$(make_tasks $B 1)
  jstat -gc "$SERVER_PID" 100 >"$WORK/jstat.txt" 2>/dev/null &
  JSTAT=$!; PIDS+=($JSTAT)
  # The first PUTs run while the JIT is still compiling the JSON code: report the first alone,
  # count the next four as warm-up and report the five after them as warm.
  times=()
  for i in $(seq 1 10); do
    times+=("$(curl -s -o /dev/null -w '%{http_code}:%{time_total}s' -X PUT -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' --data-binary @"$WORK/big.json" "$B/v2/actor-tasks/$TASK/input")")
  done
  stop_pid $JSTAT
  healthy=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$B/v2/actor-tasks")
  peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {used=$3+$4+$6+$8; if (used>max) max=used} END {printf "%.0f", max/1024}' "$WORK/jstat.txt")
  echo "| body | first PUT | warm-up PUTs 2-5 | warm PUTs 6-10 | peak heap used | GET after |"
  echo "|---|---|---|---|---|---|"
  echo "| $(stat -c %s "$WORK/big.json") bytes | ${times[0]} | ${times[*]:1:4} | ${times[*]:5} | ${peak} MB | $healthy |"
  stop_pid $SERVER_PID
  echo
fi

if section cold; then
  echo "## Cold start to the first 200"
  echo
  # From launching the JVM to the first 2xx of an authenticated GET on a fresh data directory, three
  # times each, interleaved: the README's plain command, then the same with the AppCDS archive the
  # build trains (docs/adr/0020-cold-start-with-appcds.md).
  # A port picked now, so that no other server on the machine can answer in this one's place.
  CDS_ARCHIVE=server-dist/target/standin-server.jsa
  COLD_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  declare -A cold=([plain]="" [appcds]="")
  for i in 1 2 3; do
    for variant in plain appcds; do
      flags=$HEAP
      [[ $variant == appcds ]] && flags="$HEAP -XX:SharedArchiveFile=$CDS_ARCHIVE"
      t0=$(date +%s%N)
      start_full "$flags" "$WORK/data-cold-$variant-$i" "$COLD_PORT"
      t1=$(date +%s%N)
      kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited; see $WORK/server-$COLD_PORT.log" >&2; exit 1; }
      cold[$variant]+=" $(((t1 - t0) / 1000000))"
      stop_pid $SERVER_PID
    done
  done
  echo "| command | runs (ms) | median |"
  echo "|---|---|---|"
  for variant in plain appcds; do
    label='`java -jar standin-server.jar`'
    [[ $variant == appcds ]] && label='`java -XX:SharedArchiveFile=standin-server.jsa -jar standin-server.jar`'
    # shellcheck disable=SC2086
    echo "| $label |${cold[$variant]} | $(printf '%s\n' ${cold[$variant]} | sort -n | sed -n 2p) ms |"
  done
  echo
  echo "Load average after the cold starts: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
