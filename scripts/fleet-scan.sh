#!/bin/sh
# The fan-out of docs/scale.md on one machine: one kensa process per
# artifact, PARALLEL at a time (xargs -P), each writing its own SBOM; then
# one `kensa merge --hierarchical` of them all, checked: every component of
# every artifact's SBOM is in the merged one, once, and it validates.
#
#   scripts/fleet-scan.sh [-k KENSA] [-j PARALLEL] OUT_DIR ARTIFACT...
#
# An artifact is anything `kensa scan` reads: a folder, an archive, an
# image. Exit 0 when the merge checks out, 1 when it does not, 2 when a
# scan or the merge failed.
set -eu

kensa=kensa
parallel=4
while getopts k:j: option; do
  case $option in
  k) kensa=$OPTARG ;;
  j) parallel=$OPTARG ;;
  *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -lt 2 ]; then
  echo "usage: $0 [-k KENSA] [-j PARALLEL] OUT_DIR ARTIFACT..." >&2
  exit 2
fi
out=$1
shift
mkdir -p "$out/sboms"

# The work list, one artifact per line, each with its index: the index
# names its SBOM, so two artifacts of the same name do not collide. A
# GitHub Actions matrix or a Kubernetes Indexed Job hands out the same
# lines, one per job.
list="$out/artifacts.txt"
: >"$list"
index=0
for artifact in "$@"; do
  printf '%s\t%s\n' "$index" "$artifact" >>"$list"
  index=$((index + 1))
done

# One process per artifact, as one job of the matrix would run it.
export KENSA="$kensa" OUT="$out"
# shellcheck disable=SC2016
if ! tr '\n' '\0' <"$list" | xargs -0 -P "$parallel" -n 1 sh -c '
  index=$(printf "%s" "$1" | cut -f1)
  artifact=$(printf "%s" "$1" | cut -f2-)
  "$KENSA" -q scan "$artifact" -o "cyclonedx-json=$OUT/sboms/$index.cdx.json"
' fleet-job; then
  echo "fleet-scan: a scan failed" >&2
  exit 2
fi

# The final step: every SBOM into one, each artifact an assembly.
set --
index=0
while [ -e "$out/sboms/$index.cdx.json" ]; do
  set -- "$@" "$out/sboms/$index.cdx.json"
  index=$((index + 1))
done
if ! "$kensa" -q merge --hierarchical --source-name fleet "$@" \
  -o "cyclonedx-json=$out/merged.cdx.json"; then
  echo "fleet-scan: the merge failed" >&2
  exit 2
fi

# The check: each SBOM's purls are all in the merged one, which has each
# once, and the merged document validates.
"$kensa" convert "$out/merged.cdx.json" -o purls >"$out/merged.purls"
status=0
if [ "$(sort "$out/merged.purls" | uniq -d | wc -l)" -ne 0 ]; then
  echo "fleet-scan: the merged SBOM lists a purl twice" >&2
  status=1
fi
for sbom in "$@"; do
  "$kensa" convert "$sbom" -o purls | sort >"$sbom.purls"
  missing=$(sort "$out/merged.purls" | comm -23 "$sbom.purls" - | wc -l)
  if [ "$missing" -ne 0 ]; then
    echo "fleet-scan: $missing components of $sbom are not in the merged SBOM" >&2
    status=1
  fi
done
if ! "$kensa" -q validate "$out/merged.cdx.json" >/dev/null; then
  echo "fleet-scan: the merged SBOM does not validate" >&2
  status=1
fi
echo "fleet-scan: $# artifacts, $(wc -l <"$out/merged.purls") components merged"
exit $status
