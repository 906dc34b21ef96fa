#!/bin/sh
# Reproduces the server table of docs/performance.md: accord-bot against accord-bench-server
# (the server's own code; SQLite or memory store; rate limits on or off), 10-seat rooms,
# paced (a command every 2 s per bot) and at saturation (--think-ms 0), each followed by the
# ENet echo baseline at the same client count. Figures go to OUT/bench-*.json.
#   usage: tools/bot/server_benchmark.sh [BUILD_DIR] [SECONDS] [OUT] [ROOM_COUNTS...]
#   ONLY_SATURATED=1 skips the paced runs.
set -eu
build=${1:-build}
seconds=${2:-12}
out=${3:-out}
shift 3 2>/dev/null || shift $#
counts=${*:-"10 100 363"}
port=17900
mkdir -p "$out"

run() {  # label store unlimited rooms think echo
  data=$(mktemp -d)
  ACCORD_BENCH_STORE=$2 ACCORD_BENCH_UNLIMITED=$3 "$build/tools/bot/accord-bench-server" \
    --port $port --data "$data" --no-discovery --max-peers-per-address 4000 --max-rooms 1000 \
    --log-level warn >"$out/bench-$1.log" 2>&1 &
  pid=$!
  sleep 1
  "$build/tools/bot/accord-bot" --server 127.0.0.1:$port --rooms "$4" --seats 10 \
    --think-ms "$5" --duration "$seconds" --phase-seconds 8 --server-pid $pid --json $6 \
    >"$out/bench-$1.json" || echo "accord-bot reported a problem in $1 (see $out/bench-$1.json)"
  kill $pid
  wait $pid || true
  rm -rf "$data"
  port=$((port + 1))
}

for rooms in $counts; do
  [ -n "${ONLY_SATURATED:-}" ] || run "paced-sqlite-$rooms" sqlite 0 "$rooms" 2000 --echo-baseline
  [ -n "${ONLY_SATURATED:-}" ] || run "paced-memory-$rooms" memory 0 "$rooms" 2000 ""
  run "saturated-sqlite-$rooms" sqlite 1 "$rooms" 0 --echo-baseline
  run "saturated-memory-$rooms" memory 1 "$rooms" 0 ""
done
