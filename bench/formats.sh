#!/bin/sh
# The 100,000-component format benchmarks (bench_formats.cpp), each in a
# process of its own: a peak measured after other benchmarks would include
# memory the allocator kept from them. Goals (issue 7): under 2 seconds each
# way, peak memory under 1 GB.
#
#   bench/formats.sh [BUILD_DIR]
#
# BUILD_DIR is a Release build (default build-release, the release preset).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build-release"}
bench="$build/bench/kensa_bench"

for family in cyclonedx_json cyclonedx_xml spdx_json spdx_tag_value spdx_yaml spdx3_json; do
  for direction in write read; do
    "$bench" --benchmark_filter="^${direction}_format/${family}/" 2>/dev/null |
      grep -E "^${direction}_format" || true
  done
done
