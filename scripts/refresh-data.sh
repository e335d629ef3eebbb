#!/bin/sh
# Refreshes the data compiled into kensa from pinned npm packages:
#   schemas/cyclonedx/        CycloneDX JSON schemas and XSDs, as published
#   schemas/spdx/license-list.json
#   schemas/spdx/license-texts.json.xz  license texts for matching license files
#   schemas/SOURCES.md        where every file came from
#
# Needs node and npm; fetches with `npm pack`, so no package code is installed
# or run. The versions and tarball hashes below are pinned so that a refresh is
# reproducible: to move to newer data, change a pin (npm view <package>@<version>
# dist.integrity gives the hash), run this script and review the diff.
set -eu

# name, version, sha512 integrity of the tarball as the registry states it
cyclonedx_package="@cyclonedx/cyclonedx-library"
cyclonedx_version="10.3.0"
cyclonedx_integrity="sha512-RIT28sp1U0PCHaaeF3yNRwk6Jig/XJ8UsYAVOMYaHQ+0VVOvsjcp0PTWQFLUqJFF8XMud+Kdq6G+wtDAh+QJFA=="
ids_package="spdx-license-ids"
ids_version="3.0.24"
ids_integrity="sha512-cLS9TtWkIQFyLkJ3/5aFQAOHOSKTlOs/7WDut/XPSdjom1fJhUdkepeJAKXa9Y05+FabHd0sti+Et559vDtkpQ=="
exceptions_package="spdx-exceptions"
exceptions_version="2.5.0"
exceptions_integrity="sha512-PiU42r+xO4UbUS1buo3LPJkjlO7430Xn5SVAhdpzzsPHsjbYVflnnFdATgabnLude+Cqu25p6N+g2lw/PFsa4w=="
list_package="spdx-license-list"
list_version="6.12.0"
list_integrity="sha512-+nUYqm3aZMSHbjsthK+i/HHI2okTElCvqwUd4k8QcSk+FTGgjq+fsdFj2wZOaX6XmR2JdWhf/NeflNnvKOjcnQ=="

# The CycloneDX files kensa needs; the package's res/schema folder holds
# nothing else but a README. Every one must be there, or the refresh fails.
cyclonedx_files="
bom-1.0.SNAPSHOT.xsd
bom-1.1.SNAPSHOT.xsd
bom-1.2.SNAPSHOT.xsd
bom-1.3.SNAPSHOT.xsd
bom-1.4.SNAPSHOT.xsd
bom-1.5.SNAPSHOT.xsd
bom-1.6.SNAPSHOT.xsd
bom-1.7.SNAPSHOT.xsd
spdx.SNAPSHOT.xsd
bom-1.2.SNAPSHOT.schema.json
bom-1.2-strict.SNAPSHOT.schema.json
bom-1.3.SNAPSHOT.schema.json
bom-1.3-strict.SNAPSHOT.schema.json
bom-1.4.SNAPSHOT.schema.json
bom-1.5.SNAPSHOT.schema.json
bom-1.6.SNAPSHOT.schema.json
bom-1.7.SNAPSHOT.schema.json
spdx.SNAPSHOT.schema.json
jsf-0.82.SNAPSHOT.schema.json
cryptography-defs.SNAPSHOT.schema.json
"

script_dir=$(cd "$(dirname "$0")" && pwd)
repo_dir=$(dirname "$script_dir")
schemas_dir="$repo_dir/schemas"

for tool in node npm tar sha256sum xz; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "refresh-data: $tool is required" >&2
    exit 1
  }
done

work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT INT TERM

