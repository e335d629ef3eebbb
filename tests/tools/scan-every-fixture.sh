#!/bin/sh
# Scans every fixture scenario (tests/fixtures/<folder>/<scenario>) with
# kensa into every SBOM format and version it writes, for the independent
# checks of check-outputs-independently.sh. Files are named
# <folder>_<scenario>.<format>-<version>.<extension>.
# Usage: scan-every-fixture.sh KENSA SOURCE_DIR WORK_DIR
set -eu
kensa=$1
source_dir=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
for scenario in "$source_dir"/tests/fixtures/*/*/; do
  folder=$(basename "$(dirname "$scenario")")
  name="${folder}_$(basename "$scenario")"
  set --
  for version in 1.4 1.5 1.6 1.7; do
    set -- "$@" -o "cyclonedx-json@$version=$work/$name.cyclonedx-json-$version.cdx.json"
    set -- "$@" -o "cyclonedx-xml@$version=$work/$name.cyclonedx-xml-$version.cdx.xml"
  done
  for version in 2.2 2.3; do
    set -- "$@" -o "spdx-json@$version=$work/$name.spdx-json-$version.spdx.json"
    set -- "$@" -o "spdx-yaml@$version=$work/$name.spdx-yaml-$version.spdx.yaml"
  done
  SOURCE_DATE_EPOCH=1700000000 "$kensa" scan "$scenario" -q "$@"
done
