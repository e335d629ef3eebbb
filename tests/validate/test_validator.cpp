// The validator as a library: detection, semantic rules and profiles on
// small documents written out in each test.
#include "report_lookup.hpp"

#include <kensa/validate/validator.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace {

using kensa::testing::has_rule;
using kensa::validate::DocumentReport;
using kensa::validate::Severity;
using kensa::validate::validate_document;
using kensa::validate::ValidationOptions;
using Json = nlohmann::json;

Json minimal_bom() {
  return Json::parse(R"({
    "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
    "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
    "metadata": {
      "timestamp": "2024-05-01T12:00:00Z",
      "component": {"type": "application", "name": "shop", "version": "2.0", "bom-ref": "shop"}
    },
    "components": [
      {"type": "library", "name": "lodash", "version": "4.17.21", "bom-ref": "lodash",
       "purl": "pkg:npm/lodash@4.17.21",
       "licenses": [{"license": {"id": "MIT"}}],
       "hashes": [{"alg": "SHA-256",
                   "content": "6e3b5c1e1d1ff2a6e9a3f1f0d3e5b7c9a1b2c3d4e5f60718293a4b5c6d7e8f90"}]}
    ],
    "dependencies": [{"ref": "shop", "dependsOn": ["lodash"]}, {"ref": "lodash", "dependsOn": []}]
  })");
}

Json minimal_spdx() {
  return Json::parse(R"({
    "spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT",
    "name": "shop", "documentNamespace": "https://example.com/spdx/shop-2.0",
    "creationInfo": {"created": "2024-05-01T12:00:00Z",
                     "creators": ["Organization: Example", "Tool: kensa-0.1.0"]},
    "packages": [
      {"SPDXID": "SPDXRef-shop", "name": "shop", "versionInfo": "2.0",
       "downloadLocation": "NOASSERTION", "supplier": "Organization: Example",
       "licenseConcluded": "MIT",
       "checksums": [{"algorithm": "SHA1", "checksumValue": "da39a3ee5e6b4b0d3255bfef95601890afd80709"}],
       "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl",
                         "referenceLocator": "pkg:npm/shop@2.0"}]},
      {"SPDXID": "SPDXRef-lodash", "name": "lodash", "versionInfo": "4.17.21",
       "downloadLocation": "NOASSERTION", "licenseConcluded": "NOASSERTION"}
    ],
    "relationships": [
      {"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES",
       "relatedSpdxElement": "SPDXRef-shop"},
      {"spdxElementId": "SPDXRef-shop", "relationshipType": "DEPENDS_ON",
       "relatedSpdxElement": "SPDXRef-lodash"}
    ]
  })");
}

DocumentReport check(const Json& document, ValidationOptions options = {}) {
  return validate_document("doc.json", document.dump(), options);
}

DocumentReport check_text(const std::string& text) {
  return validate_document("doc", text, {});
}

std::string listing(const DocumentReport& report) {
  std::string text = report.read_error;
  for (const auto& finding : report.findings) {
    text += "\n" + finding.rule + " " + finding.location + ": " + finding.message;
  }
  return text;
}

} // namespace

