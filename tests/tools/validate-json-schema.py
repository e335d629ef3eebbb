#!/usr/bin/python3
"""Validates JSON documents against a bundled schema with python3-jsonschema.

Usage: validate-json-schema.py SCHEMA_DIR SCHEMA_FILE DOCUMENT...

Documents named *.yaml or *.yml are read as YAML (SPDX YAML has the
structure of SPDX JSON).

An independent check of kensa's writers: references between the bundled
schemas are resolved by their $id from SCHEMA_DIR, never over the network.
Exits 1 and prints every error when a document does not validate.
"""
import json
import pathlib
import sys

import jsonschema
import jsonschema._utils
import jsonschema._validators


def _extras_message(extras):
    # python3-jsonschema 4.10 (Debian 12) sorts the extra items to name them
    # in a message and raises TypeError when they are objects, which happens
    # inside oneOf for a valid CycloneDX "licenses" array of several entries.
    verb = "was" if len(extras) == 1 else "were"
    return ", ".join(sorted(repr(extra) for extra in extras)), verb


jsonschema._utils.extras_msg = _extras_message
jsonschema._validators.extras_msg = _extras_message


def main() -> int:
    schema_dir = pathlib.Path(sys.argv[1])
    store = {}
    for path in schema_dir.rglob("*.json"):
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(schema, dict) and "$id" in schema:
            store[schema["$id"]] = schema
            # The published files are named *.SNAPSHOT.* and refer to each
            # other by those file names, relative to their $id.
            base = schema["$id"].rsplit("/", 1)[0]
            store[f"{base}/{path.name}"] = schema
    schema = json.loads((schema_dir / sys.argv[2]).read_text(encoding="utf-8"))
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, resolver=resolver,
                                format_checker=jsonschema.FormatChecker())
    failed = False
    for document_path in sys.argv[3:]:
        text = pathlib.Path(document_path).read_text(encoding="utf-8")
        if document_path.endswith((".yaml", ".yml")):
            # SPDX YAML is the JSON structure in YAML (python3-yaml).
            import yaml
            document = yaml.safe_load(text)
        else:
            document = json.loads(text)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            failed = True
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{document_path}: /{location}: {error.message}")
        if not errors:
            print(f"{document_path}: valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