# fetch <package> <version> <integrity>: unpacks into $work_dir/<package>/
fetch() {
  echo "refresh-data: fetching $1@$2"
  tarball_name=$(cd "$work_dir" && npm pack "$1@$2" --ignore-scripts --silent --pack-destination "$work_dir")
  tarball="$work_dir/$tarball_name"
  actual=$(node -e '
    const data = require("fs").readFileSync(process.argv[1]);
    process.stdout.write("sha512-" + require("crypto").createHash("sha512").update(data).digest("base64"));
  ' "$tarball")
  if [ "$actual" != "$3" ]; then
    echo "refresh-data: $1@$2 has integrity $actual, pinned $3" >&2
    exit 1
  fi
  mkdir -p "$work_dir/$1"
  tar -xzf "$tarball" -C "$work_dir/$1"
}

fetch "$cyclonedx_package" "$cyclonedx_version" "$cyclonedx_integrity"
fetch "$ids_package" "$ids_version" "$ids_integrity"
fetch "$exceptions_package" "$exceptions_version" "$exceptions_integrity"
fetch "$list_package" "$list_version" "$list_integrity"

cyclonedx_root="$work_dir/$cyclonedx_package/package"
ids_root="$work_dir/$ids_package/package"
exceptions_root="$work_dir/$exceptions_package/package"
list_root="$work_dir/$list_package/package"

# package.json field of an unpacked package
package_field() {
  node -e 'const p = require(process.argv[1]); process.stdout.write(String(p[process.argv[2]] ?? ""));' \
    "$1/package.json" "$2"
}

hash_of() {
  sha256sum "$1" | cut -d' ' -f1
}

# Replace the whole folder so files the package no longer ships disappear.
rm -rf "$schemas_dir/cyclonedx"
mkdir -p "$schemas_dir/cyclonedx" "$schemas_dir/spdx"
for file in $cyclonedx_files; do
  if [ ! -f "$cyclonedx_root/res/schema/$file" ]; then
    echo "refresh-data: $cyclonedx_package@$cyclonedx_version lacks res/schema/$file" >&2
    exit 1
  fi
  cp "$cyclonedx_root/res/schema/$file" "$schemas_dir/cyclonedx/$file"
done
for published in "$cyclonedx_root"/res/schema/*; do
  case " $(echo $cyclonedx_files) README.md " in
    *" $(basename "$published") "*) ;;
    *) echo "refresh-data: note: $cyclonedx_package ships res/schema/$(basename "$published"), not bundled" >&2 ;;
  esac
done

summary="$work_dir/summary.json"
node "$script_dir/generate-license-list.mjs" \
  --ids "$ids_root" \
  --exceptions "$exceptions_root" \
  --list "$list_root" \
  --cyclonedx-enum "$cyclonedx_root/res/schema/spdx.SNAPSHOT.schema.json" \
  --out "$schemas_dir/spdx/license-list.json" \
  --summary "$summary"

summary_field() {
  node -e '
    const value = require(process.argv[1])[process.argv[2]];
    process.stdout.write(Array.isArray(value) ? (value.length ? value.join(", ") : "none") : String(value));
  ' "$summary" "$1"
}

# The license texts, for matching license files (docs/licenses.md). xz with
# one thread and fixed settings gives the same bytes on every run.
texts_summary="$work_dir/texts-summary.json"
node "$script_dir/generate-license-texts.mjs" \
  --full "$list_root/spdx-full.json" \
  --list "$schemas_dir/spdx/license-list.json" \
  --version "$(summary_field detailsListVersion)" \
  --out "$work_dir/license-texts.json" \
  --summary "$texts_summary"
xz --format=xz --check=crc64 -9e --threads=1 --stdout "$work_dir/license-texts.json" \
  >"$schemas_dir/spdx/license-texts.json.xz"

texts_field() {
  node -e '
    const value = require(process.argv[1])[process.argv[2]];
    process.stdout.write(Array.isArray(value) ? (value.length ? value.join(", ") : "none") : String(value));
  ' "$texts_summary" "$1"
}

cyclonedx_license=$(package_field "$cyclonedx_root" license)
ids_license=$(package_field "$ids_root" license)
exceptions_license=$(package_field "$exceptions_root" license)
list_license=$(package_field "$list_root" license)
upstream_commit=$(sed -n 's/.*CycloneDX\/specification\/commit\/\([0-9a-f]\{40\}\).*/\1/p' \
  "$cyclonedx_root/res/schema/README.md" | head -n 1)

# The $id of a JSON schema, or the targetNamespace of an XSD.
identity_of() {
  case "$1" in
    *.json) node -e 'process.stdout.write(String(require(process.argv[1]).$id ?? ""))' "$1" ;;
    *.xsd) sed -n 's/.*targetNamespace="\([^"]*\)".*/\1/p' "$1" | head -n 1 ;;
  esac
}