TEST_CASE("validator: detection reads family, encoding and version from content",
          "[validate][detect]") {
  using kensa::format::DocumentEncoding;
  using kensa::format::DocumentFamily;
  const auto kind_of = [](const std::string& text) {
    return check_text(text).kind.value_or(kensa::format::DetectedFormat{});
  };
  const auto cdx = kind_of("\xEF\xBB\xBF  " + minimal_bom().dump());
  CHECK(cdx.family == DocumentFamily::cyclonedx);
  CHECK(cdx.spec_version == "1.6");
  const auto xml = kind_of("<?xml version=\"1.0\"?>\n<bom "
                           "xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\"/>");
  CHECK(xml.encoding == DocumentEncoding::xml);
  CHECK(xml.spec_version == "1.5");
  const auto spdx = kind_of(minimal_spdx().dump(2));
  CHECK(spdx.family == DocumentFamily::spdx);
  CHECK(spdx.encoding == DocumentEncoding::json);
  CHECK(spdx.spec_version == "2.3");
  const auto tag = kind_of("SPDXVersion: SPDX-2.2\nDataLicense: CC0-1.0\n");
  CHECK(tag.encoding == DocumentEncoding::tag_value);
  CHECK(tag.spec_version == "2.2");
  CHECK(kind_of("---\nspdxVersion: \"SPDX-2.3\"\nname: x\n").encoding == DocumentEncoding::yaml);
  const auto spdx3 =
      kind_of(R"({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []})");
  CHECK(kensa::format::is_spdx3(spdx3));
  CHECK(spdx3.spec_version == "3.0.1");
  CHECK_FALSE(check_text(R"({"name": "package.json"})").read_error.empty());
  CHECK_FALSE(check_text("<html></html>").read_error.empty());
  // The same detector as the readers': only top-level members count, and
  // SPDX RDF/XML is named for what it is.
  CHECK_FALSE(
      check_text(R"({"name": "x", "example": {"bomFormat": "CycloneDX"}})").read_error.empty());
  const auto rdf =
      check_text(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" )"
                 R"(xmlns:spdx="http://spdx.org/rdf/terms#"><spdx:SpdxDocument/></rdf:RDF>)");
  CHECK(rdf.read_error.find("RDF/XML") != std::string::npos);
  CHECK(check_text(" \n").read_error == "empty document");
}

TEST_CASE("validator: a consistent CycloneDX BOM has no findings", "[validate][semantic]") {
  const auto report = check(minimal_bom());
  INFO(listing(report));
  CHECK(report.read_error.empty());
  CHECK(report.findings.empty());
}

TEST_CASE("validator: CycloneDX references, ids, purls, hashes and licenses are checked",
          "[validate][semantic]") {
  Json bom = minimal_bom();
  bom["components"].push_back(Json::parse(
      R"({"type": "library", "name": "left-pad", "version": "1.3.0", "bom-ref": "lodash",
          "purl": "pkg:npm/left-pad@1.2.0",
          "licenses": [{"license": {"id": "GPL-2.0"}}, {"expression": "MIT OR Bogus-1.0"}],
          "hashes": [{"alg": "SHA-256", "content": "abc"}]})"));
  bom["components"].push_back(
      Json::parse(R"({"type": "library", "name": "dup", "purl": "pkg:npm/lodash@4.17.21"})"));
  bom["dependencies"].push_back(Json::parse(R"({"ref": "ghost", "dependsOn": ["urn:cdx:x/1#y"]})"));
  bom["compositions"] = Json::parse(R"([{"aggregate": "complete", "assemblies": ["nowhere"]}])");
  const auto report = check(bom);
  INFO(listing(report));
  CHECK(has_rule(report, "CDX-BOMREF-UNIQUE", "/components/1/bom-ref"));
  CHECK(has_rule(report, "PURL-MISMATCH", "/components/1/purl"));
  CHECK(has_rule(report, "LICENSE-DEPRECATED", "/components/1/licenses/0/license/id"));
  CHECK(has_rule(report, "LICENSE-EXPRESSION", "/components/1/licenses/1/expression"));
  CHECK(has_rule(report, "HASH-VALUE", "/components/1/hashes/0/content"));
  CHECK(has_rule(report, "CDX-DUPLICATE-PURL", "/components/2/purl"));
  CHECK(has_rule(report, "CDX-REF-DEPENDENCY", "/dependencies/2/ref"));
  // A BOM-Link points into another BOM and is not resolved here.
  CHECK_FALSE(has_rule(report, "CDX-REF-DEPENDENCY", "/dependencies/2/dependsOn/0"));
  CHECK(has_rule(report, "CDX-REF-COMPOSITION", "/compositions/0/assemblies/0"));
}

TEST_CASE("validator: a bom-ref given to identical copies is a warning, to different ones an error",
          "[validate][semantic]") {
  Json bom = minimal_bom();
  // cdxgen names its tool again as the annotator of its annotations.
  const Json tool = Json::parse(R"({"type": "application", "name": "cdxgen", "version": "11",
                                    "bom-ref": "pkg:npm/cdxgen@11"})");
  bom["metadata"]["tools"] = {{"components", {tool}}};
  bom["annotations"] = Json::parse(R"([{"subjects": ["lodash"], "timestamp":
      "2024-05-01T12:00:00Z", "text": "x", "annotator": {}}])");
  bom["annotations"][0]["annotator"]["component"] = tool;
  // (nlohmann writes members in name order: the annotation comes first.)
  const auto repeated = check(bom);
  INFO(listing(repeated));
  CHECK(has_rule(repeated, "CDX-BOMREF-REPEATED", "/metadata/tools/components/0/bom-ref"));
  CHECK_FALSE(has_rule(repeated, "CDX-BOMREF-UNIQUE"));
  CHECK(repeated.count(Severity::error) == 0);
  // The same bom-ref on an element that differs in one value is an error.
  bom["annotations"][0]["annotator"]["component"]["version"] = "12";
  const auto differing = check(bom);
  INFO(listing(differing));
  CHECK(has_rule(differing, "CDX-BOMREF-UNIQUE", "/metadata/tools/components/0/bom-ref"));
  CHECK_FALSE(has_rule(differing, "CDX-BOMREF-REPEATED"));
}

