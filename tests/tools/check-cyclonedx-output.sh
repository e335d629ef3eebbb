#!/bin/sh
# Scans every scanner's fixtures with kensa and validates the CycloneDX output
# against the bundled official schema with an independent validator
# (python3-jsonschema).
# Usage: check-cyclonedx-output.sh KENSA SOURCE_DIR WORK_DIR
set -eu
kensa=$1
source_dir=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
for fixtures in "$source_dir"/tests/fixtures/*/; do
  name=$(basename "$fixtures")
  SOURCE_DATE_EPOCH=1700000000 "$kensa" scan "$fixtures" -q \
    -o "cyclonedx-json@1.6=$work/$name.cdx.json"
done
/usr/bin/python3 "$source_dir/tests/tools/validate-json-schema.py" \
  "$source_dir/schemas/cyclonedx" bom-1.6.SNAPSHOT.schema.json "$work"/*.cdx.json
