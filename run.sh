#!/usr/bin/env bash
# Cyber Accord: the one entry point. Installs what is missing, builds, and runs.
#   ./run.sh play [flags]        build and open the game (flags: accord --help, e.g. --solo)
#   ./run.sh test [--sanitize]   build and run the whole test suite (CTest)
#   ./run.sh bench               build and run the benchmark programs
#   ./run.sh format              reformat the sources with clang-format
#   ./run.sh server [flags]      build and start accord-server (flags: accord-server --help)
#   ./run.sh package             build the Debian packages into dist/ (docs/hosting.md)
#   ./run.sh deps                only install the missing Debian packages
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# Debian (bookworm) packages the build and the tests need.
PACKAGES=(
  cmake ninja-build g++ pkg-config
  nlohmann-json3-dev libxxhash-dev libcli11-dev catch2 libbenchmark-dev
  libenet-dev libsodium-dev libspdlog-dev libsqlite3-dev
  libsdl2-dev libimgui-dev libstb-dev fonts-dejavu-core libcpp-httplib-dev libstemmer-dev
)
# Only the tests need these: Chromium prints the generated HTML documents (role cards) to PDF;
# the Python outside client checks docs/protocol.md against the server (tests/net).
# dpkg-dev, file (CPack finds the programs with it) and help2man build the Debian packages
# whose contents a test checks.
TEST_PACKAGES=(chromium python3-enet python3-nacl python3-msgpack dpkg-dev file help2man)
PACKAGE_PACKAGES=(dpkg-dev help2man file)

log() { printf '\033[1m[run.sh]\033[0m %s\n' "$*"; }
die() { printf '[run.sh] error: %s\n' "$*" >&2; exit 2; }

install_missing_packages() {
  local missing=()
  for pkg in "${PACKAGES[@]}" "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  log "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]} yourself"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

jobs() { nproc 2>/dev/null || echo 2; }

# configure BUILD_DIR [cmake args...]: first time with the generator, later only the args.
configure() {
  local dir=$1; shift
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$dir" "${generator[@]}" "$@"
  else
    cmake -S "$ROOT" -B "$dir" "$@" >/dev/null
  fi
}

# configure_and_build BUILD_DIR [cmake args...]
configure_and_build() {
  configure "$@"
  cmake --build "$1" -j "$(jobs)"
}

cmd_test() {
  # The test build is its own: -O1 compiles about a fifth faster than -O2 and the suite runs
  # as fast, and without debug information (Catch2 names the failing line itself; the
  # sanitizer build keeps line tables for its reports). The game (play, server) and the
  # benchmarks are built at -O2 in their own folders.
  local dir="$ROOT/build"
  local args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -DNDEBUG")
  if [ "${1:-}" = "--sanitize" ]; then
    dir="$ROOT/build-asan"
    # -O1 keeps sanitizer reports exact enough and runs the property tests several times faster.
    args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" -DACCORD_SANITIZE=ON
      -DACCORD_BENCHMARKS=OFF)
  elif [ -n "${1:-}" ]; then
    die "unknown option for test: $1 (expected --sanitize)"
  fi
  # The browser's printing tests (label chromium) run once, in the plain build: under the
  # sanitizers they would check the same HTML again in an uninstrumented browser.
  local skip="slow"
  # The package test strips and packs the same programs: once, in the plain build.
  [ "$dir" = "$ROOT/build-asan" ] && skip="slow|chromium|package"
  install_missing_packages "${TEST_PACKAGES[@]}"
  configure_and_build "$dir" "${args[@]}"
  log "running the test suite in $dir"
  ctest --test-dir "$dir" --output-on-failure -j "$(jobs)" -LE "$skip"
}

cmd_bench() {
  install_missing_packages
  configure_and_build "$ROOT/build-bench" -DCMAKE_BUILD_TYPE=RelWithDebInfo
  for b in "$ROOT"/build-bench/bench/*_bench; do
    log "running $(basename "$b")"
    "$b" "$@"
  done
}

cmd_package() {
  install_missing_packages "${PACKAGE_PACKAGES[@]}"
  local dir="$ROOT/build-package"
  # Debian's hardening flags (stack protector, fortify, relro, bind-now, PIE), as its own
  # packages are built; a newer compiler's warnings do not stop a package build.
  export DEB_BUILD_MAINT_OPTIONS=hardening=+all
  local cxxflags ldflags
  # Build type None, as Debian's CMake packages: the flags are dpkg-buildflags' (-O2 -g).
  cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS) -DNDEBUG"
  ldflags=$(dpkg-buildflags --get LDFLAGS)
  configure_and_build "$dir" -DCMAKE_BUILD_TYPE=None -DACCORD_BENCHMARKS=OFF -DACCORD_TESTS=OFF \
    -DACCORD_WERROR=OFF "-DCMAKE_CXX_FLAGS=$cxxflags" "-DCMAKE_EXE_LINKER_FLAGS=$ldflags"
  rm -rf "$ROOT/dist" && mkdir -p "$ROOT/dist"
  (cd "$dir" && cpack -B "$ROOT/dist" >/dev/null)
  rm -rf "$ROOT/dist/_CPack_Packages"
  log "packages in dist/:"
  ls -l "$ROOT"/dist/*.deb
  if command -v lintian >/dev/null; then
    log "lintian (errors and warnings):"
    lintian --tag-display-limit 0 "$ROOT"/dist/*.deb || true
  else
    log "lintian is not installed: apt-get install lintian to check the packages"
  fi
}

cmd_format() {
  git ls-files '*.cpp' '*.hpp' | xargs clang-format -i
}

cmd_server() {
  install_missing_packages
  configure "$ROOT/build-client" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_BENCHMARKS=OFF
  cmake --build "$ROOT/build-client" --target accord-server -j "$(jobs)"
  local port=7878 prev=""
  for arg in "$@"; do
    [ "$prev" = "--port" ] && port=$arg
    case "$arg" in --port=*) port=${arg#--port=} ;; esac
    prev=$arg
  done
  local ip
  ip=$(hostname -I 2>/dev/null | awk '{print $1}')
  log "Cyber Accord server on UDP port $port"
  log "  this machine's address: ${ip:-unknown (see your network settings)}"
  log "  teacher: Play online > Host a room, untick \"Run the server on this computer\", server"
  log "           ${ip:-<this address>}:$port, a scenario and a facilitator password: the room"
  log "           gets a 6-character join code"
  log "  students: Play online > Join a room (\"Find servers on this network\", or type"
  log "           ${ip:-<this address>}:$port), then the code and their name; or from a terminal:"
  log "           accord --server ${ip:-<this address>}:$port --join CODE --name NAME"
  log "  data: rooms are kept in ./accord-data (--data DIR); a restart resumes them"
  log "  firewall: allow UDP $port (game) and UDP 7879 (LAN discovery); docs/hosting.md"
  log "  stop with Ctrl-C"
  exec "$ROOT/build-client/server/accord-server" "$@"
}

cmd_play() {
  install_missing_packages
  configure "$ROOT/build-client" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_BENCHMARKS=OFF
  cmake --build "$ROOT/build-client" --target accord -j "$(jobs)"
  log "starting Cyber Accord (solo play is on the home screen; accord --help for options)"
  exec "$ROOT/build-client/client/accord" "$@"
}

case "${1:-}" in
  play) shift; cmd_play "$@" ;;
  server) shift; cmd_server "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  package) cmd_package ;;
  format) cmd_format ;;
  deps) install_missing_packages ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