sources="$schemas_dir/SOURCES.md"
{
  cat <<EOF
# Sources of the bundled data

Generated by \`scripts/refresh-data.sh\`; do not edit by hand. Every file under
\`schemas/\` ending in \`.json\`, \`.xsd\`, \`.xml\` or \`.xz\` is compiled into the kensa
binary and looked up by its path relative to \`schemas/\`
(\`kensa::resources::find\`), so kensa never reads them from disk or the
network at run time.

## Packages

All fetched with \`npm pack\` from the npm registry; the tarball hashes are
pinned in the script and checked.

| package | version | tarball integrity | license |
|---|---|---|---|
| \`$cyclonedx_package\` | $cyclonedx_version | \`$cyclonedx_integrity\` | $cyclonedx_license |
| \`$ids_package\` | $ids_version | \`$ids_integrity\` | $ids_license |
| \`$exceptions_package\` | $exceptions_version | \`$exceptions_integrity\` | $exceptions_license |
| \`$list_package\` | $list_version | \`$list_integrity\` | $list_license |

## CycloneDX schemas (\`cyclonedx/\`)

Copied byte for byte from \`$cyclonedx_package@$cyclonedx_version\`, folder
\`res/schema/\`, keeping the published file names. That package took them from
CycloneDX/specification at commit \`$upstream_commit\` and changed them for
offline use (its \`res/schema/README.md\`): references between the files name
the \`*.SNAPSHOT.*\` files (\`"\$ref": "spdx.SNAPSHOT.schema.json"\`,
\`schemaLocation="spdx.SNAPSHOT.xsd"\`), \`properties.\$schema.enum\` matches
\`\$id\`, \`required: ["version"]\` and the unknown \`"format": "string"\` are
removed. The \`\$id\`s were not renamed: \`spdx.SNAPSHOT.schema.json\` still
says \`http://cyclonedx.org/schema/spdx.schema.json\`, while a reference to it
resolves against the referring schema's \`\$id\` to
\`http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json\`. A validator therefore
registers each bundled schema under its \`\$id\` and under the URL its file
name gives beside that \`\$id\`, and resolves every reference offline. The
plain and \`-strict\` schemas of 1.2 (and of 1.3) share one \`\$id\`, so only
one of each pair can be registered at a time.

| file | \`\$id\` / target namespace | path in package | sha256 |
|---|---|---|---|
EOF
  for file in $cyclonedx_files; do
    echo "| \`cyclonedx/$file\` | \`$(identity_of "$schemas_dir/cyclonedx/$file")\` | \`res/schema/$file\` | \`$(hash_of "$schemas_dir/cyclonedx/$file")\` |"
  done
  cat <<EOF

License: $cyclonedx_license. The package's NOTICE reads:

\`\`\`
$(cat "$cyclonedx_root/NOTICE")
\`\`\`

## SPDX license list (\`spdx/license-list.json\`)

Generated by \`scripts/generate-license-list.mjs\` from these files; sha256
\`$(hash_of "$schemas_dir/spdx/license-list.json")\`.

| package | version | path in package | sha256 | license | gives |
|---|---|---|---|---|---|
| \`$ids_package\` | $ids_version | \`index.json\` | \`$(hash_of "$ids_root/index.json")\` | $ids_license | current license ids |
| \`$ids_package\` | $ids_version | \`deprecated.json\` | \`$(hash_of "$ids_root/deprecated.json")\` | $ids_license | deprecated license ids |
| \`$exceptions_package\` | $exceptions_version | \`index.json\` | \`$(hash_of "$exceptions_root/index.json")\` | $exceptions_license | current exception ids |
| \`$exceptions_package\` | $exceptions_version | \`deprecated.json\` | \`$(hash_of "$exceptions_root/deprecated.json")\` | $exceptions_license | deprecated exception ids |
| \`$list_package\` | $list_version | \`spdx.json\` | \`$(hash_of "$list_root/spdx.json")\` | $list_license | license names, OSI flags |
| \`$cyclonedx_package\` | $cyclonedx_version | \`res/schema/spdx.SNAPSHOT.schema.json\` | \`$(hash_of "$cyclonedx_root/res/schema/spdx.SNAPSHOT.schema.json")\` | $cyclonedx_license | newest ids, exception names, list version |

Contents: $(summary_field licenseCount) licenses ($(summary_field deprecatedLicenseCount)
deprecated, $(summary_field osiApprovedCount) OSI-approved) and
$(summary_field exceptionCount) exceptions ($(summary_field deprecatedExceptionCount) deprecated).

How each fact was determined:

* **licenseListVersion** is $(summary_field licenseListVersion): the version that
  the CycloneDX license-id enum states in its \`\$comment\`. The generator
  fails unless that enum holds every id the SPDX packages hold, so the id set
  is that list version's. \`$ids_package\` states no list version.
* **License ids and deprecated flags** come from \`$ids_package\`.
  It leaves out the ids ending in \`+\` ($(summary_field plusIds)); they are
  taken from \`$list_package\` and marked deprecated, as the SPDX list has
  marked them since list 3.0.
* **Exception ids and deprecated flags** come from \`$exceptions_package\`,
  which is older; the exceptions added since are taken from the CycloneDX enum
  (not deprecated): $(summary_field exceptionsFromEnum).
* **Names and OSI flags** of licenses come from \`$list_package\`, which
  follows SPDX License List $(summary_field detailsListVersion). Licenses it
  does not have yet take their name from the CycloneDX enum's \`meta:enum\`
  ($(summary_field namesFromEnum)) and \`osiApproved: false\`, meaning
  "not known to be OSI-approved" ($(summary_field osiUnknown)).
  Exception names come from the CycloneDX enum's \`meta:enum\`.
  Ids with no known name use the id as name: $(summary_field namesMissing).

Licenses: \`$ids_package\` $ids_license, \`$list_package\` $list_license,
\`$exceptions_package\` $exceptions_license. The SPDX License List itself is
data of the Linux Foundation and its Contributors, published under
CC-BY-3.0; "SPDX" is a registered trademark of The Linux Foundation.

## SPDX license texts (\`spdx/license-texts.json.xz\`)

Generated by \`scripts/generate-license-texts.mjs\` from
\`$list_package\` $list_version, \`spdx-full.json\` (sha256
\`$(hash_of "$list_root/spdx-full.json")\`, license $list_license), which
follows SPDX License List $(summary_field detailsListVersion); compressed with
xz. sha256 of the compressed file:
\`$(hash_of "$schemas_dir/spdx/license-texts.json.xz")\`; of the JSON inside:
\`$(hash_of "$work_dir/license-texts.json")\`.

It holds the text of the $(texts_field textCount) current (not deprecated)
licenses of the bundled list that \`spdx-full.json\` has a text for, as
published. Licenses without a text there are not matched:
$(texts_field withoutText).

The SPDX matching templates (\`<<var>>\`, \`<<beginOptional>>\`) are
published in spdx/license-list-data (folder \`template/\`, CC-BY-3.0), which
no pinned package ships; they are not used. The one optional part the
matcher needs is derived from the text: what follows \`END OF TERMS AND
CONDITIONS\` is kept as the license's optional part for
$(texts_field optionalTail).

## kensa's own SPDX document schemas (\`spdx/spdx-*.schema.json\`)

Not taken from a package: written by kensa from the SPDX specification
(2.2.2 and 2.3 clauses 6 to 12; the 3.0.1 model for Core, Software and
SimpleLicensing) and generated by \`spdx/generate-spdx2-schemas.py\` and
\`spdx/generate-spdx3-schema.py\`. docs/validate/spdx-schemas.md says how
they are checked against the official schemas. License: as kensa.
EOF
} >"$sources"

echo "refresh-data: wrote $schemas_dir/cyclonedx, $schemas_dir/spdx/license-list.json, $schemas_dir/spdx/license-texts.json.xz and $sources"
