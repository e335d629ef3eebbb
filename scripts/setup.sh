#!/bin/sh
# Installs the Debian 12 packages kensa needs to build and test.
# Idempotent: only packages that are missing are installed, and apt-get runs
# only when something is missing. Needs root (or sudo) for the install step.
#
#   scripts/setup.sh         install what is missing
#   scripts/setup.sh --wait  wait for a test-tool install still running
#
# What the build needs is installed before this script returns. What only
# the tests use (toolchains that build real Go and Rust binaries, archivers,
# rpm, Java libraries, the JSON Schema test suite, clang-format) is, when
# running as root, installed in the background while the build compiles:
# on a fresh machine that download takes minutes. The test binary's build
# step runs `setup.sh --wait`, so no test starts before those tools are in
# place. State and log: .setup/ in the checkout.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
state="$here/.setup"

build_packages="
build-essential
cmake
ninja-build
pkg-config
git
ca-certificates
ccache
nlohmann-json3-dev
libcli11-dev
libspdlog-dev
libfmt-dev
libarchive-dev
catch2
libssl-dev
libxml2-dev
libpugixml-dev
libmimalloc-dev
libre2-dev
libyaml-dev
libtomlplusplus-dev
libsqlite3-dev
zlib1g-dev
liblzma-dev
libbenchmark-dev
clang-14
libclang-rt-14-dev
"

test_packages="
clang-format
libxml2-utils
json-schema-test-suite
python3-jsonschema
python3-yaml
python3-rfc3987
zip
unzip
bzip2
xz-utils
zstd
lz4
7zip
genisoimage
rpm
time
golang-go
cargo
libcdi-api-java
libcommons-cli-java
libcommons-io-java
libcommons-lang3-java
libhamcrest-java
libjackson2-core-java
libjansi-java
libjsr305-java
libslf4j-java
"

# Waits for a background install started by an earlier run; fails with its
# log when it failed.
wait_for_test_tools() {
  [ -f "$state/test-tools.pid" ] || return 0
  while [ ! -f "$state/test-tools.status" ]; do
    if ! kill -0 "$(cat "$state/test-tools.pid")" 2>/dev/null; then
      [ -f "$state/test-tools.status" ] && break
      echo "setup: the background install of test tools stopped without a status" >&2
      tail -n 20 "$state/test-tools.log" >&2 || true
      return 1
    fi
    sleep 2
  done
  status=$(cat "$state/test-tools.status")
  if [ "$status" != 0 ]; then
    echo "setup: installing the test tools failed (exit $status); log: $state/test-tools.log" >&2
    tail -n 20 "$state/test-tools.log" >&2 || true
    return 1
  fi
  rm -f "$state/test-tools.pid"
  echo "setup: test tools installed"
}

missing_of() {
  missing=""
  for package in $1; do
    status=$(dpkg-query -W -f '${Status}' "$package" 2>/dev/null || true)
    case "$status" in
      *"install ok installed"*) ;;
      *) missing="$missing $package" ;;
    esac
  done
  echo "$missing"
}

if [ "${1:-}" = "--wait" ]; then
  wait_for_test_tools
  exit $?
fi
if [ $# -gt 0 ]; then
  echo "usage: $0 [--wait]" >&2
  exit 2
fi

# An install still running from an earlier call finishes first: apt allows
# one at a time.
wait_for_test_tools

missing_build=$(missing_of "$build_packages")
missing_test=$(missing_of "$test_packages")
if [ -z "$missing_build" ] && [ -z "$missing_test" ]; then
  echo "setup: all packages present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q

if [ -n "$missing_build" ]; then
  echo "setup: installing$missing_build"
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  $sudo apt-get install -y -q --no-install-recommends $missing_build
fi

if [ -z "$missing_test" ]; then
  exit 0
fi
if [ -n "$sudo" ]; then
  # sudo may ask for a password: no background then.
  echo "setup: installing$missing_test"
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing_test
  exit 0
fi

echo "setup: installing$missing_test in the background (log: .setup/test-tools.log)"
mkdir -p "$state"
rm -f "$state/test-tools.status"
# shellcheck disable=SC2086
nohup sh -c 'apt-get install -y -q --no-install-recommends "$@" >"$0/test-tools.log" 2>&1
             echo $? >"$0/test-tools.status"' "$state" $missing_test >/dev/null 2>&1 &
echo $! >"$state/test-tools.pid"
