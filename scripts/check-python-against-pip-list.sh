#!/bin/sh
# Compares what kensa finds in a Python site-packages (or dist-packages)
# folder with what pip lists for it.
#
#   scripts/check-python-against-pip-list.sh [--python PYTHON] SITE_PACKAGES_DIR
#
# Runs `PYTHON -m pip list --format json --path SITE_PACKAGES_DIR` (PYTHON
# defaults to python3; --path restricts pip to that one folder, so packages
# of other folders on the interpreter's path are left out on both sides) and
# `kensa scan SITE_PACKAGES_DIR --scanner python -o cyclonedx-json`, then
# compares the sets of name==version, names normalized as PEP 503 says.
#
# Prints the differences and exits 1 when there are any, 2 on usage or tool
# errors.
#
# KENSA (environment) names the kensa binary; default: build/src/kensa in this
# checkout, else kensa on PATH.
set -eu

python=python3
if [ "${1:-}" = "--python" ]; then
  if [ $# -lt 2 ]; then
    echo "usage: $0 [--python PYTHON] SITE_PACKAGES_DIR" >&2
    exit 2
  fi
  python=$2
  shift 2
fi
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 [--python PYTHON] SITE_PACKAGES_DIR" >&2
  exit 2
fi
site=$(cd "$1" && pwd)
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

if ! "$python" -m pip list --format json --path "$site" >"$work/pip.json" 2>"$work/pip.err"; then
  echo "pip list failed:" >&2
  cat "$work/pip.err" >&2
  exit 2
fi
if ! "$KENSA" -q scan "$site" --scanner python -o "cyclonedx-json=$work/kensa.json"; then
  echo "kensa scan failed" >&2
  exit 2
fi

"$python" - "$work/pip.json" "$work/kensa.json" <<'PY'
import json
import re
import sys

pip_file, kensa_file = sys.argv[1:]


def key(name, version):
    return re.sub(r"[-_.]+", "-", name).lower() + "==" + version


with open(pip_file) as f:
    from_pip = {key(p["name"], p["version"]) for p in json.load(f)}
with open(kensa_file) as f:
    sbom = json.load(f)
from_kensa = {
    key(c["name"], c.get("version", ""))
    for c in sbom.get("components", [])
    if c.get("purl", "").startswith("pkg:pypi/")
}

only_pip = sorted(from_pip - from_kensa)
only_kensa = sorted(from_kensa - from_pip)
for k in only_pip:
    print("only in pip list: " + k)
for k in only_kensa:
    print("only in kensa:    " + k)
print("%d package(s) from pip list, %d from kensa, %d difference(s)"
      % (len(from_pip), len(from_kensa), len(only_pip) + len(only_kensa)))
sys.exit(1 if only_pip or only_kensa else 0)
PY
