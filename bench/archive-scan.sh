#!/bin/sh
# Archive scan benchmark: kensa scanning a 1 GB (uncompressed) tar.gz of many
# small files against `gzip -dc` of the same file, and kensa's peak memory.
# Goals (issue 3): time within 1.3x of gzip -dc, peak memory under 200 MB.
#
#   bench/archive-scan.sh [BUILD_DIR] [WORK_DIR]
#
# BUILD_DIR is a Release build (default build-release, the release preset); WORK_DIR
# receives the generated archive (default $TMPDIR/kensa-bench; it is kept
# between runs and never committed). SIZE_MB and FILE_KB change the shape.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build-release"}
work=${2:-"${TMPDIR:-/tmp}/kensa-bench"}
size_mb=${SIZE_MB:-1024}
file_kb=${FILE_KB:-8}
kensa="$build/src/kensa"
archive="$work/many-small-files-${size_mb}m.tar.gz"

[ -x "$kensa" ] || { echo "no kensa binary at $kensa (build a Release first)" >&2; exit 2; }
mkdir -p "$work"

if [ ! -f "$archive" ]; then
  echo "generating $archive ($size_mb MB of ${file_kb} KB files)..."
  python3 "$here/archive-generate.py" "$size_mb" "$file_kb" | gzip -6 > "$archive.partial"
  mv "$archive.partial" "$archive"
fi
ls -l "$archive"

# Best of three runs each, with a warm page cache, so that the disk is not
# what is measured.
best() {
  sort -n | head -1
}
gzip_times=""
kensa_times=""
peak_kib=0
for run in 1 2 3; do
  t=$( { /usr/bin/time -f "%e" gzip -dc "$archive" > /dev/null; } 2>&1 )
  gzip_times="$gzip_times$t
"
  out=$( { /usr/bin/time -f "%e %M" "$kensa" scan "$archive" -q -o "table=$work/table.txt"; } 2>&1 )
  kensa_times="$kensa_times${out% *}
"
  kib=${out#* }
  [ "$kib" -gt "$peak_kib" ] && peak_kib=$kib
  echo "run $run: gzip -dc ${t}s, kensa ${out% *}s, peak ${kib} KiB"
done
gzip_best=$(printf '%s' "$gzip_times" | best)
kensa_best=$(printf '%s' "$kensa_times" | best)
ratio=$(awk "BEGIN { printf \"%.2f\", $kensa_best / $gzip_best }")
peak_mb=$(awk "BEGIN { printf \"%.1f\", $peak_kib / 1024 }")
echo "gzip -dc:      ${gzip_best} s"
echo "kensa scan:    ${kensa_best} s"
echo "ratio:         ${ratio} (goal <= 1.30)"
echo "peak memory:   ${peak_mb} MB (goal < 200)"
awk "BEGIN { exit !($ratio <= 1.30 && $peak_mb < 200) }" && echo "PASS" || { echo "FAIL"; exit 1; }
