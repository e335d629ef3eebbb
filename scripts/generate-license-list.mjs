#!/usr/bin/env node
// Builds schemas/spdx/license-list.json from the unpacked npm packages that
// scripts/refresh-data.sh fetched. Run through that script, not by hand.
//
// Usage:
//   node generate-license-list.mjs --ids <dir> --exceptions <dir> --list <dir>
//     --cyclonedx-enum <spdx.SNAPSHOT.schema.json> --out <license-list.json>
//     --summary <summary.json>
//
// Where each fact comes from:
//   * license ids and their deprecated flag: spdx-license-ids (index.json holds
//     the current ids, deprecated.json the deprecated ones);
//   * exception ids and their deprecated flag: spdx-exceptions (same layout);
//   * license names and OSI flags: spdx-license-list (spdx.json);
//   * newer ids and every name the other packages lack: the license-id enum of
//     the CycloneDX schema (spdx.schema.json), whose `meta:enum` maps each id to
//     its full name and whose `$comment` states the license list version.
// Any combination this script cannot explain fails the run instead of guessing,
// so a refresh with out-of-step package versions is noticed.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Ids that only the CycloneDX enum knows are classified as exceptions when
// their id says so. These few do not, and were checked by hand against
// https://spdx.org/licenses/exceptions-index.html.
const k_exceptions_without_marker = new Set(["Google-Patent-WebM"]);

function fail(message) {
  process.stderr.write(`generate-license-list: ${message}\n`);
  process.exit(1);
}

function parse_arguments(argv) {
  const wanted = ["ids", "exceptions", "list", "cyclonedx-enum", "out", "summary"];
  const result = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (!wanted.includes(key) || i + 1 >= argv.length) {
      fail(`unexpected argument ${argv[i]}`);
    }
    result[key] = argv[i + 1];
  }
  for (const key of wanted) {
    if (!(key in result)) {
      fail(`missing --${key}`);
    }
  }
  return result;
}

function read_json(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    fail(`cannot read ${path}: ${error.message}`);
  }
}

function string_array(value, path) {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    fail(`${path} is not an array of strings`);
  }
  return value;
}

const args = parse_arguments(process.argv.slice(2));

const current_ids = string_array(read_json(join(args.ids, "index.json")), "spdx-license-ids index.json");
const deprecated_ids = string_array(
  read_json(join(args.ids, "deprecated.json")),
  "spdx-license-ids deprecated.json",
);
const current_exceptions = string_array(
  read_json(join(args.exceptions, "index.json")),
  "spdx-exceptions index.json",
);
const deprecated_exceptions = string_array(
  read_json(join(args.exceptions, "deprecated.json")),
  "spdx-exceptions deprecated.json",
);
const license_details = read_json(join(args.list, "spdx.json"));
const cyclonedx = read_json(args["cyclonedx-enum"]);
const enum_ids = string_array(cyclonedx.enum, "CycloneDX spdx schema enum");
const enum_names = cyclonedx["meta:enum"] ?? {};

// The spdx-license-list readme names the list version its names and OSI flags
// were taken from; it is reported, not trusted for anything else.
const list_readme = readFileSync(join(args.list, "readme.md"), "utf8");
const list_version_match = list_readme.match(/SPDX License List version ([0-9.]+)/);
const details_version = list_version_match ? list_version_match[1] : "unknown";

const enum_version_match = String(cyclonedx.$comment ?? "").match(/^v[0-9.]+-([0-9]+\.[0-9]+(?:\.[0-9]+)?)$/);
if (!enum_version_match) {
  fail(`cannot read the license list version from the CycloneDX enum $comment "${cyclonedx.$comment}"`);
}
const enum_version = enum_version_match[1];

const licenses = new Map();
const exceptions = new Map();

for (const id of current_ids) {
  licenses.set(id, { id, deprecated: false });
}
for (const id of deprecated_ids) {
  if (licenses.has(id)) {
    fail(`spdx-license-ids lists ${id} as both current and deprecated`);
  }
  licenses.set(id, { id, deprecated: true });
}

// spdx-license-ids leaves out the ids that end in "+" (GPL-2.0+ and friends).
// The SPDX list still carries them, deprecated since list 3.0 in favour of
// "-or-later" ids and the "+" operator, so they come back here as deprecated.
// Any other id that spdx-license-ids lacks means the pinned versions are out
// of step.
const plus_ids = [];
for (const id of Object.keys(license_details)) {
  if (licenses.has(id)) {
    continue;
  }
  if (!id.endsWith("+")) {
    fail(`spdx-license-list has ${id}, which spdx-license-ids lacks: pin newer spdx-license-ids`);
  }
  licenses.set(id, { id, deprecated: true });
  plus_ids.push(id);
}

