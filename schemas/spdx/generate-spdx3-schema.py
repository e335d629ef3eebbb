#!/usr/bin/env python3
"""Writes kensa's JSON schema for SPDX 3.0.1 documents in JSON-LD form
(spdx-3.0.1.schema.json beside this script).

It covers the shape of the graph for the Core, Software and SimpleLicensing
profiles, from the SPDX 3.0.1 model: a document is an object with the 3.0.1
"@context" and an "@graph" array; every graph node has a "type"; nodes of
the classes below are checked property by property (unknown properties are
errors, as in the model's closed classes); nodes of other classes (Security,
AI, Dataset, Build, ExpandedLicensing, extensions) only need a "type" and
are left to a full SPDX 3 reader. Run it after editing a table.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

STRING = {"type": "string"}
BOOLEAN = {"type": "boolean"}
# Core/Properties/created and friends: a UTC date-time "YYYY-MM-DDThh:mm:ssZ".
DATE_TIME = {"type": "string", "pattern": "^\\d\\d\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"}
# Core/Datatypes/SemVer.
SEMVER = {"type": "string",
          "pattern": "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                     "(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$"}


def enum(values):
    return {"type": "string", "enum": values}


def strings(min_items=None):
    schema = {"type": "array", "items": STRING}
    if min_items:
        schema["minItems"] = min_items
    return schema


def ref(name):
    return {"$ref": "#/$defs/" + name}


def array_of(name):
    return {"type": "array", "items": ref(name)}


# Core/Properties/spdxId: an IRI. A node reference (creationInfo, @id) may
# also be a blank node "_:name".
IRI = {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9+.-]*:"}
NODE_ID = {"type": "string", "pattern": "^(_:|[A-Za-z][A-Za-z0-9+.-]*:)"}

# A reference to another element: its IRI (or blank node id), or the element
# written inline.
ELEMENT_REF = {"anyOf": [STRING, {"type": "object", "required": ["type"]}]}

HASH_ALGORITHMS = ["adler32", "blake2b256", "blake2b384", "blake2b512", "blake3",
                   "crystalsDilithium", "crystalsKyber", "falcon", "md2", "md4", "md5", "md6",
                   "other", "sha1", "sha224", "sha256", "sha384", "sha3_224", "sha3_256",
                   "sha3_384", "sha3_512", "sha512"]
RELATIONSHIP_TYPES = [
    "affects", "amendedBy", "ancestorOf", "availableFrom", "configures", "contains",
    "coordinatedBy", "copiedTo", "delegatedTo", "dependsOn", "descendantOf", "describes",
    "doesNotAffect", "expandsTo", "exploitCreatedBy", "fixedBy", "fixedIn", "foundBy",
    "generates", "hasAddedFile", "hasAssessmentFor", "hasAssociatedVulnerability",
    "hasConcludedLicense", "hasDataFile", "hasDeclaredLicense", "hasDeletedFile",
    "hasDependencyManifest", "hasDistributionArtifact", "hasDocumentation", "hasDynamicLink",
    "hasEvidence", "hasExample", "hasHost", "hasInput", "hasMetadata", "hasOptionalComponent",
    "hasOptionalDependency", "hasOutput", "hasPrerequisite", "hasProvidedDependency",
    "hasRequirement", "hasSpecification", "hasStaticLink", "hasTest", "hasTestCase",
    "hasVariant", "invokedBy", "modifiedBy", "other", "packagedBy", "patchedBy", "publishedBy",
    "reportedBy", "republishedBy", "serializedInArtifact", "testedOn", "trainedOn",
    "underInvestigationFor", "usesTool"]
PURPOSES = ["application", "archive", "bom", "configuration", "container", "data", "device",
            "deviceDriver", "diskImage", "documentation", "evidence", "executable", "file",
            "filesystemImage", "firmware", "framework", "install", "library", "manifest",
            "model", "module", "operatingSystem", "other", "patch", "platform", "requirement",
            "source", "specification", "test"]
IDENTIFIER_TYPES = ["cpe22", "cpe23", "cve", "email", "gitoid", "other", "packageUrl",
                    "securityOther", "swhid", "swid", "urlScheme"]
PROFILES = ["ai", "build", "core", "dataset", "expandedLicensing", "extension", "lite",
            "security", "simpleLicensing", "software"]
SBOM_TYPES = ["analyzed", "build", "deployed", "design", "runtime", "source"]

# Core/Classes/Element: what every element may carry.
ELEMENT = {
    "type": STRING, "spdxId": IRI, "creationInfo": {"anyOf": [NODE_ID, ref("CreationInfo")]},
    "name": STRING, "summary": STRING, "description": STRING, "comment": STRING,
    "verifiedUsing": array_of("IntegrityMethod"), "externalRef": array_of("ExternalRef"),
    "externalIdentifier": array_of("ExternalIdentifier"),
    "extension": {"type": "array", "items": {"type": "object"}},
}
ELEMENT_REQUIRED = ["type", "spdxId", "creationInfo"]
# Core/Classes/ElementCollection.
COLLECTION = {
    "element": strings(), "rootElement": strings(),
    "profileConformance": {"type": "array", "items": enum(PROFILES)},
}
# Core/Classes/Artifact.
ARTIFACT = {
    "originatedBy": strings(), "suppliedBy": STRING, "builtTime": DATE_TIME,
    "releaseTime": DATE_TIME, "validUntilTime": DATE_TIME, "standardName": strings(),
    "supportLevel": {"type": "array", "items": STRING},
}
# Software/Classes/SoftwareArtifact.
SOFTWARE_ARTIFACT = {
    "software_primaryPurpose": enum(PURPOSES),
    "software_additionalPurpose": {"type": "array", "items": enum(PURPOSES)},
    "software_copyrightText": STRING, "software_attributionText": strings(),
    "software_contentIdentifier": {"type": "array", "items": {"type": "object"}},
}


def element_class(type_name, *extra, required=()):
    properties = dict(ELEMENT)
    for part in extra:
        properties.update(part)
    properties["type"] = {"const": type_name}
    return {"type": "object", "properties": properties,
            "required": ELEMENT_REQUIRED + list(required), "additionalProperties": False}


def node_class(type_name, properties, required=()):
    properties = dict(properties)
    properties["type"] = {"const": type_name}
    return {"type": "object", "properties": properties, "required": ["type"] + list(required),
            "additionalProperties": False}


CLASSES = {
    "CreationInfo": node_class("CreationInfo", {
        "@id": NODE_ID, "specVersion": SEMVER, "created": DATE_TIME, "createdBy": strings(1),
        "createdUsing": strings(), "comment": STRING}, ["specVersion", "created", "createdBy"]),
    "Hash": node_class("Hash", {"algorithm": enum(HASH_ALGORITHMS), "hashValue": STRING,
                                "comment": STRING}, ["algorithm", "hashValue"]),
    "ExternalIdentifier": node_class("ExternalIdentifier", {
        "externalIdentifierType": enum(IDENTIFIER_TYPES), "identifier": STRING,
        "comment": STRING, "identifierLocator": strings(), "issuingAuthority": STRING},
        ["externalIdentifierType", "identifier"]),
    "ExternalRef": node_class("ExternalRef", {
        "externalRefType": STRING, "locator": strings(), "contentType": STRING,
        "comment": STRING}),
    "Person": element_class("Person"),
    "Organization": element_class("Organization"),
    "SoftwareAgent": element_class("SoftwareAgent"),
    "Agent": element_class("Agent"),
    "Tool": element_class("Tool"),
    "SpdxDocument": element_class("SpdxDocument", COLLECTION, {
        "dataLicense": STRING, "import": {"type": "array", "items": {"type": "object"}},
        "namespaceMap": {"type": "array", "items": {"type": "object"}}}),
    "Bom": element_class("Bom", COLLECTION),
    "Bundle": element_class("Bundle", COLLECTION, {"context": STRING}),
    "software_Sbom": element_class("software_Sbom", COLLECTION, {
        "software_sbomType": {"type": "array", "items": enum(SBOM_TYPES)}}),
    "software_Package": element_class("software_Package", ARTIFACT, SOFTWARE_ARTIFACT, {
        "software_packageVersion": STRING, "software_downloadLocation": STRING,
        "software_packageUrl": STRING, "software_homePage": STRING,
        "software_sourceInfo": STRING}),
    "software_File": element_class("software_File", ARTIFACT, SOFTWARE_ARTIFACT, {
        "software_fileKind": enum(["directory", "file"]), "contentType": STRING}),
    "software_Snippet": element_class("software_Snippet", ARTIFACT, SOFTWARE_ARTIFACT, {
        "software_byteRange": {"type": "object"}, "software_lineRange": {"type": "object"},
        "software_snippetFromFile": STRING}, required=["software_snippetFromFile"]),
    "Relationship": element_class("Relationship", {
        "from": IRI, "to": {"type": "array", "items": IRI, "minItems": 1}, "relationshipType": enum(RELATIONSHIP_TYPES),
        "completeness": enum(["complete", "incomplete", "noAssertion"]),
        "startTime": DATE_TIME, "endTime": DATE_TIME}, required=["from", "to",
                                                                "relationshipType"]),
    "LifecycleScopedRelationship": element_class("LifecycleScopedRelationship", {
        "from": IRI, "to": {"type": "array", "items": IRI, "minItems": 1}, "relationshipType": enum(RELATIONSHIP_TYPES),
        "completeness": enum(["complete", "incomplete", "noAssertion"]),
        "startTime": DATE_TIME, "endTime": DATE_TIME,
        "scope": enum(["build", "design", "development", "other", "runtime", "test"])},
        required=["from", "to", "relationshipType"]),
    "Annotation": element_class("Annotation", {
        "annotationType": enum(["other", "review"]), "subject": STRING, "statement": STRING,
        "contentType": STRING}, required=["annotationType", "subject"]),
    "simplelicensing_LicenseExpression": element_class("simplelicensing_LicenseExpression", {
        "simplelicensing_licenseExpression": STRING,
        "simplelicensing_licenseListVersion": SEMVER,
        "simplelicensing_customIdToUri": {"type": "array", "items": {"type": "object"}}},
        required=["simplelicensing_licenseExpression"]),
    "simplelicensing_SimpleLicensingText": element_class("simplelicensing_SimpleLicensingText", {
        "simplelicensing_licenseText": STRING}, required=["simplelicensing_licenseText"]),
}

# Core classes this schema does not check property by property.
OTHER_CORE_CLASSES = ["Artifact", "DictionaryEntry", "ExternalMap", "IndividualElement",
                      "NamespaceMap", "PackageVerificationCode", "PositiveIntegerRange",
                      "NoneElement", "NoAssertionElement", "IntegrityMethod", "Element",
                      "ElementCollection"]
# Classes of the other profiles carry their profile's prefix.
OTHER_PROFILE_CLASS = "^(ai|build|dataset|expandedLicensing|extension|security|simplelicensing|software)_[A-Za-z]+$"

# A graph node: checked against its class when kensa knows it; its type must
# name an SPDX 3.0.1 class either way.
node = {"type": "object", "required": ["type"],
        "properties": {"type": {"anyOf": [enum(sorted(list(CLASSES) + OTHER_CORE_CLASSES)),
                                          {"type": "string", "pattern": OTHER_PROFILE_CLASS}]}},
        "allOf": []}
for name in CLASSES:
    node["allOf"].append({"if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                          "then": ref(name)})

defs = dict(CLASSES)
defs["IntegrityMethod"] = {"anyOf": [ref("Hash"), {"type": "object", "required": ["type"],
                                                   "not": {"properties": {"type": {"const": "Hash"}}}}]}
defs["GraphNode"] = node

schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://kensa.invalid/schema/spdx-3.0.1.schema.json",
    "title": "SPDX 3.0.1 document (JSON-LD), kensa's schema for Core, Software and "
             "SimpleLicensing",
    "type": "object",
    "properties": {
        "@context": {"const": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"},
        "@graph": {"type": "array", "items": ref("GraphNode")},
    },
    "required": ["@context", "@graph"],
    "additionalProperties": False,
    "$defs": defs,
}

(HERE / "spdx-3.0.1.schema.json").write_text(json.dumps(schema, indent=2) + "\n")
