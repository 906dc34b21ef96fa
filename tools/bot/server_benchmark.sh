#!/bin/sh
# Reproduces the server table of docs/performance.md: accord-bot against the shipped
# accord-server (its --benchmark-* flags: memory store, no rate limits, fast password hashing),
# 10-seat rooms, paced (a command every 2 s per bot) and at saturation (--think-ms 0), each
# durable (SQLite) and in memory, with the ENet echo baseline at the same client count after
# the durable run. The load average is printed before and after each run. Figures go to
# OUT/bench-*.json; the server's own latency figures (SIGUSR1/SIGUSR2, docs/hosting.md) to
# OUT/bench-*.server.json.
#   usage: tools/bot/server_benchmark.sh [BUILD_DIR] [SECONDS] [OUT] [ROOM_COUNTS...]
#   ONLY_SATURATED=1 skips the paced runs; ONLY_PACED=1 the saturated ones.
set -eu
build=${1:-build}
seconds=${2:-12}
out=${3:-out}
shift 3 2>/dev/null || shift $#
counts=${*:-"10 100 363"}
port=17900
mkdir -p "$out"

run() {  # label store(sqlite|memory) rooms think echo
  data=$(mktemp -d)
  store_flag=""
  [ "$2" = memory ] && store_flag=--benchmark-memory-store
  "$build/server/accord-server" --port $port --data "$data" --no-discovery \
    --max-peers-per-address 4000 --max-rooms 1000 --log-level warn $store_flag \
    --benchmark-unlimited --benchmark-fast-passwords >"$out/bench-$1.server.log" 2>&1 &
  pid=$!
  sleep 1
  echo "$1: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
  "$build/tools/bot/accord-bot" --server 127.0.0.1:$port --rooms "$3" --seats 10 \
    --think-ms "$4" --duration "$seconds" --phase-seconds 8 --server-pid $pid --json $5 \
    >"$out/bench-$1.json" || echo "accord-bot reported a problem in $1 (see $out/bench-$1.json)"
  echo "$1: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
  kill $pid
  wait $pid || true
  grep '^latency figures: ' "$out/bench-$1.server.log" | tail -1 | cut -d' ' -f3- \
    >"$out/bench-$1.server.json" || true
  rm -rf "$data"
  port=$((port + 1))
}

for rooms in $counts; do
  if [ -z "${ONLY_SATURATED:-}" ]; then
    run "paced-sqlite-$rooms" sqlite "$rooms" 2000 --echo-baseline
    run "paced-memory-$rooms" memory "$rooms" 2000 ""
  fi
  if [ -z "${ONLY_PACED:-}" ]; then
    run "saturated-sqlite-$rooms" sqlite "$rooms" 0 --echo-baseline
    run "saturated-memory-$rooms" memory "$rooms" 0 ""
  fi
done