TEST_CASE("validator: a bom-ref repeated inside one formula is a warning", "[validate][semantic]") {
  // As the official valid-formulation-1.5: a task names its workflow's
  // workspace again, described differently.
  Json bom = minimal_bom();
  bom["specVersion"] = "1.5";
  bom["formulation"] = Json::parse(R"([{"bom-ref": "formula-1", "workflows": [
      {"bom-ref": "workflow-1", "uid": "w", "taskTypes": ["build"],
       "workspaces": [{"bom-ref": "workspace-1", "uid": "workspace-1", "name": "My workspace"}],
       "tasks": [{"bom-ref": "task-1", "uid": "t", "taskTypes": ["build"],
                  "workspaces": [{"bom-ref": "workspace-1", "uid": "workspace-uid-1",
                                  "name": "workspace"}]}]}]}])");
  const auto inside = check(bom);
  INFO(listing(inside));
  CHECK(has_rule(inside, "CDX-BOMREF-REPEATED", "/formulation/0/workflows/0/workspaces/0/bom-ref"));
  CHECK(inside.count(Severity::error) == 0);
  // Used once inside and once outside the formula, it is an error.
  bom["components"][0]["bom-ref"] = "workspace-1";
  bom["dependencies"] = Json::array();
  const auto outside = check(bom);
  INFO(listing(outside));
  CHECK(has_rule(outside, "CDX-BOMREF-UNIQUE"));
}

TEST_CASE("validator: Go purls without a namespace are a warning with the reason",
          "[validate][semantic]") {
  Json bom = minimal_bom();
  bom["components"].push_back(Json::parse(R"({"type": "library", "name": "stdlib",
      "version": "1.19.8", "purl": "pkg:golang/stdlib@1.19.8"})"));
  bom["components"].push_back(Json::parse(R"({"type": "library", "name": "go.opencensus.io",
      "version": "v0.24.0", "purl": "pkg:golang/go.opencensus.io@v0.24.0"})"));
  // Still an error: a maven purl without its group.
  bom["components"].push_back(Json::parse(R"({"type": "library", "name": "x",
      "purl": "pkg:maven/x@1"})"));
  // The epoch of an rpm is a qualifier; the component's version has it in front.
  bom["components"].push_back(Json::parse(R"({"type": "library", "name": "bash",
      "version": "2:5.1-1", "purl": "pkg:rpm/redhat/bash@5.1-1?epoch=2"})"));
  const auto report = check(bom);
  INFO(listing(report));
  CHECK(has_rule(report, "PURL-GOLANG-NAMESPACE", "/components/1/purl"));
  CHECK(has_rule(report, "PURL-GOLANG-NAMESPACE", "/components/2/purl"));
  CHECK_FALSE(has_rule(report, "PURL-SYNTAX", "/components/1/purl"));
  CHECK_FALSE(has_rule(report, "PURL-SYNTAX", "/components/2/purl"));
  CHECK_FALSE(has_rule(report, "PURL-MISMATCH", "/components/2/purl"));
  CHECK(has_rule(report, "PURL-SYNTAX", "/components/3/purl"));
  CHECK_FALSE(has_rule(report, "PURL-MISMATCH", "/components/4/purl"));
  for (const auto& finding : report.findings) {
    if (finding.rule == "PURL-GOLANG-NAMESPACE") {
      CHECK(finding.severity == Severity::warning);
      CHECK(finding.message.find("requires") != std::string::npos);
    }
  }
}

