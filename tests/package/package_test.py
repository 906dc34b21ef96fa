#!/usr/bin/env python3
"""The Debian packages (cmake/Packaging.cmake), built from this build folder with CPack:
their file lists, control fields and maintainer scripts, and the server unpacked into an
install-like root, which must find its content there, answer /healthz, and stop cleanly on
SIGTERM; unpacked without the content package, it must say where it looked.

usage: package_test.py BUILD_DIR SOURCE_DIR
"""
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

BUILD, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


work = tempfile.mkdtemp(prefix="accord-package-test-")
started = time.monotonic()
run("cpack", "-G", "DEB", "-B", work, "--config", os.path.join(BUILD, "CPackConfig.cmake"),
    cwd=BUILD)
print(f"cpack: {time.monotonic() - started:.1f} s")
debs = {}
for name in os.listdir(work):
    m = re.match(r"(cyber-accord(?:-server|-data)?)_([^_]+)_([^_.]+)\.deb$", name)
    if m:
        debs[m.group(1)] = os.path.join(work, name)
check(sorted(debs) == ["cyber-accord", "cyber-accord-data", "cyber-accord-server"],
      f"three packages: {sorted(debs)}")


def files(package):
    listing = run("dpkg-deb", "-c", debs[package])
    return {line.split()[-1].lstrip(".") for line in listing.splitlines()
            if not line.startswith("d")}


def field(package, name):
    return run("dpkg-deb", "-f", debs[package], name).strip()


server = files("cyber-accord-server")
for path in ["/usr/bin/accord-server", "/usr/bin/accord-content", "/usr/bin/accord-score",
             "/usr/bin/accord-report", "/usr/bin/accord-bot",
             "/lib/systemd/system/cyber-accord-server.service",
             "/etc/cyber-accord/server.conf", "/usr/share/doc/cyber-accord-server/copyright",
             "/usr/share/doc/cyber-accord-server/changelog.gz",
             "/usr/share/doc/cyber-accord-server/hosting.md"]:
    check(path in server, f"cyber-accord-server holds {path}")
if subprocess.run(["sh", "-c", "command -v help2man"], capture_output=True).returncode == 0:
    check("/usr/share/man/man1/accord-server.1.gz" in server, "accord-server has a manual page")
depends = field("cyber-accord-server", "Depends")
for lib in ["cyber-accord-data (= ", "libenet7", "libsodium23", "libsqlite3-0", "libcpp-httplib"]:
    check(lib in depends, f"cyber-accord-server depends on {lib.strip(' (=')}")
print(f"      Depends: {depends}")
check(field("cyber-accord-data", "Architecture") == "all", "cyber-accord-data is for all")

control = tempfile.mkdtemp(dir=work)
run("dpkg-deb", "-e", debs["cyber-accord-server"], control)
check(open(os.path.join(control, "conffiles")).read().split() == ["/etc/cyber-accord/server.conf"],
      "the configuration is a conffile (kept across upgrades)")
for script in ["postinst", "prerm", "postrm"]:
    path = os.path.join(control, script)
    check(os.access(path, os.X_OK), f"{script} is there and executable")

unit = open(os.path.join(SOURCE, "tools/package/cyber-accord-server.service")).read()
for line in ["DynamicUser=yes", "StateDirectory=cyber-accord", "Restart=on-failure",
             "ProtectSystem=strict", "NoNewPrivileges=yes",
             "ExecStart=/usr/bin/accord-server --config /etc/cyber-accord/server.conf"]:
    check(line in unit, f"the unit says {line}")

assets = set()
for root, _, names in os.walk(os.path.join(SOURCE, "assets")):
    for n in names:
        rel = os.path.relpath(os.path.join(root, n), os.path.join(SOURCE, "assets"))
        assets.add("/usr/share/cyber-accord/" + rel)
data = files("cyber-accord-data")
check(assets <= data, f"cyber-accord-data holds all {len(assets)} asset files "
      f"(missing: {sorted(assets - data)[:3]})")

client = files("cyber-accord")
for path in ["/usr/games/accord", "/usr/share/applications/cyber-accord.desktop",
             "/usr/share/icons/hicolor/scalable/apps/cyber-accord.svg"]:
    check(path in client, f"cyber-accord holds {path}")
client_depends = field("cyber-accord", "Depends")
for lib in ["cyber-accord-data (= ", "libsdl2", "fonts-dejavu-core"]:
    check(lib in client_depends, f"cyber-accord depends on {lib.strip(' (=')}")


def start_server(root, data, *extra):
    """Starts root/usr/bin/accord-server; returns the process and a queue of its output lines.
    Flags win over the configuration file, so the test's ports are its own."""
    proc = subprocess.Popen(
        [os.path.join(root, "usr/bin/accord-server"), *extra, "--data", data, "--port", "0",
         "--no-discovery", "--admin-port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stdout] + [lines.put(None)],
                     daemon=True).start()
    return proc, lines


def wait_for(lines, pattern, seconds=20):
    """The first output line matching `pattern` within the deadline, and all lines read."""
    seen, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line.rstrip())
        m = re.search(pattern, line)
        if m:
            return m, seen
    return None, seen


# Installed layout: the server and the content unpacked into one root.
root = tempfile.mkdtemp(dir=work)
run("dpkg-deb", "-x", debs["cyber-accord-server"], root)
run("dpkg-deb", "-x", debs["cyber-accord-data"], root)
# With the packaged configuration file: every key in it must be one the server knows.
proc, lines = start_server(root, os.path.join(work, "data"),
                           "--config", os.path.join(root, "etc/cyber-accord/server.conf"))
found, seen = wait_for(lines, r"content: (\S+)")
check(found is not None and os.path.realpath(found.group(1)) ==
      os.path.realpath(os.path.join(root, "usr/share/cyber-accord")),
      f"the unpacked server finds its content beside itself: {seen[-3:]}")
admin, seen = wait_for(lines, r"admin endpoint: http://127\.0\.0\.1:(\d+)/")
listening, _ = wait_for(lines, r"listening on port")
if admin and listening:
    with urllib.request.urlopen(f"http://127.0.0.1:{admin.group(1)}/healthz", timeout=5) as r:
        check(r.status == 200 and r.read() == b"ok\n", "/healthz answers ok")
else:
    check(False, f"the unpacked server starts: {seen[-3:]}")
proc.send_signal(signal.SIGTERM)
try:
    check(proc.wait(timeout=20) == 0, "SIGTERM stops it cleanly (exit 0)")
except subprocess.TimeoutExpired:
    proc.kill()
    check(False, "SIGTERM stops it within 20 s")

# Without the content package: a clear error naming where it looked.
bare = tempfile.mkdtemp(dir=work)
run("dpkg-deb", "-x", debs["cyber-accord-server"], bare)
proc, lines = start_server(bare, os.path.join(work, "data2"))
said, seen = wait_for(lines, r"cannot find the game's content: looked in (.*);")
try:
    code = proc.wait(timeout=20)
except subprocess.TimeoutExpired:
    proc.kill()
    code = None
check(code == 2, f"without content it exits with 2 (got {code})")
check(said is not None and os.path.join(bare, "usr/share/cyber-accord") in said.group(1),
      f"and says where it looked: {seen[-2:]}")

subprocess.run(["rm", "-rf", work])
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all package checks passed")
