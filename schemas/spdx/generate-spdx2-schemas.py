#!/usr/bin/env python3
"""Writes kensa's JSON schemas for SPDX 2.2 and 2.3 documents in JSON form
(spdx-2.2.schema.json, spdx-2.3.schema.json beside this script).

The tables below follow the field definitions of the SPDX specification
(2.3: clauses 6 to 12 and Annex; 2.2.2 for 2.2): each field's JSON name, its
type and whether its cardinality makes it mandatory. Constraints the
specification states in prose but JSON Schema cannot (references resolve,
license expressions parse, digests have the right length) are kensa's
semantic rules, not part of these schemas. Run it after editing a table;
docs/validate/spdx-schemas.md says how the result is checked against the
official schema.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}


def array(items, min_items=None):
    schema = {"type": "array", "items": items}
    if min_items is not None:
        schema["minItems"] = min_items
    return schema


def obj(properties, required=()):
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def ref(name):
    return {"$ref": "#/definitions/" + name}


# Clause 8.4 / 7.10: checksum algorithms. 2.3 added SHA3, BLAKE2b, BLAKE3, ADLER32.
ALGORITHMS_2_2 = ["SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "MD2", "MD4", "MD5", "MD6"]
ALGORITHMS_2_3 = ALGORITHMS_2_2 + ["SHA3-256", "SHA3-384", "SHA3-512", "BLAKE2b-256",
                                   "BLAKE2b-384", "BLAKE2b-512", "BLAKE3", "ADLER32"]

# Clause 11.1: relationship types. 2.3 added the last two.
RELATIONSHIPS_2_2 = [
    "DESCRIBES", "DESCRIBED_BY", "CONTAINS", "CONTAINED_BY", "DEPENDS_ON", "DEPENDENCY_OF",
    "DEPENDENCY_MANIFEST_OF", "BUILD_DEPENDENCY_OF", "DEV_DEPENDENCY_OF",
    "OPTIONAL_DEPENDENCY_OF", "PROVIDED_DEPENDENCY_OF", "TEST_DEPENDENCY_OF",
    "RUNTIME_DEPENDENCY_OF", "EXAMPLE_OF", "GENERATES", "GENERATED_FROM", "ANCESTOR_OF",
    "DESCENDANT_OF", "VARIANT_OF", "DISTRIBUTION_ARTIFACT", "PATCH_FOR", "PATCH_APPLIED",
    "COPY_OF", "FILE_ADDED", "FILE_DELETED", "FILE_MODIFIED", "EXPANDED_FROM_ARCHIVE",
    "DYNAMIC_LINK", "STATIC_LINK", "DATA_FILE_OF", "TEST_CASE_OF", "BUILD_TOOL_OF",
    "DEV_TOOL_OF", "TEST_OF", "TEST_TOOL_OF", "DOCUMENTATION_OF", "OPTIONAL_COMPONENT_OF",
    "METAFILE_OF", "PACKAGE_OF", "AMENDS", "PREREQUISITE_FOR", "HAS_PREREQUISITE", "OTHER"]
RELATIONSHIPS_2_3 = RELATIONSHIPS_2_2 + ["REQUIREMENT_DESCRIPTION_FOR", "SPECIFICATION_FOR"]

# Clause 8.21 (external reference categories); both spellings are in use.
REFERENCE_CATEGORIES = ["SECURITY", "PACKAGE-MANAGER", "PACKAGE_MANAGER", "PERSISTENT-ID",
                        "PERSISTENT_ID", "OTHER"]
# Clause 7.24 (2.3 only): primary package purpose.
PURPOSES = ["APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "OPERATING_SYSTEM", "DEVICE",
            "FIRMWARE", "SOURCE", "ARCHIVE", "FILE", "INSTALL", "OTHER"]
# Clause 8.3: file types.
FILE_TYPES = ["SOURCE", "BINARY", "ARCHIVE", "APPLICATION", "AUDIO", "IMAGE", "TEXT", "VIDEO",
              "DOCUMENTATION", "SPDX", "OTHER"]


def build(version):
    v23 = version == "2.3"
    algorithms = ALGORITHMS_2_3 if v23 else ALGORITHMS_2_2
    definitions = {
        "checksum": obj({"algorithm": {"type": "string", "enum": algorithms},
                         "checksumValue": STRING}, ["algorithm", "checksumValue"]),
        # Clause 12: annotations; every field 1..1.
        "annotation": obj({"annotationDate": STRING,
                           "annotationType": {"type": "string", "enum": ["REVIEW", "OTHER"]},
                           "annotator": STRING, "comment": STRING},
                          ["annotationDate", "annotationType", "annotator", "comment"]),
        # Snippet ranges (clause 9.3, 9.4): a start and an end pointer.
        "pointer": obj({"reference": STRING, "offset": INTEGER, "lineNumber": INTEGER},
                       ["reference"]),
    }
    annotations = array(ref("annotation"))

    # Clause 7: package information. 2.2 makes the license and copyright
    # fields mandatory; 2.3 relaxes them to 0..1.
    package_properties = {
        "SPDXID": STRING, "name": STRING, "versionInfo": STRING, "packageFileName": STRING,
        "supplier": STRING, "originator": STRING, "downloadLocation": STRING,
        "filesAnalyzed": BOOLEAN,
        "packageVerificationCode": obj({
            "packageVerificationCodeValue": STRING,
            "packageVerificationCodeExcludedFiles": array(STRING)},
            ["packageVerificationCodeValue"]),
        "checksums": array(ref("checksum")), "homepage": STRING, "sourceInfo": STRING,
        "licenseConcluded": STRING, "licenseInfoFromFiles": array(STRING),
        "licenseDeclared": STRING, "licenseComments": STRING, "copyrightText": STRING,
        "summary": STRING, "description": STRING, "comment": STRING,
        "externalRefs": array(obj({
            "referenceCategory": {"type": "string", "enum": REFERENCE_CATEGORIES},
            "referenceType": STRING, "referenceLocator": STRING, "comment": STRING},
            ["referenceCategory", "referenceType", "referenceLocator"])),
        "attributionTexts": array(STRING), "hasFiles": array(STRING),
        "annotations": annotations,
    }
    package_required = ["SPDXID", "name", "downloadLocation"]
    if v23:
        package_properties.update({
            "primaryPackagePurpose": {"type": "string", "enum": PURPOSES},
            "releaseDate": STRING, "builtDate": STRING, "validUntilDate": STRING})
    else:
        package_required += ["licenseConcluded", "licenseDeclared", "copyrightText"]

    # Clause 8: file information.
    file_required = ["SPDXID", "fileName", "checksums"]
    if not v23:
        file_required += ["licenseConcluded", "licenseInfoInFiles", "copyrightText"]
    file_properties = {
        "SPDXID": STRING, "fileName": STRING,
        "fileTypes": array({"type": "string", "enum": FILE_TYPES}),
        "checksums": array(ref("checksum"), 1), "licenseConcluded": STRING,
        "licenseInfoInFiles": array(STRING, None if v23 else 1), "licenseComments": STRING,
        "copyrightText": STRING, "comment": STRING, "noticeText": STRING,
        "fileContributors": array(STRING), "attributionTexts": array(STRING),
        "fileDependencies": array(STRING),
        # Deprecated since 2.0 (artifactOf); kept readable.
        "artifactOfs": array({"type": "object"}),
        "annotations": annotations,
    }

    # Clause 9: snippet information.
    snippet_required = ["SPDXID", "name", "snippetFromFile", "ranges"]
    if not v23:
        snippet_required += ["licenseConcluded", "copyrightText"]
    snippet_properties = {
        "SPDXID": STRING, "snippetFromFile": STRING, "name": STRING,
        "ranges": array(obj({"startPointer": ref("pointer"), "endPointer": ref("pointer")},
                            ["startPointer", "endPointer"]), 1),
        "licenseConcluded": STRING, "licenseInfoInSnippets": array(STRING),
        "licenseComments": STRING, "copyrightText": STRING, "comment": STRING,
        "attributionTexts": array(STRING), "annotations": annotations,
    }

    # Clause 6: document creation information. documentNamespace is 1..1 in
    # both versions.
    document_properties = {
        "$schema": STRING,
        "spdxVersion": STRING, "dataLicense": STRING, "SPDXID": STRING, "name": STRING,
        "documentNamespace": STRING,
        "externalDocumentRefs": array(obj({
            "externalDocumentId": STRING, "spdxDocument": STRING, "checksum": ref("checksum")},
            ["externalDocumentId", "spdxDocument", "checksum"])),
        "creationInfo": obj({"creators": array(STRING, 1), "created": STRING,
                             "comment": STRING, "licenseListVersion": STRING},
                            ["creators", "created"]),
        "comment": STRING,
        "documentDescribes": array(STRING),
        # Clause 10: other licensing information.
        "hasExtractedLicensingInfos": array(obj({
            "licenseId": STRING, "extractedText": STRING, "name": STRING, "comment": STRING,
            "seeAlsos": array(STRING),
            "crossRefs": array(obj({"url": STRING, "isValid": BOOLEAN, "isLive": BOOLEAN,
                                    "isWayBackLink": BOOLEAN, "match": STRING,
                                    "order": INTEGER, "timestamp": STRING}, ["url"]))},
            ["licenseId", "extractedText"])),
        "packages": array(obj(package_properties, package_required)),
        "files": array(obj(file_properties, file_required)),
        "snippets": array(obj(snippet_properties, snippet_required)),
        # Clause 11: relationships.
        "relationships": array(obj({
            "spdxElementId": STRING, "relatedSpdxElement": STRING,
            "relationshipType": {"type": "string",
                                 "enum": RELATIONSHIPS_2_3 if v23 else RELATIONSHIPS_2_2},
            "comment": STRING}, ["spdxElementId", "relatedSpdxElement", "relationshipType"])),
        "annotations": annotations,
        # Review information (deprecated since 2.0 in favour of annotations).
        "revieweds": array(obj({"reviewDate": STRING, "reviewer": STRING, "comment": STRING},
                               ["reviewDate"])),
    }
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://kensa.invalid/schema/spdx-" + version + ".schema.json",
        "title": "SPDX " + version + " document (JSON), kensa's schema from the specification",
        "type": "object",
        "properties": document_properties,
        "required": ["spdxVersion", "dataLicense", "SPDXID", "name", "documentNamespace",
                     "creationInfo"],
        "additionalProperties": False,
        "definitions": definitions,
    }
    return schema


for version in ("2.2", "2.3"):
    path = HERE / ("spdx-" + version + ".schema.json")
    path.write_text(json.dumps(build(version), indent=2) + "\n")