TEST_CASE("validator: CycloneDX 1.7 versionRange only on external components",
          "[validate][semantic]") {
  Json bom = minimal_bom();
  bom["specVersion"] = "1.7";
  bom["components"].push_back(
      Json::parse(R"({"type": "library", "name": "ranged", "versionRange": "vers:npm/>=1.0.0"})"));
  bom["components"].push_back(Json::parse(
      R"({"type": "library", "name": "external", "isExternal": true,
          "versionRange": "vers:npm/>=1.0.0"})"));
  const auto report = check(bom);
  INFO(listing(report));
  CHECK(has_rule(report, "CDX-VERSION-RANGE", "/components/1/versionRange"));
  CHECK_FALSE(has_rule(report, "CDX-VERSION-RANGE", "/components/2/versionRange"));
}

TEST_CASE("validator: schema findings and duplicate members are reported with locations",
          "[validate][schema]") {
  Json bom = minimal_bom();
  bom["components"][0].erase("type");
  std::string text = bom.dump();
  text.insert(1, R"("version": 7, )");
  const auto report = validate_document("doc.json", text, {});
  INFO(listing(report));
  CHECK(has_rule(report, "SCHEMA", "/components/0"));
  CHECK(has_rule(report, "JSON-DUPLICATE-KEY", "/version"));
  CHECK(report.count(Severity::error) >= 1);
}

TEST_CASE("validator: a consistent SPDX 2.3 document has no findings", "[validate][semantic]") {
  const auto report = check(minimal_spdx());
  INFO(listing(report));
  CHECK(report.read_error.empty());
  CHECK(report.findings.empty());
}

TEST_CASE("validator: SPDX 2 ids, references, namespace and license refs are checked",
          "[validate][semantic]") {
  Json document = minimal_spdx();
  document["documentNamespace"] = "https://example.com/spdx#part";
  document["packages"][1]["SPDXID"] = "SPDXRef-shop";
  document["packages"][1]["licenseDeclared"] = "LicenseRef-Custom AND Apache-2.0";
  document["relationships"].push_back(Json::parse(
      R"({"spdxElementId": "SPDXRef-nothing", "relationshipType": "CONTAINS",
          "relatedSpdxElement": "NOASSERTION"})"));
  document["creationInfo"]["created"] = "2024-02-30T12:00:00Z";
  const auto report = check(document);
  INFO(listing(report));
  CHECK(has_rule(report, "SPDX-NAMESPACE", "/documentNamespace"));
  CHECK(has_rule(report, "SPDX-ID-UNIQUE", "/packages/1/SPDXID"));
  CHECK(has_rule(report, "SPDX-LICENSEREF", "/packages/1/licenseDeclared"));
  CHECK(has_rule(report, "SPDX-REF-RELATIONSHIP", "/relationships/2/spdxElementId"));
  CHECK_FALSE(has_rule(report, "SPDX-REF-RELATIONSHIP", "/relationships/2/relatedSpdxElement"));
  CHECK(has_rule(report, "TIMESTAMP", "/creationInfo/created"));

  Json undescribed = minimal_spdx();
  undescribed["relationships"].erase(0);
  CHECK(has_rule(check(undescribed), "SPDX-DESCRIBES"));
}

