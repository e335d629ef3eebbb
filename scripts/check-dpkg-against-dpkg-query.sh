#!/bin/sh
# Compares what kensa finds in a Debian root file system with what dpkg itself
# lists, and checks how many packages got a license.
#
#   scripts/check-dpkg-against-dpkg-query.sh [ROOT]
#
# ROOT defaults to /. Runs
#   kensa scan ROOT --scanner dpkg --scanner os-release --exclude ... -o cyclonedx-json=FILE
# (the excludes keep out pseudo file systems and large data folders that
# hold no dpkg data) and
#   dpkg-query --admindir=ROOT/var/lib/dpkg -W -f '${db:Status-Status} ${Package} ${Version}\n'
# keeping the packages whose state is installed or a trigger state (the
# states kensa counts as installed, docs/scanners/dpkg.md).
#
# Checks:
#   1. kensa's "name version" list of deb components equals dpkg-query's
#      (multi-arch packages appear once per architecture on both sides);
#   2. of the packages whose /usr/share/doc/<package>/copyright is
#      machine-readable (starts with a Format: field), at least 95% have a
#      license in kensa's output.
# Prints the numbers and differences; exits 1 when a check fails, 2 on usage
# or tool errors.
#
# KENSA (environment) names the kensa binary; default: build/src/kensa in this
# checkout, else kensa on PATH. Needs dpkg-query and python3.
set -eu

root=${1:-/}
if [ $# -gt 1 ] || [ ! -d "$root/var/lib/dpkg" ]; then
  echo "usage: $0 [ROOT]  (ROOT must hold var/lib/dpkg)" >&2
  exit 2
fi
root=$(cd "$root" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${KENSA:-}" ]; then
  if [ -x "$here/build/src/kensa" ]; then
    KENSA="$here/build/src/kensa"
  else
    KENSA=kensa
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# This checkout and the shared test data beside it hold dpkg fixtures that
# are not the root's packages.
set --
for folder in "$here" "$(dirname "$here")/shared"; do
  case "$folder" in
    "$root"/*) set -- "$@" --exclude "${folder#"$root"/}/**" ;;
    "$root"*) [ "$root" = / ] && set -- "$@" --exclude "${folder#/}/**" ;;
  esac
done

dpkg-query --admindir="$root/var/lib/dpkg" -W \
  -f '${db:Status-Status} ${Package} ${Version}\n' >"$work/dpkg-query.txt"

start=$(date +%s)
"$KENSA" -q scan "$root" --scanner dpkg --scanner os-release \
  --exclude 'proc/**' --exclude 'sys/**' --exclude 'dev/**' --exclude 'run/**' \
  --exclude 'tmp/**' --exclude 'work/**' --exclude 'var/tmp/**' --exclude 'var/cache/**' \
  --exclude 'var/log/**' --exclude 'home/**' --exclude 'root/**' --exclude 'mnt/**' \
  --exclude 'media/**' --exclude 'srv/**' --exclude 'opt/**' --exclude 'snap/**' \
  --exclude 'boot/**' --exclude 'lost+found/**' "$@" \
  -o "cyclonedx-json=$work/sbom.json"
end=$(date +%s)

python3 - "$work/dpkg-query.txt" "$work/sbom.json" "$root" "$((end - start))" <<'PY'
import collections
import json
import os
import sys

query_file, sbom_file, root, seconds = sys.argv[1:5]
installed_states = {"installed", "triggers-pending", "triggers-awaited"}

expected = collections.Counter()
names = set()
for line in open(query_file, encoding="utf-8"):
    parts = line.split()
    if len(parts) == 3 and parts[0] in installed_states:
        expected[parts[1] + " " + parts[2]] += 1
        names.add(parts[1])

sbom = json.load(open(sbom_file, encoding="utf-8"))
found = collections.Counter()
licensed = set()
for component in sbom.get("components", []):
    if not component.get("purl", "").startswith("pkg:deb/"):
        continue
    found[component["name"] + " " + component.get("version", "")] += 1
    if component.get("licenses"):
        licensed.add(component["name"])


def machine_readable(package):
    path = os.path.join(root, "usr/share/doc", package, "copyright")
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).lstrip()
    except OSError:
        return False
    return head.startswith(b"Format:") or head.startswith(b"Format-Specification:")


dep5 = sorted(name for name in names if machine_readable(name))
dep5_licensed = [name for name in dep5 if name in licensed]
missing = sorted((expected - found).elements())
extra = sorted((found - expected).elements())
share = 100.0 * len(dep5_licensed) / len(dep5) if dep5 else 100.0

print(f"dpkg-query: {sum(expected.values())} installed packages")
print(f"kensa:      {sum(found.values())} deb components (scan took {seconds} s)")
print(f"missing from kensa: {len(missing)}; only in kensa: {len(extra)}")
for item in missing[:50]:
    print(f"  missing  {item}")
for item in extra[:50]:
    print(f"  extra    {item}")
print(f"machine-readable copyright files: {len(dep5)}; with a license in kensa: "
      f"{len(dep5_licensed)} ({share:.1f}%)")
for name in sorted(set(dep5) - set(dep5_licensed))[:50]:
    print(f"  no license  {name}")
print(f"packages with any license in kensa: {len(licensed)} of {len(names)}")

failed = bool(missing or extra) or share < 95.0
print("check-dpkg-against-dpkg-query: " + ("FAILED" if failed else "ok"))
sys.exit(1 if failed else 0)
PY
