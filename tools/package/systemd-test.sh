#!/usr/bin/env bash
# The server package under a real systemd: a Debian 12 container (systemd-nspawn) with the
# packages installed boots; the service must start enabled, under its sandbox, answer /healthz
# and /metrics, restart cleanly, come back by itself after SIGKILL (Restart=on-failure), and
# keep its data in the StateDirectory. Prints what it saw; exit status 1 if a check failed.
#
#   sudo tools/package/systemd-test.sh [DIST_DIR] [ROOT_CACHE]
#
# Needs root, debootstrap, systemd-container and the Debian mirror. Not in CI (a container boot).
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=$(realpath "${1:-dist}")
cache=${2:-}
[ "$(id -u)" -eq 0 ] || { echo "systemd-test: run as root" >&2; exit 2; }
root=$(mktemp -d /var/tmp/accord-systemd-root-XXXXXX)
trap 'umount "$root/proc" "$root/dev/pts" 2>/dev/null || true; rm -rf "$root"' EXIT

if [ -n "$cache" ] && [ -d "$cache" ]; then cp -a "$cache/." "$root/"; else
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null; fi
cp /etc/resolv.conf "$root/etc/" && cp "$dist"/*.deb "$root/tmp/"
mount -t proc proc "$root/proc" && mount --bind /dev/pts "$root/dev/pts"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin sh -c \
  'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
   --no-install-recommends systemd systemd-sysv dbus python3 \
   /tmp/cyber-accord-server_*.deb /tmp/cyber-accord-data_*.deb' >/dev/null
umount "$root/proc" "$root/dev/pts"

# Inside the container, once booted: look, restart, kill, look again, power off.
cat >"$root/root/check.sh" <<'CHECK'
#!/bin/sh
get() { python3 -c "import sys,urllib.request; r=urllib.request.urlopen('http://127.0.0.1:7880'+sys.argv[1],timeout=2); print(r.status, r.read().decode()[:300])" "$1"; }
healthy() { for _ in $(seq 1 100); do get /healthz >/root/health.txt 2>&1 && return 0; sleep 0.2; done; return 1; }
{
  echo "enabled: $(systemctl is-enabled cyber-accord-server)"
  healthy && echo "healthz at boot: $(cat /root/health.txt)"
  echo "metrics: $(python3 -c "import urllib.request; print(sum(l.startswith('accord_') for l in urllib.request.urlopen('http://127.0.0.1:7880/metrics').read().decode().splitlines()))") samples"
  systemctl restart cyber-accord-server && healthy && echo "healthz after restart: $(cat /root/health.txt)"
  pid=$(systemctl show -p MainPID --value cyber-accord-server)
  systemctl kill -s KILL cyber-accord-server
  healthy && [ "$(systemctl show -p MainPID --value cyber-accord-server)" != "$pid" ] \
    && echo "healthz after SIGKILL (Restart=on-failure): $(cat /root/health.txt)"
  echo "restarts: $(systemctl show -p NRestarts --value cyber-accord-server)"
  echo "data: $(stat -c '%A %U' /var/lib/private/cyber-accord) $(ls /var/lib/private/cyber-accord | tr '\n' ' ')"
  echo "journal: $(journalctl -u cyber-accord-server --no-pager | grep -c 'every room is saved') clean stop(s)"
  systemd-analyze security cyber-accord-server | tail -1
} >/root/report.txt 2>&1
systemctl poweroff
CHECK
chmod +x "$root/root/check.sh"
printf '[Unit]\nAfter=cyber-accord-server.service\n[Service]\nType=oneshot\nExecStart=/root/check.sh\n[Install]\nWantedBy=multi-user.target\n' \
  >"$root/etc/systemd/system/accord-check.service"
ln -sf /etc/systemd/system/accord-check.service "$root/etc/systemd/system/multi-user.target.wants/"

# nspawn removes its propagation folder with rm -rf, which it allows only on a tmpfs.
mkdir -p /run/systemd/nspawn && { mountpoint -q /run/systemd/nspawn || mount -t tmpfs tmpfs /run/systemd/nspawn; }
timeout 180 systemd-nspawn -q -D "$root" -b --private-network --register=no --keep-unit >/dev/null 2>&1 || true
cat "$root/root/report.txt"
for expect in "enabled: enabled" "healthz at boot: 200 ok" "after restart: 200 ok" "after SIGKILL" "drwx------"; do
  grep -q "$expect" "$root/root/report.txt" || { echo "systemd-test: FAILED: no '$expect'" >&2; exit 1; }
done
echo "systemd test passed"