TEST_CASE("validator: profiles report missing, unknown and forbidden elements with coverage",
          "[validate][profiles]") {
  ValidationOptions options;
  options.profiles = {"ntia-2021", "cisa-2026", "bsi-tr-03183-2-v2.1"};
  Json bom = minimal_bom();
  bom["components"][0]["supplier"] = {{"name", "NOASSERTION"}};
  bom["vulnerabilities"] = Json::parse(R"([{"id": "CVE-2021-23337"}])");
  const auto report = check(bom, options);
  INFO(listing(report));
  REQUIRE(report.profiles.size() == 3);

  // NTIA: no SBOM author, and lodash's supplier is only declared unknown.
  const auto& ntia = report.profiles[0];
  CHECK(ntia.id == "ntia-2021");
  CHECK(ntia.components == 2);
  const auto supplier =
      std::find_if(ntia.coverage.begin(), ntia.coverage.end(), [](const auto& coverage) {
        return coverage.element == kensa::validate::Element::component_supplier;
      });
  REQUIRE(supplier != ntia.coverage.end());
  CHECK(supplier->declared_unknown == 1);
  CHECK(supplier->missing == 1);
  CHECK(supplier->percent() == 0.0);
  const auto unknown_supplier =
      std::find_if(report.findings.begin(), report.findings.end(), [](const auto& finding) {
        return finding.rule == "PROFILE-UNKNOWN" && finding.message.starts_with("[ntia-2021]");
      });
  REQUIRE(unknown_supplier != report.findings.end());
  CHECK(unknown_supplier->severity == Severity::error);
  CHECK(unknown_supplier->location == "/components/0");
  CHECK(unknown_supplier->message.find("lodash@4.17.21") != std::string::npos);

  // CISA 2026 lets the author declare the producer unknown: a warning.
  CHECK(std::any_of(report.findings.begin(), report.findings.end(), [](const auto& finding) {
    return finding.rule == "PROFILE-UNKNOWN" && finding.severity == Severity::warning &&
           finding.message.starts_with("[cisa-2026] Component Supplier");
  }));
  // BSI forbids vulnerability data.
  CHECK(std::any_of(report.findings.begin(), report.findings.end(), [](const auto& finding) {
    return finding.rule == "PROFILE-FORBIDDEN" && finding.message.starts_with("[bsi-");
  }));
}

TEST_CASE("validator: BSI v2.1 refuses SPDX 2 and profile aliases resolve",
          "[validate][profiles]") {
  ValidationOptions options;
  options.profiles = {"bsi-tr-03183-2-v2.1"};
  const auto report = check(minimal_spdx(), options);
  CHECK(has_rule(report, "PROFILE-FORMAT"));
  const auto alias = kensa::validate::resolve_profile("cisa");
  REQUIRE(alias);
  CHECK(alias->profile->id == "cisa-2026");
  CHECK(alias->alias == "cisa");
  CHECK(kensa::validate::resolve_profile("asd-ism"));
  CHECK_FALSE(kensa::validate::resolve_profile("fda"));
}

TEST_CASE("validator: SPDX 2 profile facts are read from creators, packages and relationships",
          "[validate][profiles]") {
  ValidationOptions options;
  options.profiles = {"ntia-2021"};
  const auto report = check(minimal_spdx(), options);
  INFO(listing(report));
  REQUIRE(report.profiles.size() == 1);
  for (const auto& coverage : report.profiles[0].coverage) {
    INFO(kensa::validate::element_name(coverage.element));
    if (coverage.element == kensa::validate::Element::component_supplier) {
      CHECK(coverage.present == 1); // lodash has no supplier
      CHECK(coverage.missing == 1);
    } else if (coverage.element == kensa::validate::Element::component_dependencies ||
               coverage.element == kensa::validate::Element::sbom_author ||
               coverage.element == kensa::validate::Element::sbom_timestamp) {
      CHECK(coverage.missing == 0);
    }
  }
}

TEST_CASE("validator: unknown input is a read error", "[validate][detect]") {
  CHECK_FALSE(validate_document("x", "hello", {}).read_error.empty());
  // A tag-value document is read: an almost empty one is not a read error
  // but a document with schema errors.
  const auto tag = validate_document("x.spdx", "SPDXVersion: SPDX-2.3\n", {});
  CHECK(tag.read_error.empty());
  CHECK(tag.count(Severity::error) > 0);
}

