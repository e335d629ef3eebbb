#!/bin/sh
# Compares what kensa finds in an npm project with what npm itself lists.
#
#   scripts/check-npm-against-npm-ls.sh [--lock-only | --installed] PROJECT_DIR
#
# Runs `npm ls --all --json --long` in PROJECT_DIR (with --package-lock-only
# when node_modules is absent or --lock-only is given) and `kensa scan
# PROJECT_DIR --scanner npm -o cyclonedx-json`, then compares the sets of
# name@version and, for the packages in both, the dev/optional marks (npm's
# dev, optional, devOptional against kensa's scope and kensa:development).
# --long is used because only it gives an alias's real package name, which
# is what kensa reports, and the marks. The project itself (the top of
# npm's tree) is left out on both sides.
#
# --installed checks the node-modules scanner instead: kensa reads only the
# installed packages' package.json files (`--scanner node-modules`), not the
# lockfile, and npm ls lists what is installed. PROJECT_DIR must have
# node_modules.
#
# With node_modules present, npm lists what is installed, and optional
# packages for other platforms (fsevents on Linux) are in the lockfile, so in
# kensa's output, but not installed: they show as "only in kensa". --lock-only
# compares with npm's reading of the lockfile instead.
#
# Prints the differences and exits 1 when there are any, 2 on usage or
# tool errors.
#
# KENSA (environment) names the kensa binary; default: build/src/kensa in this
# checkout, else kensa on PATH. Needs node and npm.
set -eu

lock_only=""
scanner=npm
if [ "${1:-}" = "--lock-only" ]; then
  lock_only="--package-lock-only"
  shift
elif [ "${1:-}" = "--installed" ]; then
  scanner=node-modules
  shift
fi
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 [--lock-only | --installed] PROJECT_DIR" >&2
  exit 2
fi
project=$(cd "$1" && pwd)
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

if [ ! -d "$project/node_modules" ]; then
  if [ "$scanner" = node-modules ]; then
    echo "$project has no node_modules: nothing installed to compare" >&2
    exit 2
  fi
  lock_only="--package-lock-only"
fi
# npm ls exits non-zero when it finds problems (missing or extraneous
# packages) but still prints the tree; those problems are part of what is
# being compared, so only unusable output is an error.
(cd "$project" && npm ls --all --json --long $lock_only >"$work/npm-ls.json" 2>"$work/npm-ls.err") || true
if ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$work/npm-ls.json" 2>/dev/null; then
  echo "npm ls failed:" >&2
  cat "$work/npm-ls.err" >&2
  exit 2
fi

if ! "$KENSA" -q scan "$project" --scanner "$scanner" -o "cyclonedx-json=$work/kensa.json"; then
  echo "kensa scan failed" >&2
  exit 2
fi

node - "$work/npm-ls.json" "$work/kensa.json" <<'EOF'
const fs = require("fs");
const [npmFile, kensaFile] = process.argv.slice(2);
const tree = JSON.parse(fs.readFileSync(npmFile, "utf8"));
const sbom = JSON.parse(fs.readFileSync(kensaFile, "utf8"));

// Marks as kensa spells them. A package installed at several places gets
// one component: required if any copy is, development only if every copy
// is, so npm's marks are combined the same way.
const rank = { required: 3, optional: 2, excluded: 1 };
function combine(a, b) {
  if (a === undefined) {
    return b;
  }
  return { scope: rank[a.scope] >= rank[b.scope] ? a.scope : b.scope, dev: a.dev && b.dev };
}
function npmMark(node) {
  const dev = !!node.dev;
  const optional = !!node.optional;
  if (node.devOptional || (dev && optional)) {
    return { scope: "optional", dev: true };
  }
  if (dev) {
    return { scope: "excluded", dev: true };
  }
  return { scope: optional ? "optional" : "required", dev: false };
}
const show = (mark) => mark.scope + (mark.dev ? "+dev" : "");

const root = `${tree.name}@${tree.version}`;
const fromNpm = new Map();
(function walk(node) {
  for (const [folder, child] of Object.entries(node.dependencies || {})) {
    // Entries npm could not find have no version: they are not installed.
    if (child.version !== undefined && !child.missing) {
      const key = `${child.name || folder}@${child.version}`;
      fromNpm.set(key, combine(fromNpm.get(key), npmMark(child)));
    }
    walk(child);
  }
})(tree);

const fromKensa = new Map();
for (const component of sbom.components || []) {
  if (!(component.purl || "").startsWith("pkg:npm/")) {
    continue;
  }
  const name = component.group ? `${component.group}/${component.name}` : component.name;
  const key = `${name}@${component.version}`;
  if (key !== root) {
    const dev = (component.properties || []).some(
        (property) => property.name === "kensa:development" && property.value === "true");
    fromKensa.set(key, { scope: component.scope || "required", dev });
  }
}

const onlyNpm = [...fromNpm.keys()].filter((key) => !fromKensa.has(key)).sort();
const onlyKensa = [...fromKensa.keys()].filter((key) => !fromNpm.has(key)).sort();
const marksDiffer = [...fromNpm.keys()]
    .filter((key) => fromKensa.has(key) && show(fromNpm.get(key)) !== show(fromKensa.get(key)))
    .sort();
for (const key of onlyNpm) {
  console.log(`only in npm ls: ${key}`);
}
for (const key of onlyKensa) {
  console.log(`only in kensa:  ${key}`);
}
for (const key of marksDiffer) {
  const npmShown = show(fromNpm.get(key));
  console.log(`marks differ:   ${key}: npm ${npmShown}, kensa ${show(fromKensa.get(key))}`);
}
const differences = onlyNpm.length + onlyKensa.length + marksDiffer.length;
console.log(`${fromNpm.size} package(s) from npm ls, ${fromKensa.size} from kensa, ` +
            `${differences} difference(s)`);
process.exit(differences === 0 ? 0 : 1);
EOF
