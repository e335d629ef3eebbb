#!/bin/sh
# Runs kensa's fuzz targets (docs/fuzzing.md) from a fuzz build:
#
#   cmake --preset sanitize && cmake --build --preset sanitize --target kensa_fuzz
#   scripts/fuzz.sh [-t SECONDS] [-j JOBS] [TARGET...]
#
# Each target starts from its seeds (tests/fixtures, KENSA_FUZZ_PRINT_SEEDS)
# plus the corpus earlier runs kept in build-sanitize/fuzz-corpus/<target>/,
# and runs for SECONDS (default 10) under ASan + UBSan with a 2 GiB memory
# cap and a 10-second cap per input. JOBS targets run at once (default: the
# number of cores). A crash, leak, out-of-memory or hang leaves its input in
# build-sanitize/fuzz-findings/<target>/ and makes the script exit 1; the
# table at the end gives each target's executions, coverage and result.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build-sanitize"
seconds=10
jobs=$(nproc)
while getopts t:j: option; do
  case $option in
    t) seconds=$OPTARG ;;
    j) jobs=$OPTARG ;;
    *) echo "usage: $0 [-t SECONDS] [-j JOBS] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

fuzzer="$build/fuzz/kensa_fuzz"
if [ ! -x "$fuzzer" ]; then
  echo "fuzz: $fuzzer is missing; build it with: cmake --preset sanitize and cmake --build --preset sanitize" >&2
  exit 2
fi

run_one() {
  target=$1
  corpus="$build/fuzz-corpus/$target"
  findings="$build/fuzz-findings/$target"
  log="$build/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$findings" "$build/fuzz-logs"
  KENSA_FUZZ_TARGET=$target KENSA_FUZZ_PRINT_SEEDS=1 "$fuzzer" 2>/dev/null |
    while IFS= read -r seed; do
      cp "$seed" "$corpus/seed-$(printf '%s' "$seed" | sha1sum | cut -c1-16)"
    done
  status=ok
  # detect_leaks: a leak is a finding too. The corpus folder is also the
  # output folder: what raised coverage is kept for the next run.
  # -entropic=0: libFuzzer's entropic schedule spends most of its time
  # re-weighting features on targets with tens of thousands of them (the
  # document readers): 7 inputs a second instead of 58 on tag-value.
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    KENSA_FUZZ_TARGET=$target "$fuzzer" "$corpus" \
      -max_total_time="$seconds" -entropic=0 -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
      -max_len=1048576 -print_final_stats=1 -artifact_prefix="$findings/" \
      >"$log" 2>&1; then
    status=FOUND
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%-22s %10s execs %6s edges  %s\n' "$target" "${execs:-?}" "${coverage:-?}" "$status"
  [ "$status" = ok ]
}

# xargs runs JOBS targets at once, each through this script again (POSIX sh
# cannot hand a function to xargs).
if [ -n "${KENSA_FUZZ_ONE:-}" ]; then
  run_one "$KENSA_FUZZ_ONE"
  exit $?
fi
if [ $# -gt 0 ]; then
  targets="$*"
else
  targets=$(KENSA_FUZZ_LIST=1 "$fuzzer" | cut -f1)
fi
failed=0
printf '%s\n' $targets | xargs -P "$jobs" -I{} env KENSA_FUZZ_ONE={} sh "$0" -t "$seconds" ||
  failed=1
if [ $failed -ne 0 ]; then
  echo "fuzz: findings in $build/fuzz-findings/ (logs in $build/fuzz-logs/)" >&2
  exit 1
fi
echo "fuzz: no finding"
