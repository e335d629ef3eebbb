#!/bin/sh
# Validation benchmark: `kensa validate` (schema + semantic rules) on a
# generated ~100 MB CycloneDX 1.6 JSON document with ~100,000 components,
# against ajv-cli with ajv-formats and the same bundled schemas, and kensa's
# peak memory. Goals (issue 8): under 2 s, at least twice as fast as ajv,
# peak memory under 4x the file size.
#
#   bench/bench_validate.sh [BUILD_DIR] [WORK_DIR]
#
# BUILD_DIR is a Release build (default build-release); WORK_DIR receives the
# document and the npm cache with ajv (default $TMPDIR/kensa-bench; kept
# between runs, never committed). COMPONENTS changes the size, AJV_RUNS the
# number of ajv runs. ajv is
# installed from the npm registry on the first run when npm is present; the
# comparison is skipped otherwise.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build-release"}
work=${2:-"${TMPDIR:-/tmp}/kensa-bench"}
components=${COMPONENTS:-100000}
kensa="$build/src/kensa"
document="$work/cyclonedx-1.6-${components}.json"
schemas="$here/../schemas/cyclonedx"

[ -x "$kensa" ] || { echo "no kensa binary at $kensa (build a Release first)" >&2; exit 2; }
mkdir -p "$work"

if [ ! -f "$document" ]; then
  echo "generating $document ..."
  python3 "$here/bench_validate_generate.py" "$components" > "$document.partial"
  mv "$document.partial" "$document"
fi
size=$(stat -c %s "$document")
echo "document: $size bytes, $components components"

# Best of three; /usr/bin/time gives wall seconds and peak RSS in KiB.
best_kensa=""
peak_kib=0
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$kensa" -q validate "$document" > "$work/kensa-report.txt" || {
    echo "kensa validate failed:" >&2; head -20 "$work/kensa-report.txt" >&2; exit 1; }
  read -r seconds kib < "$work/time.txt"
  if [ -z "$best_kensa" ] || [ "$(echo "$seconds < $best_kensa" | bc)" = 1 ]; then
    best_kensa=$seconds
  fi
  [ "$kib" -gt "$peak_kib" ] && peak_kib=$kib
done
memory_ratio=$(echo "scale=2; $peak_kib * 1024 / $size" | bc)
echo "kensa validate: ${best_kensa} s, peak memory $((peak_kib / 1024)) MiB (${memory_ratio}x the file size)"

ajv_dir="$work/ajv"
if command -v npm > /dev/null 2>&1 && [ ! -x "$ajv_dir/node_modules/.bin/ajv" ]; then
  echo "installing ajv-cli and ajv-formats into $ajv_dir ..."
  mkdir -p "$ajv_dir"
  npm install --silent --no-audit --no-fund --prefix "$ajv_dir" ajv-cli@5 ajv-formats@2 > /dev/null 2>&1 || true
fi
if [ ! -x "$ajv_dir/node_modules/.bin/ajv" ]; then
  echo "ajv-cli not available; no comparison"
  exit 0
fi
# The bundled helper schemas are files named *.SNAPSHOT.* (as the npm package
# ships them) while their $ids are not; ajv resolves references by $id, so it
# gets copies whose references use the $id names.
ajv_schemas="$work/ajv-schemas"
mkdir -p "$ajv_schemas"
for name in bom-1.6 spdx jsf-0.82 cryptography-defs; do
  sed 's/\.SNAPSHOT\.schema\.json/.schema.json/g' "$schemas/$name.SNAPSHOT.schema.json" \
    > "$ajv_schemas/$name.schema.json"
done
# AJV_RUNS (default 3) bounds ajv's runs: its uniqueItems check compares
# array items pairwise, so its time grows with the square of the number of
# components (68 s for 10,000 here; two hours would be expected for
# 100,000). AJV_WITHOUT_UNIQUE_ITEMS=1 also times ajv on a copy of the
# schema without uniqueItems, to compare the rest of the work.
run_ajv() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$ajv_dir/node_modules/.bin/ajv" validate \
    --spec=draft7 --strict=false -c ajv-formats \
    -s "$1" \
    -r "$ajv_schemas/spdx.schema.json" -r "$ajv_schemas/jsf-0.82.schema.json" \
    -r "$ajv_schemas/cryptography-defs.schema.json" \
    -d "$document" > "$work/ajv-report.txt" 2>&1 || {
    echo "ajv failed:" >&2; head -20 "$work/ajv-report.txt" >&2; exit 1; }
}
if [ "${AJV_WITHOUT_UNIQUE_ITEMS:-0}" = 1 ]; then
  python3 -c '
import json, sys
def strip(node):
    if isinstance(node, dict):
        node.pop("uniqueItems", None)
        for value in node.values():
            strip(value)
    elif isinstance(node, list):
        for value in node:
            strip(value)
schema = json.load(open(sys.argv[1]))
strip(schema)
json.dump(schema, open(sys.argv[2], "w"))
' "$ajv_schemas/bom-1.6.schema.json" "$ajv_schemas/bom-1.6-no-unique.schema.json"
  run_ajv "$ajv_schemas/bom-1.6-no-unique.schema.json"
  read -r seconds kib < "$work/time.txt"
  echo "ajv-cli + ajv-formats without uniqueItems: ${seconds} s"
fi
best_ajv=""
for run in $(seq 1 "${AJV_RUNS:-3}"); do
  run_ajv "$ajv_schemas/bom-1.6.schema.json"
  read -r seconds kib < "$work/time.txt"
  if [ -z "$best_ajv" ] || [ "$(echo "$seconds < $best_ajv" | bc)" = 1 ]; then
    best_ajv=$seconds
  fi
done
[ -n "$best_ajv" ] || exit 0
ratio=$(echo "scale=2; $best_ajv / $best_kensa" | bc)
echo "ajv-cli + ajv-formats: ${best_ajv} s"
echo "kensa is ${ratio}x as fast as ajv"