TEST_CASE("validator: profiles leave out the file inventory, not components of type file",
          "[validate][profiles]") {
  ValidationOptions options;
  options.profiles = {"ntia-2021"};
  Json bom = minimal_bom();
  // An inventory entry as kensa scan --files writes it, nested in its owner.
  bom["components"][0]["components"] =
      Json::parse(R"([{"type": "file", "bom-ref": "file:lib/x.so", "name": "lib/x.so"}])");
  // A component that happens to be a file (a model, a firmware image).
  bom["components"].push_back(
      Json::parse(R"({"type": "file", "bom-ref": "model", "name": "classifier.onnx"})"));
  bom["dependencies"].push_back(Json::parse(R"({"ref": "model", "dependsOn": []})"));
  const auto report = check(bom, options);
  INFO(listing(report));
  REQUIRE(report.profiles.size() == 1);
  CHECK(report.profiles[0].components == 3);
  CHECK(std::none_of(report.findings.begin(), report.findings.end(), [](const auto& finding) {
    return finding.message.find("lib/x.so") != std::string::npos;
  }));
  CHECK(std::any_of(report.findings.begin(), report.findings.end(), [](const auto& finding) {
    return finding.rule == "PROFILE-MISSING" &&
           finding.message.find("classifier.onnx") != std::string::npos;
  }));
}

TEST_CASE("validator: CycloneDX XML gets the semantic rules and the profiles",
          "[validate][profiles][xml]") {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6"
     serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata>
    <timestamp>2024-05-01T12:00:00Z</timestamp>
    <component type="application" bom-ref="shop"><name>shop</name><version>2.0</version></component>
  </metadata>
  <components>
    <component type="library" bom-ref="lodash">
      <name>lodash</name>
      <version>4.17.21</version>
      <purl>pkg:npm/lodash@4.17.21</purl>
    </component>
    <component type="library" bom-ref="lodash-again">
      <supplier><name>Example</name></supplier>
      <name>lodash</name>
      <version>4.17.21</version>
      <purl>pkg:npm/lodash@4.17.21</purl>
    </component>
  </components>
  <dependencies>
    <dependency ref="shop"><dependency ref="lodash"/></dependency>
    <dependency ref="lodash"><dependency ref="missing"/></dependency>
  </dependencies>
</bom>
)";
  ValidationOptions options;
  options.profiles = {"ntia-2021"};
  const auto report = validate_document("bom.xml", xml, options);
  INFO(listing(report));
  REQUIRE(report.read_error.empty());
  CHECK_FALSE(has_rule(report, "SCHEMA"));
  CHECK(has_rule(report, "CDX-DUPLICATE-PURL"));
  CHECK(has_rule(report, "CDX-REF-DEPENDENCY"));
  REQUIRE(report.profiles.size() == 1);
  CHECK(report.profiles[0].components == 3);
  // The first lodash has no supplier; the second has one.
  CHECK(std::any_of(report.findings.begin(), report.findings.end(), [](const auto& finding) {
    return finding.rule == "PROFILE-MISSING" && finding.location == "/components/0" &&
           finding.message.find("Supplier") != std::string::npos;
  }));
  CHECK(std::none_of(report.findings.begin(), report.findings.end(), [](const auto& finding) {
    return finding.location == "/components/1" &&
           finding.message.find("Supplier") != std::string::npos;
  }));
}

// The XML schema check reads the document as a stream (no tree of it is
// built): errors carry their line, identity constraints (unique bom-refs)
// still hold, and no element path is guessed from a partial tree.
TEST_CASE("validator: CycloneDX XML schema errors come with their line", "[validate][xml]") {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">\n"
      "  <components>\n"
      "    <component type=\"library\" bom-ref=\"a\"><name>a</name></component>\n"
      "    <component type=\"library\" bom-ref=\"a\"><name>b</name></component>\n"
      "    <component type=\"no-such-type\"><name>c</name></component>\n"
      "  </components>\n"
      "</bom>\n";
  const auto report = validate_document("bom.xml", xml, ValidationOptions{});
  INFO(listing(report));
  std::vector<std::size_t> lines;
  for (const auto& finding : report.findings) {
    if (finding.rule == "SCHEMA") {
      lines.push_back(finding.line);
      CHECK(finding.location.empty());
    }
  }
  CHECK(std::find(lines.begin(), lines.end(), 5U) != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), 6U) != lines.end());
}
