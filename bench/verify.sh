#!/bin/sh
# kensa verify of a big archive against the time sha256sum needs for the
# same files, extracted (docs/cli.md, "Speed of diff, verify and merge").
# Target: within 1.3 times.
#
#   bench/verify.sh [-k KENSA] [-s SIZE_MIB] [-f FILE_KIB] [-z gzip|none]
#
# Makes SIZE_MIB (default 1024) of random files of FILE_KIB each (default
# 1024) in a temporary folder, packs them with tar (compressed with gzip
# when asked), writes the SBOM with `kensa scan --files`, then times, each
# twice so that both read from the page cache: sha256sum over the
# extracted files, and kensa verify over the archive. Prints both times
# and their ratio.
set -eu

kensa=$(dirname "$0")/../build/src/kensa
size=1024
file=1024
compression=none
while getopts k:s:f:z: option; do
  case $option in
  k) kensa=$OPTARG ;;
  s) size=$OPTARG ;;
  f) file=$OPTARG ;;
  z) compression=$OPTARG ;;
  *) exit 2 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/delivery"
count=$((size * 1024 / file))
i=0
while [ "$i" -lt "$count" ]; do
  mkdir -p "$work/delivery/d$((i / 100))"
  head -c "$((file * 1024))" /dev/urandom >"$work/delivery/d$((i / 100))/f$i.bin"
  i=$((i + 1))
done
case $compression in
gzip) archive="$work/delivery.tar.gz" && tar -C "$work/delivery" -czf "$archive" . ;;
*) archive="$work/delivery.tar" && tar -C "$work/delivery" -cf "$archive" . ;;
esac
"$kensa" -q scan "$work/delivery" --files -o "cyclonedx-json=$work/sbom.json"

seconds() {
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
find "$work/delivery" -type f -print0 | xargs -0 cat >/dev/null
sha=$(seconds sh -c "find '$work/delivery' -type f -print0 | xargs -0 sha256sum")
sha=$(seconds sh -c "find '$work/delivery' -type f -print0 | xargs -0 sha256sum")
cat "$archive" >/dev/null
verify=$(seconds "$kensa" -q verify "$work/sbom.json" "$archive")
verify=$(seconds "$kensa" -q verify "$work/sbom.json" "$archive")
echo "files: $count of $file KiB ($size MiB), archive: $(du -m "$archive" | cut -f1) MiB ($compression)"
echo "sha256sum of the extracted files: $sha s"
echo "kensa verify of the archive:      $verify s"
echo "ratio: $(echo "scale=2; $verify / $sha" | bc)"
