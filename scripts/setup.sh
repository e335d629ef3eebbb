#!/bin/sh
# Installs the Debian 12 packages kensa needs to build and test.
# Idempotent: only packages that are missing are installed, and apt-get runs
# only when something is missing. Needs root (or sudo) for the install step.
set -eu

packages="
build-essential
cmake
ninja-build
pkg-config
git
ca-certificates
clang-format
ccache
nlohmann-json3-dev
libcli11-dev
libspdlog-dev
libfmt-dev
libarchive-dev
catch2
libssl-dev
libxml2-dev
libxml2-utils
libre2-dev
libyaml-cpp-dev
libtomlplusplus-dev
libsqlite3-dev
zlib1g-dev
libbenchmark-dev
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
libcommons-io-java
libcommons-lang3-java
libhamcrest-java
libjackson2-core-java
libjsr305-java
libslf4j-java
"

missing=""
for package in $packages; do
  status=$(dpkg-query -W -f '${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $package" ;;
  esac
done

if [ -z "$missing" ]; then
  echo "setup: all packages present"
  exit 0
fi

echo "setup: installing$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086 # word splitting of the package list is intended
$sudo apt-get install -y -q --no-install-recommends $missing
