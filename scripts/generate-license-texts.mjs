#!/usr/bin/env node
// Builds schemas/spdx/license-texts.json (compressed by refresh-data.sh into
// license-texts.json.xz) from spdx-license-list's spdx-full.json: the text of
// every current license of the bundled list, for matching license files
// (docs/licenses.md). Run through scripts/refresh-data.sh, not by hand.
//
// Usage:
//   node generate-license-texts.mjs --full <spdx-full.json>
//     --list <schemas/spdx/license-list.json> --version <list version of the texts>
//     --out <license-texts.json> --summary <summary.json>
//
// The SPDX matching templates (<<var>>, <<beginOptional>>) are not in any
// package kensa pins, so the one optional part the matcher must know is
// derived here from the plain text: whatever follows "END OF TERMS AND
// CONDITIONS" (the "How to apply" appendix of the Apache, GNU and similar
// licenses, optional in their SPDX templates) is kept apart as `optional`.
// Nothing else is changed: normalisation happens in kensa, one way for
// license texts and scanned files alike.

import { readFileSync, writeFileSync } from "node:fs";

function fail(message) {
  process.stderr.write(`generate-license-texts: ${message}\n`);
  process.exit(1);
}

const args = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  args[argv[i].replace(/^--/, "")] = argv[i + 1];
}
for (const key of ["full", "list", "version", "out", "summary"]) {
  if (!args[key]) {
    fail(`missing --${key}`);
  }
}

const full = JSON.parse(readFileSync(args.full, "utf8"));
const list = JSON.parse(readFileSync(args.list, "utf8"));

const k_end_marker = /END OF TERMS AND CONDITIONS/i;
const licenses = [];
const without_text = [];
const split = [];
for (const entry of list.licenses) {
  if (entry.deprecated) {
    continue;
  }
  const text = full[entry.id]?.licenseText;
  if (typeof text !== "string" || text.trim() === "") {
    without_text.push(entry.id);
    continue;
  }
  const marker = k_end_marker.exec(text);
  if (marker) {
    const cut = marker.index + marker[0].length;
    const optional = text.slice(cut);
    if (optional.trim() !== "") {
      licenses.push({ id: entry.id, text: text.slice(0, cut), optional });
      split.push(entry.id);
      continue;
    }
  }
  licenses.push({ id: entry.id, text });
}
if (licenses.length < 500) {
  fail(`only ${licenses.length} license texts found; is ${args.full} the right file?`);
}

writeFileSync(
  args.out,
  JSON.stringify({ licenseListVersion: args.version, licenses }) + "\n",
);
writeFileSync(
  args.summary,
  JSON.stringify({ textCount: licenses.length, withoutText: without_text, optionalTail: split }),
);
