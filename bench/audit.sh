#!/bin/sh
# `kensa diff` and `kensa merge` end to end on two releases of about
# 100,000 components (docs/cli.md, "Speed of diff, verify and merge"):
# the old one a generated CycloneDX 1.6 JSON document
# (bench_validate_generate.py), the new one the same with one component in
# ten at a later version and one in a hundred gone, written as SPDX 2.3
# JSON by kensa convert. Targets: diff under 2 s, merge under 3 s.
#
#   bench/audit.sh [BUILD_DIR] [WORK_DIR]
#
# BUILD_DIR defaults to build-release; WORK_DIR (default
# $TMPDIR/kensa-bench) keeps the documents between runs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build-release"}
work=${2:-"${TMPDIR:-/tmp}/kensa-bench"}
components=${COMPONENTS:-100000}
kensa="$build/src/kensa"
[ -x "$kensa" ] || { echo "no kensa binary at $kensa" >&2; exit 2; }
mkdir -p "$work"
old="$work/audit-old-${components}.cdx.json"
new="$work/audit-new-${components}.spdx.json"

if [ ! -f "$new" ]; then
  python3 "$here/bench_validate_generate.py" "$components" >"$old"
  python3 - "$old" "$work/audit-new.cdx.json" <<'PYTHON'
import json, sys
bom = json.load(open(sys.argv[1]))
kept = []
for i, component in enumerate(bom["components"]):
    if i % 100 == 99:
        continue
    if i % 10 == 9:
        old_version = component["version"]
        component["version"] = "9." + old_version
        component["purl"] = component["purl"].replace("@" + old_version, "@9." + old_version)
    kept.append(component)
bom["components"] = kept
refs = {c["bom-ref"] for c in kept}
bom["dependencies"] = [
    {"ref": d["ref"], "dependsOn": [r for r in d.get("dependsOn", []) if r in refs]}
    for d in bom.get("dependencies", []) if d["ref"] in refs
]
json.dump(bom, open(sys.argv[2], "w"))
PYTHON
  "$kensa" -q convert "$work/audit-new.cdx.json" -o "spdx-json@2.3=$new"
fi

run() {
  label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, %U s user, %S s system, peak %M KiB" "$@" >/dev/null
}
run "diff" "$kensa" -q diff "$old" "$new"
run "diff" "$kensa" -q diff "$old" "$new"
run "merge" "$kensa" -q merge "$old" "$new" -o "cyclonedx-json=$work/audit-merged.cdx.json"
run "merge" "$kensa" -q merge "$old" "$new" -o "cyclonedx-json=$work/audit-merged.cdx.json"
