#!/usr/bin/env bash
# The packages on a bare Debian 12: in a minimal root made with debootstrap, install the server
# package with apt (which must pull every dependency), run the unit's ExecStart as an
# unprivileged user with the unit's data folder, play rooms with accord-bot, read /healthz,
# /metrics and /rooms, back up while it runs, restore into a fresh folder and resume, remove
# and purge the package; then install the client package and start it. Prints each step's time.
#
#   sudo tools/package/install-test.sh [DIST_DIR] [ROOT_CACHE]
#
# Needs root, debootstrap and the Debian mirror (network). Not in CI (minutes, and the mirror);
# `./run.sh package` makes DIST_DIR (dist/). ROOT_CACHE: a debootstrapped bookworm to copy
# instead of downloading a new one each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=$(realpath "${1:-dist}")
cache=${2:-}
[ "$(id -u)" -eq 0 ] || { echo "install-test: run as root (chroot, mount)" >&2; exit 2; }
ls "$dist"/cyber-accord-server_*.deb >/dev/null || { echo "install-test: no packages in $dist" >&2; exit 2; }

root=$(mktemp -d /tmp/accord-install-root-XXXXXX)
server_pid=""
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    echo "install-test: FAILED (status $status); the servers' last words:" >&2
    tail -n 5 "$root"/tmp/server*.log >&2 2>/dev/null || true
  fi
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  umount "$root/proc" "$root/dev/pts" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

step_started=0
step() { step_started=$(date +%s%N); printf '\n== %s\n' "$*"; }
done_step() {
  local tenths=$((($(date +%s%N) - step_started) / 100000000))
  printf '   (%d.%d s)\n' $((tenths / 10)) $((tenths % 10))
}
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin:/usr/games "$@"; }
as_service() { chroot --userspec=accord-test:accord-test "$root" /usr/bin/env -i PATH=/usr/bin:/bin "$@"; }
# In the background, with server_pid the server's own (chroot and env exec it): SIGTERM reaches it.
start_service() {
  local log=$1; shift
  chroot --userspec=accord-test:accord-test "$root" /usr/bin/env -i PATH=/usr/bin:/bin "$@" \
    >"$root/tmp/$log" 2>&1 &
  server_pid=$!
}
http() { python3 -c "import sys,urllib.request
try:
  r=urllib.request.urlopen(sys.argv[1],timeout=5); print(r.status); sys.stdout.write(r.read().decode())
except urllib.error.HTTPError as e: print(e.code); sys.stdout.write(e.read().decode())" "$1"; }
wait_healthy() {
  for _ in $(seq 1 100); do
    [ "$(http http://127.0.0.1:17880/healthz 2>/dev/null | head -1)" = 200 ] && return 0
    sleep 0.2
  done
  echo "install-test: the server did not become healthy" >&2; return 1
}

step "a bare Debian 12 root (debootstrap --variant=minbase bookworm)"
if [ -n "$cache" ] && [ -d "$cache" ]; then
  cp -a "$cache/." "$root/"
else
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
mount -t proc proc "$root/proc"
mount --bind /dev/pts "$root/dev/pts"  # apt's terminal log
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$dist"/*.deb "$root/tmp/"
done_step

step "apt-get install ./cyber-accord-server_*.deb ./cyber-accord-data_*.deb"
in_root apt-get update -qq
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/cyber-accord-server_*.deb /tmp/cyber-accord-data_*.deb' >/dev/null
in_root dpkg -s cyber-accord-server | grep -E '^(Status|Version)'
done_step

step "the unit's ExecStart as an unprivileged user, with the unit's data folder"
exec_start=$(sed -n 's/^ExecStart=//p' "$root/lib/systemd/system/cyber-accord-server.service")
echo "   ExecStart=$exec_start"
in_root useradd --system --no-create-home accord-test
mkdir -p "$root/var/lib/cyber-accord" && in_root chown accord-test: /var/lib/cyber-accord
chmod 0700 "$root/var/lib/cyber-accord"
# Test ports, so a server already on this machine's 7878/7880 is no obstacle.
# shellcheck disable=SC2086
start_service server.log $exec_start --port 17878 --admin-port 17880 --no-discovery \
  --max-peers-per-address 200
wait_healthy
grep -E "content:|data folder|admin endpoint" "$root/tmp/server.log" | sed 's/^/   /'
done_step

step "accord-bot plays 3 rooms of 5 bots (installed binary, installed content)"
as_service accord-bot --server 127.0.0.1:17878 --rooms 3 --seats 5 --duration 8 --think-ms 500 \
  --phase-seconds 2 | tail -4 | sed 's/^/   /'
done_step

step "/healthz, /metrics, /rooms"
http http://127.0.0.1:17880/healthz | sed 's/^/   /'
http http://127.0.0.1:17880/metrics | grep -E '^accord_(commands_total|rooms|connections|commit_duration_seconds_count)' | head -12 | sed 's/^/   /'
rooms_json=$(http http://127.0.0.1:17880/rooms | tail -n +2)
echo "$rooms_json" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("   rooms:", len(r), [x["phase"] for x in r]); assert len(r) >= 3'
done_step

step "accord-server backup while it serves"
as_service accord-server backup /tmp/backup.db --data /var/lib/cyber-accord | sed 's/^/   /'
done_step

step "SIGTERM, restore into a fresh folder, start there: the rooms are back"
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
mkdir -p "$root/var/lib/cyber-accord-restored" && in_root chown accord-test: /var/lib/cyber-accord-restored
as_service accord-server restore /tmp/backup.db --data /var/lib/cyber-accord-restored | sed 's/^/   /'
# shellcheck disable=SC2086
start_service server2.log ${exec_start/\/var\/lib\/cyber-accord/\/var\/lib\/cyber-accord-restored} \
  --port 17878 --admin-port 17880 --no-discovery
wait_healthy
restored=$(http http://127.0.0.1:17880/rooms | tail -n +2 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "   rooms served after the restore: $restored"
[ "$restored" -ge 3 ]
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
done_step

step "apt-get remove, then purge"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq cyber-accord-server' >/dev/null
[ ! -e "$root/usr/bin/accord-server" ] && echo "   /usr/bin/accord-server is gone"
[ -e "$root/etc/cyber-accord/server.conf" ] && echo "   the configuration is kept until purge"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq cyber-accord-server' >/dev/null
[ ! -e "$root/etc/cyber-accord/server.conf" ] && [ ! -e "$root/var/lib/cyber-accord" ] && echo "   purge removed the configuration and the data"
done_step

step "apt-get install ./cyber-accord_*.deb (the game) and start it"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /tmp/cyber-accord_*.deb /tmp/cyber-accord-data_*.deb' >/dev/null
in_root /usr/games/accord --version | sed 's/^/   /'
in_root env SDL_VIDEODRIVER=offscreen HOME=/tmp /usr/games/accord --solo --screenshot /tmp/first-frame.png >/dev/null 2>&1 \
  && [ -s "$root/tmp/first-frame.png" ] && echo "   it starts and draws a solo match (offscreen): $(stat -c %s "$root/tmp/first-frame.png") bytes"
cp "$root/tmp/first-frame.png" "$dist/installed-client-first-frame.png"
echo "   the frame: $dist/installed-client-first-frame.png"
done_step

printf '\ninstall test passed\n'
