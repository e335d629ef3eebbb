#!/bin/sh
# Checks what scan-every-fixture.sh wrote with validators that are not
# kensa's: python3-jsonschema against the bundled official CycloneDX JSON
# schemas (every version), xmllint against the bundled official XSDs, and
# python3-jsonschema against the official SPDX 2.2 and 2.3 schemas from the
# shared conformance data (JSON of both versions, YAML of 2.3; YAML is the
# JSON structure). SPDX 3 is left to kensa's own validator: the official
# SPDX 3 schema takes python3-jsonschema close to a minute per document.
# Exits 77 (skipped) when the validator or the schemas are not at hand.
# Usage: check-outputs-independently.sh cyclonedx-json|cyclonedx-xml|spdx SOURCE_DIR WORK_DIR [SHARED_DIR]
set -eu
what=$1
source_dir=$2
work=$3
shared=${4:-${KENSA_SHARED_DIR:-$source_dir/../shared}}
validator="/usr/bin/python3 $source_dir/tests/tools/validate-json-schema.py"
schemas="$source_dir/schemas/cyclonedx"
count=$(find "$work" -name '*.cdx.json' | wc -l)
if [ "$count" -eq 0 ]; then
  echo "no outputs in $work: run scan-every-fixture.sh first" >&2
  exit 1
fi
case $what in
cyclonedx-json)
  for version in 1.4 1.5 1.6 1.7; do
    $validator "$schemas" "bom-$version.SNAPSHOT.schema.json" "$work"/*.cyclonedx-json-$version.cdx.json
  done
  ;;
cyclonedx-xml)
  if ! command -v xmllint >/dev/null 2>&1; then
    echo "xmllint is not installed; skipped"
    exit 77
  fi
  for version in 1.4 1.5 1.6 1.7; do
    xmllint --noout --nonet --schema "$schemas/bom-$version.SNAPSHOT.xsd" \
      "$work"/*.cyclonedx-xml-$version.cdx.xml
  done
  ;;
spdx)
  if [ ! -f "$shared/conformance/spdx/2.3/spdx-schema.json" ]; then
    echo "no official SPDX schemas in $shared/conformance/spdx; skipped"
    exit 77
  fi
  for version in 2.2 2.3; do
    $validator "$shared/conformance/spdx/$version" spdx-schema.json \
      "$work"/*.spdx-json-$version.spdx.json
  done
  $validator "$shared/conformance/spdx/2.3" spdx-schema.json "$work"/*.spdx-yaml-2.3.spdx.yaml
  ;;
*)
  echo "unknown check '$what'" >&2
  exit 2
  ;;
esac