for (const id of current_exceptions) {
  exceptions.set(id, { id, deprecated: false });
}
for (const id of deprecated_exceptions) {
  if (exceptions.has(id)) {
    fail(`spdx-exceptions lists ${id} as both current and deprecated`);
  }
  exceptions.set(id, { id, deprecated: true });
}

// The enum mixes licenses and exceptions. spdx-license-ids must cover every
// license of the enum's list version (checked below), so an enum id that no
// package knows is a newer exception; the SPDX list does not deprecate an
// exception in the release that adds it.
const exceptions_from_enum = [];
for (const id of enum_ids) {
  if (licenses.has(id) || exceptions.has(id)) {
    continue;
  }
  if (!/exception|note/i.test(id) && !k_exceptions_without_marker.has(id)) {
    fail(
      `the CycloneDX enum has ${id}, which no license package knows and whose id does not ` +
        "say whether it is a license or an exception; check it and extend k_exceptions_without_marker",
    );
  }
  exceptions.set(id, { id, deprecated: false });
  exceptions_from_enum.push(id);
}

// The list version is the enum's only if the enum knows every id the license
// packages know; otherwise a package is newer and the version is unknown.
const enum_set = new Set(enum_ids);
const unknown_to_enum = [...licenses.keys(), ...exceptions.keys()].filter((id) => !enum_set.has(id));
if (unknown_to_enum.length > 0) {
  fail(
    `ids newer than the CycloneDX enum (list ${enum_version}): ${unknown_to_enum.join(", ")}; ` +
      "pin a @cyclonedx/cyclonedx-library with a newer enum",
  );
}

// SPDX matches ids case-insensitively, so two ids that differ only in case
// would make lookups ambiguous.
const seen = new Map();
for (const id of [...licenses.keys(), ...exceptions.keys()]) {
  const key = id.toLowerCase();
  if (seen.has(key)) {
    fail(`${id} and ${seen.get(key)} differ only in case`);
  }
  seen.set(key, id);
}

const names_from_enum = [];
const names_missing = [];
const osi_unknown = [];
for (const entry of licenses.values()) {
  const details = license_details[entry.id];
  if (details && typeof details.name === "string") {
    entry.name = details.name;
  } else if (typeof enum_names[entry.id] === "string") {
    entry.name = enum_names[entry.id];
    names_from_enum.push(entry.id);
  } else {
    entry.name = entry.id;
    names_missing.push(entry.id);
  }
  if (details && typeof details.osiApproved === "boolean") {
    entry.osiApproved = details.osiApproved;
  } else {
    entry.osiApproved = false;
    osi_unknown.push(entry.id);
  }
}
for (const entry of exceptions.values()) {
  if (typeof enum_names[entry.id] === "string") {
    entry.name = enum_names[entry.id];
  } else {
    entry.name = entry.id;
    names_missing.push(entry.id);
  }
}

const by_id = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const output = {
  licenseListVersion: enum_version,
  licenses: [...licenses.values()]
    .sort(by_id)
    .map(({ id, name, deprecated, osiApproved }) => ({ id, name, deprecated, osiApproved })),
  exceptions: [...exceptions.values()]
    .sort(by_id)
    .map(({ id, name, deprecated }) => ({ id, name, deprecated })),
};
writeFileSync(args.out, JSON.stringify(output, null, 2) + "\n");

const summary = {
  licenseListVersion: enum_version,
  detailsListVersion: details_version,
  licenseCount: output.licenses.length,
  deprecatedLicenseCount: output.licenses.filter((entry) => entry.deprecated).length,
  osiApprovedCount: output.licenses.filter((entry) => entry.osiApproved).length,
  exceptionCount: output.exceptions.length,
  deprecatedExceptionCount: output.exceptions.filter((entry) => entry.deprecated).length,
  plusIds: plus_ids.sort(),
  exceptionsFromEnum: exceptions_from_enum.sort(),
  namesFromEnum: names_from_enum.sort(),
  namesMissing: names_missing.sort(),
  osiUnknown: osi_unknown.sort(),
};
writeFileSync(args.summary, JSON.stringify(summary, null, 2) + "\n");
