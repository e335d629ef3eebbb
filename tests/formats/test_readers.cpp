// Readers: every format kensa writes reads back (write → read → write gives
// the same text), conversions between the families keep what matters, and
// the official examples and hostile input are read without a crash.
#include "../support/test_support.hpp"
#include "format_fixture.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/format/writer.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <tuple>

using namespace kensa;

namespace {

model::Document read_back(const std::string& text, const std::string& name) {
  auto read = format::read_document(text, name);
  INFO(name);
  REQUIRE(read.ok());
  return std::move(read->document);
}

std::vector<std::string> every_spec() {
  std::vector<std::string> specs;
  for (const auto& format : format::output_formats()) {
    if (format.name == "table" || format.name == "table-wide" || format.name == "purls") {
      continue; // Listings, not documents: there is nothing to read back.
    }
    for (auto version : format.versions) {
      specs.push_back(std::string(format.name) + "@" + std::string(version));
    }
    if (format.versions.empty()) {
      specs.emplace_back(format.name);
    }
  }
  return specs;
}

// What a conversion between any two families must keep.
struct Essentials {
  std::set<std::string> purls;
  std::set<std::tuple<std::string, std::string, std::string>> name_versions;
  std::set<std::pair<std::string, std::string>> licenses;
  std::set<std::pair<std::string, std::string>> hashes;
  std::set<std::pair<std::string, std::string>> edges;
};

Essentials essentials(const model::Document& document, bool with_blake3) {
  Essentials out;
  std::map<std::string, std::string> name_of;
  if (document.metadata.subject) {
    name_of[document.metadata.subject->id] = "(subject)";
  }
  for (const auto& component : document.components) {
    std::string key = component.purl.empty() ? component.name : component.purl;
    name_of[component.id] = key;
    if (!component.purl.empty()) {
      out.purls.insert(component.purl);
    }
    out.name_versions.insert({component.group, component.name, component.version});
    for (const auto* list : {&component.licenses_declared, &component.licenses_concluded}) {
      for (const auto& license : *list) {
        out.licenses.insert({key, license.expression.empty() ? license.name : license.expression});
      }
    }
    for (const auto& hash : component.hashes) {
      if (hash.algorithm != model::HashAlgorithm::blake3 || with_blake3) {
        out.hashes.insert({key, hash.hex});
      }
    }
  }
  for (const auto& relationship : document.relationships) {
    if (relationship.type != model::RelationshipType::contains) {
      out.edges.insert({name_of[relationship.from], name_of[relationship.to]});
    }
  }
  return out;
}

} // namespace

TEST_CASE("readers: write, read and write again gives the same text", "[formats][readers]") {
  auto document = testing::every_field_document();
  for (const auto& spec : every_spec()) {
    INFO(spec);
    std::string first = testing::render_as(document, spec);
    auto read = format::read_document(first, spec);
    REQUIRE(read.ok());
    CHECK(read->document.components.size() == document.components.size());
    std::string second = testing::render_as(read->document, spec);
    CHECK(second == first);
  }
}

TEST_CASE("readers: kensa-json keeps the whole model", "[formats][readers]") {
  auto document = testing::every_field_document();
  auto read = read_back(testing::render_as(document, "kensa-json"), "kensa-json");
  CHECK(read.components.size() == document.components.size());
  for (std::size_t i = 0; i < document.components.size(); ++i) {
    CHECK(read.components[i].id == document.components[i].id);
    CHECK(read.components[i].evidence == document.components[i].evidence);
    CHECK(read.components[i].licenses_declared == document.components[i].licenses_declared);
    CHECK(read.components[i].supplier == document.components[i].supplier);
  }
  CHECK(read.relationships == document.relationships);
  CHECK(read.files == document.files);
  CHECK(read.diagnostics == document.diagnostics);
  CHECK(read.metadata.properties == document.metadata.properties);
}

TEST_CASE("readers: conversions between the families keep components, licenses, hashes and edges",
          "[formats][readers][convert]") {
  auto document = testing::every_field_document();
  const std::vector<std::string> families{"cyclonedx-json@1.6", "cyclonedx-xml@1.7",
                                          "spdx-json@2.3",      "spdx-tag-value@2.3",
                                          "spdx-yaml@2.3",      "spdx-json@3.0"};
  for (const auto& from : families) {
    for (const auto& to : families) {
      INFO(from << " -> " << to << " -> " << from);
      // Through the other family and back, as a user converting a vendor's
      // SBOM and then returning it would.
      auto first = read_back(testing::render_as(document, from), from);
      auto middle = read_back(testing::render_as(first, to), to);
      auto last = read_back(testing::render_as(middle, from), from);
      // BLAKE3 is in no SPDX 2 version: a counted loss.
      bool blake3 = to.find("spdx-json@3") == 0 || to.find("cyclonedx") == 0;
      auto expected = essentials(first, blake3);
      auto got = essentials(last, blake3);
      CHECK(got.purls == expected.purls);
      CHECK(got.name_versions == expected.name_versions);
      CHECK(got.licenses == expected.licenses);
      CHECK(got.hashes == expected.hashes);
      CHECK(got.edges == expected.edges);
    }
  }
}

TEST_CASE("readers: losses are counted, not silent", "[formats][readers][convert]") {
  auto document = testing::every_field_document();
  format::LossReport losses;
  testing::render_as(document, "spdx-json@2.2", &losses);
  bool blake3 = false;
  for (const auto& [field, count] : losses.entries()) {
    blake3 |= field.find("BLAKE3") != std::string::npos && count == 1;
  }
  CHECK(blake3);
  // SPDX has no field for a tool's vendor (but kensa's own, which readers
  // give back) nor for most document properties;
  // the LicenseRef- texts and the document name it does carry.
  auto with_extras = document;
  with_extras.metadata.tools.push_back({"Example Corp", "scanner", "2.0"});
  with_extras.metadata.properties.push_back({"kensa:spdx:document-name", "release"});
  with_extras.metadata.properties.push_back({"kensa:spdx:license-text:LicenseRef-x", "text"});
  for (const std::string spec : {"spdx-json@2.3", "spdx-tag-value@2.3", "spdx-json@3.0"}) {
    INFO(spec);
    format::LossReport spdx_losses;
    testing::render_as(with_extras, spec, &spdx_losses);
    CHECK(spdx_losses.entries().at("tool vendors (SPDX has no field for them)") == 1);
    CHECK(spdx_losses.entries().at("document properties (SPDX has no field for them)") ==
          document.metadata.properties.size());
    CHECK(spdx_losses.entries().at("completeness (SPDX has no field for it)") == 1);
    // SPDX 3 has an SBOM type for the every-field document's phase, SPDX 2
    // a line of the creator comment.
    CHECK(spdx_losses.entries().count("lifecycle phase (SPDX 2 has no field for it)") == 0);
    // The app's supplier has a URL: SPDX 3 agents carry it, SPDX 2 actors not.
    CHECK(spdx_losses.entries().count("supplier URL (SPDX 2 has no field for it)") ==
          (spec.ends_with("3.0") ? 0U : 1U));
  }
}

// SPDX 3 names a license that is not on the SPDX list through a
// LicenseRef- and a SimpleLicensingText element: its text and name reach an
// SPDX 2 document, and a license name kensa wrote reads back as a name.
TEST_CASE("readers: SPDX 3 LicenseRef texts survive conversion", "[formats][readers][convert]") {
  const std::string base = "https://example.com/doc/";
  const std::string text = R"({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
    "@graph": [
      {"type": "CreationInfo", "@id": "_:c", "specVersion": "3.0.1",
       "created": "2024-01-02T03:04:05Z", "createdBy": [")" +
                           base + R"(tool"]},
      {"type": "Tool", "spdxId": ")" +
                           base + R"(tool", "creationInfo": "_:c", "name": "x-1"},
      {"type": "software_Package", "spdxId": ")" +
                           base +
                           R"(p", "creationInfo": "_:c", "name": "p",
       "software_packageVersion": "1"},
      {"type": "simplelicensing_LicenseExpression", "spdxId": ")" +
                           base +
                           R"(l", "creationInfo": "_:c",
       "simplelicensing_licenseExpression": "LicenseRef-acme AND LicenseRef-named AND MIT",
       "simplelicensing_customIdToUri": [
         {"type": "DictionaryEntry", "key": "LicenseRef-acme", "value": ")" +
                           base + R"(acme"},
         {"type": "DictionaryEntry", "key": "LicenseRef-named", "value": ")" +
                           base + R"(named"}]},
      {"type": "simplelicensing_SimpleLicensingText", "spdxId": ")" +
                           base +
                           R"(acme", "creationInfo": "_:c",
       "name": "ACME Terms", "simplelicensing_licenseText": "Use it well."},
      {"type": "simplelicensing_SimpleLicensingText", "spdxId": ")" +
                           base +
                           R"(named", "creationInfo": "_:c",
       "name": "Named License", "simplelicensing_licenseText": "Named License"},
      {"type": "Relationship", "spdxId": ")" +
                           base + R"(r", "creationInfo": "_:c",
       "relationshipType": "hasDeclaredLicense", "from": ")" +
                           base + R"(p", "to": [")" + base + R"(l"]}]})";
  auto read = format::read_document(text, "licenses.spdx3.json");
  REQUIRE(read.ok());
  REQUIRE(read->document.components.size() == 1);
  const auto& licenses = read->document.components[0].licenses_declared;
  // Sorted as the model sorts them: names (no expression) first.
  REQUIRE(licenses.size() == 3);
  CHECK(licenses[0].name == "Named License");
  CHECK(licenses[1].expression == "LicenseRef-acme");
  CHECK(licenses[2].expression == "MIT");
  const auto spdx2 = nlohmann::json::parse(testing::render_as(read->document, "spdx-json@2.3"));
  bool acme = false;
  for (const auto& extracted : spdx2["hasExtractedLicensingInfos"]) {
    if (extracted["licenseId"] == "LicenseRef-acme") {
      acme = true;
      CHECK(extracted["extractedText"] == "Use it well.");
      CHECK(extracted["name"] == "ACME Terms");
    }
  }
  CHECK(acme);
}

TEST_CASE("readers: CycloneDX carries the file inventory as file components in their owner",
          "[formats][readers][convert]") {
  auto document = testing::every_field_document();
  REQUIRE(document.files.size() == 2);
  for (const std::string spec : {"cyclonedx-json@1.4", "cyclonedx-json@1.5", "cyclonedx-json@1.6",
                                 "cyclonedx-json@1.7", "cyclonedx-xml@1.6"}) {
    INFO(spec);
    format::LossReport losses;
    std::string text = testing::render_as(document, spec, &losses);
    for (const auto& [field, count] : losses.entries()) {
      CHECK(field.find("file") == std::string::npos);
    }
    auto read = read_back(text, spec);
    CHECK(read.files == document.files);
    CHECK(read.components.size() == document.components.size());
  }
  // libc.so.6 is nested in the deb package that owns it; README.md, which no
  // package owns, is at the top level.
  auto bom = nlohmann::json::parse(testing::render_as(document, "cyclonedx-json@1.6"));
  const nlohmann::json* readme = nullptr;
  const nlohmann::json* libc = nullptr;
  auto visit = [&](auto& self, const nlohmann::json& components, int depth) -> void {
    for (const auto& component : components) {
      if (component.value("type", "") == "file") {
        (depth == 0 ? readme : libc) = &component;
        continue;
      }
      if (component.contains("components")) {
        self(self, component["components"], depth + 1);
      }
    }
  };
  visit(visit, bom["components"], 0);
  REQUIRE(readme != nullptr);
  REQUIRE(libc != nullptr);
  CHECK((*readme)["bom-ref"] == "file:app/README.md");
  CHECK((*libc)["name"] == "usr/lib/x86_64-linux-gnu/libc.so.6");
  CHECK((*libc)["hashes"].size() == 2);
}

TEST_CASE("readers: the official SPDX examples in every encoding", "[formats][readers]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("no shared conformance data beside the checkout; skipped");
    return;
  }
  for (std::string version : {"2.2", "2.3"}) {
    auto folder = *shared / "conformance" / "spdx" / version;
    std::vector<model::Document> documents;
    for (const auto& file :
         {"SPDXJSONExample-v" + version + ".spdx.json", "SPDXTagExample-v" + version + ".spdx",
          "SPDXYAMLExample-" + version + ".spdx.yaml"}) {
      INFO(file);
      auto read = format::read_document(testing::read_file(folder / file), file);
      REQUIRE(read.ok());
      CHECK(read->format.spec_version == version);
      CHECK_FALSE(read->document.components.empty());
      CHECK_FALSE(read->document.files.empty());
      // Snippets have no place in the model: counted.
      CHECK(read->losses.entries().count("snippets") == 1);
      documents.push_back(std::move(read->document));
    }
    // The three encodings of one document read alike.
    for (const auto& other : {documents[1], documents[2]}) {
      CHECK(essentials(other, true).purls == essentials(documents[0], true).purls);
      CHECK(essentials(other, true).name_versions == essentials(documents[0], true).name_versions);
      CHECK(essentials(other, true).hashes == essentials(documents[0], true).hashes);
      CHECK(other.files.size() == documents[0].files.size());
    }
  }
  auto spdx3 = *shared / "conformance" / "spdx" / "3.0.1" / "package_sbom.json";
  auto read = format::read_document(testing::read_file(spdx3), "package_sbom.json");
  REQUIRE(read.ok());
  REQUIRE(read->document.metadata.subject);
  CHECK(read->document.metadata.subject->name == "my-package");
  CHECK(read->document.metadata.subject->version == "1.0");
  CHECK(read->document.files.size() == 1);
}

TEST_CASE("readers: CycloneDX conformance cases that are valid read without failing",
          "[formats][readers]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("no shared conformance data beside the checkout; skipped");
    return;
  }
  for (std::string version : {"1.4", "1.5", "1.6", "1.7"}) {
    // Guards against a walk that silently finds nothing.
    std::size_t read_count = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(*shared / "conformance" / "cyclonedx" / version)) {
      std::string name = entry.path().filename().string();
      if (!name.starts_with("valid-")) {
        continue;
      }
      INFO(name);
      auto read = format::read_document(testing::read_file(entry.path()), name);
      CHECK(read.ok());
      if (read.ok()) {
        CHECK(read->format.family == format::DocumentFamily::cyclonedx);
        CHECK(read->format.spec_version == version);
      }
      ++read_count;
    }
    INFO("CycloneDX " << version);
    CHECK(read_count > 0);
  }
}

TEST_CASE("readers: malformed input fails or warns, never crashes", "[formats][readers]") {
  CHECK_FALSE(format::read_document("", "empty").ok());
  CHECK_FALSE(format::read_document("not an sbom", "text").ok());
  CHECK_FALSE(
      format::read_document(R"({"bomFormat":"CycloneDX","specVersion":"1.6",)", "cut").ok());
  CHECK_FALSE(format::read_document(R"({"bomFormat":"CycloneDX","components":)" +
                                        std::string(100000, '[') + std::string(100000, ']') + "}",
                                    "deep")
                  .ok());
  CHECK_FALSE(
      format::read_document("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><compo", "cut.xml")
          .ok());
  // Wrong types and dangling references are skipped with a diagnostic.
  auto odd = format::read_document(
      R"({"bomFormat":"CycloneDX","specVersion":"1.6","components":[
          {"type":"library","name":"a","bom-ref":"a","hashes":[{"alg":"NOPE","content":"00"}]},
          {"type":7,"name":["x"]}, "text", null],
          "dependencies":[{"ref":"a","dependsOn":["missing", 5]}]})",
      "odd.json");
  REQUIRE(odd.ok());
  CHECK(odd->document.components.size() == 2);
  CHECK_FALSE(odd->document.diagnostics.empty());
  CHECK(odd->losses.entries().count("hash with an unknown algorithm") == 1);

  // An entity in XML is not expanded from outside, and a cap limits
  // components.
  auto entity = format::read_document(
      "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component "
      "type=\"library\"><name>&x;</name></component></components></bom>",
      "entity.xml");
  if (entity.ok()) {
    REQUIRE(entity->document.components.size() == 1);
    CHECK(entity->document.components[0].name.find("root:") == std::string::npos);
  }
  format::ReadLimits limits;
  limits.max_components = 1;
  CHECK_FALSE(format::read_document(
                  R"({"bomFormat":"CycloneDX","specVersion":"1.6","components":[
                      {"type":"library","name":"a"},{"type":"library","name":"b"}]})",
                  "many.json", limits)
                  .ok());
}

// read_document_consuming frees the text before the model is finished; the
// document, losses and diagnostics must be those read_document gives.
TEST_CASE("readers: a text handed over reads as the same document", "[formats][readers]") {
  const auto document = testing::chain_document(40);
  for (const auto& spec : every_spec()) {
    INFO(spec);
    const std::string text = testing::render_as(document, spec);
    const auto kept = format::read_document(text, spec);
    auto handed_over = format::read_document_consuming(std::string(text), spec);
    REQUIRE(kept.ok());
    REQUIRE(handed_over.ok());
    CHECK(testing::render_as(handed_over->document, spec) ==
          testing::render_as(kept->document, spec));
    CHECK(handed_over->losses.entries() == kept->losses.entries());
    CHECK(handed_over->document.diagnostics == kept->document.diagnostics);
  }
  // The tag-value text's own problems come after the graph's diagnostics.
  const std::string tag_value = "SPDXVersion: SPDX-2.3\n"
                                "SPDXID: SPDXRef-DOCUMENT\n"
                                "NoSuchTag: x\n"
                                "PackageName: a\n"
                                "SPDXID: SPDXRef-a\n"
                                "Relationship: SPDXRef-a DEPENDS_ON SPDXRef-missing\n";
  auto read = format::read_document_consuming(tag_value, "odd.spdx");
  REQUIRE(read.ok());
  REQUIRE(read->document.diagnostics.size() == 2);
  CHECK(read->document.diagnostics[0].message.find("not a package or file") != std::string::npos);
  CHECK(read->document.diagnostics[1].message.starts_with("line 3: unknown tag NoSuchTag"));
  CHECK_FALSE(format::read_document_consuming(std::string("not an sbom"), "text").ok());
  // XML handed over is parsed where it is; its errors still name the line.
  auto cut = format::read_document_consuming(
      std::string("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n<components><compo"),
      "cut.xml");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().find("line 2") != std::string::npos);
}

namespace {

std::string property_value(const model::Component& component, std::string_view name) {
  for (const auto& property : component.properties) {
    if (property.name == name) {
      return property.value;
    }
  }
  return "(none)";
}

} // namespace

// Package (component) fields the model has no place for are kept as
// properties; file fields the file inventory has no place for are counted
// as lost. Values that say nothing (NOASSERTION) are neither.
TEST_CASE("readers: fields without a model field are kept or counted", "[formats][readers]") {
  const std::string cyclonedx = R"({"bomFormat": "CycloneDX", "specVersion": "1.6",
    "components": [{"type": "library", "name": "c", "version": "1", "bom-ref": "c",
      "swid": {"tagId": "t", "name": "c"}, "pedigree": {"notes": "patched"}}]})";
  auto read_cdx = format::read_document(cyclonedx, "extra.cdx.json");
  REQUIRE(read_cdx.ok());
  REQUIRE(read_cdx->document.components.size() == 1);
  CHECK(property_value(read_cdx->document.components[0], "kensa:cyclonedx:swid") ==
        R"({"name":"c","tagId":"t"})");
  CHECK(property_value(read_cdx->document.components[0], "kensa:cyclonedx:pedigree") ==
        R"({"notes":"patched"})");

  const std::string spdx2 = R"({"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT",
    "name": "d", "dataLicense": "CC0-1.0", "documentNamespace": "https://example.com/d",
    "creationInfo": {"created": "2024-01-02T03:04:05Z", "creators": ["Tool: x-1"]},
    "packages": [{"SPDXID": "SPDXRef-p", "name": "p", "versionInfo": "1",
      "downloadLocation": "NOASSERTION", "attributionTexts": ["Thanks to A"],
      "licenseInfoFromFiles": ["NOASSERTION"]}],
    "files": [{"SPDXID": "SPDXRef-f", "fileName": "./f", "copyrightText": "Copyright B",
      "licenseConcluded": "NOASSERTION",
      "checksums": [{"algorithm": "SHA1", "checksumValue": "da39a3ee5e6b4b0d3255bfef95601890afd80709"}]}]})";
  auto read2 = format::read_document(spdx2, "extra.spdx.json");
  REQUIRE(read2.ok());
  REQUIRE(read2->document.components.size() == 1);
  CHECK(property_value(read2->document.components[0], "kensa:spdx:attributionTexts") ==
        R"(["Thanks to A"])");
  CHECK(property_value(read2->document.components[0], "kensa:spdx:licenseInfoFromFiles") ==
        "(none)");
  CHECK(read2->losses.entries().at("file copyrightText (the file inventory has no field for it)") ==
        1);
  CHECK(read2->losses.entries().count(
            "file licenseConcluded (the file inventory has no field for it)") == 0);

  const std::string spdx3 = R"({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
    "@graph": [
      {"type": "CreationInfo", "@id": "_:c", "specVersion": "3.0.1",
       "created": "2024-01-02T03:04:05Z", "createdBy": ["https://example.com/a"]},
      {"type": "Person", "spdxId": "https://example.com/a", "creationInfo": "_:c", "name": "A"},
      {"type": "software_Package", "spdxId": "https://example.com/p", "creationInfo": "_:c",
       "name": "p", "software_packageVersion": "1", "builtTime": "2024-03-06T00:00:00Z",
       "summary": "a package"},
      {"type": "software_File", "spdxId": "https://example.com/f", "creationInfo": "_:c",
       "name": "f", "software_copyrightText": "Copyright B"}]})";
  auto read3 = format::read_document(spdx3, "extra.spdx3.json");
  REQUIRE(read3.ok());
  REQUIRE(read3->document.components.size() == 1);
  CHECK(property_value(read3->document.components[0], "kensa:spdx3:builtTime") ==
        "2024-03-06T00:00:00Z");
  CHECK(property_value(read3->document.components[0], "kensa:spdx3:summary") == "a package");
  CHECK(read3->losses.entries().at(
            "file software_copyrightText (the file inventory has no field for it)") == 1);
}

TEST_CASE("readers: a cdxgen SBOM through SPDX and back keeps every component and edge",
          "[formats][readers][convert]") {
  std::string text =
      testing::read_file(testing::fixture("formats/peer/cdxgen-11.11.0-npm.cdx.json"));
  auto original = format::read_document(text, "cdxgen.cdx.json");
  REQUIRE(original.ok());
  CHECK(original->format.spec_version == "1.6");
  CHECK(original->document.components.size() == 17);
  REQUIRE(original->document.metadata.subject);
  CHECK(original->document.metadata.subject->name == "kensa-fixture-app");
  for (const auto& spdx : {"spdx-json@2.3", "spdx-tag-value@2.2", "spdx-json@3.0"}) {
    INFO(spdx);
    auto through = read_back(testing::render_as(original->document, spdx), spdx);
    auto back = read_back(testing::render_as(through, "cyclonedx-json@1.6"), "cyclonedx-json@1.6");
    auto expected = essentials(original->document, true);
    auto got = essentials(back, true);
    CHECK(got.purls == expected.purls);
    CHECK(got.name_versions == expected.name_versions);
    CHECK(got.licenses == expected.licenses);
    CHECK(got.hashes == expected.hashes);
    CHECK(got.edges == expected.edges);
    CHECK(got.edges.size() >= 17);
  }
}

// A big CycloneDX document's components are mapped on two threads: every
// component, its fields, its dependency and every loss of either half are
// read as with one.
TEST_CASE("readers: a big CycloneDX document reads on two threads with nothing lost",
          "[formats][readers]") {
  constexpr std::size_t k_count = 5000;
  nlohmann::json bom = {{"bomFormat", "CycloneDX"}, {"specVersion", "1.6"}, {"version", 1}};
  bom["components"] = nlohmann::json::array();
  bom["dependencies"] = nlohmann::json::array();
  for (std::size_t i = 0; i < k_count; ++i) {
    std::string name = "package-" + std::to_string(10000 + i);
    std::string purl = "pkg:npm/" + name + "@1.0.0";
    bom["components"].push_back({{"type", "library"},
                                 {"bom-ref", purl},
                                 {"name", name},
                                 {"version", "1.0.0"},
                                 {"purl", purl},
                                 {"hashes", {{{"alg", "NOT-A-HASH"}, {"content", "00"}}}}});
    nlohmann::json dependency = {{"ref", purl}, {"dependsOn", nlohmann::json::array()}};
    if (i + 1 < k_count) {
      dependency["dependsOn"].push_back("pkg:npm/package-" + std::to_string(10001 + i) + "@1.0.0");
    }
    bom["dependencies"].push_back(dependency);
  }
  auto read = format::read_document(bom.dump(), "big.cdx.json");
  REQUIRE(read.ok());
  const auto& components = read->document.components;
  REQUIRE(components.size() == k_count);
  for (std::size_t i = 0; i < k_count; ++i) {
    INFO(i);
    REQUIRE(components[i].name == "package-" + std::to_string(10000 + i));
    REQUIRE(components[i].version == "1.0.0");
  }
  CHECK(read->document.relationships.size() == k_count - 1);
  REQUIRE(read->losses.entries().count("hash with an unknown algorithm") == 1);
  CHECK(read->losses.entries().at("hash with an unknown algorithm") == k_count);
}

// A big document's mapped components become the graph's list at once
// (ComponentGraph::add_identified_all): what adding them one by one did
// still happens, in document order. A duplicate merges into the first and
// is counted, a bom-ref used twice keeps its first component, a file entry
// goes to the files, an item that is no object is skipped; and an SPDX
// subject package in the middle becomes the subject.
TEST_CASE("readers: a big document's components are added at once as one by one",
          "[formats][readers]") {
  constexpr std::size_t k_count = 5000;
  const auto purl_of = [](std::size_t i) {
    return "pkg:npm/package-" + std::to_string(10000 + i) + "@1.0.0";
  };
  SECTION("CycloneDX") {
    nlohmann::json bom = {{"bomFormat", "CycloneDX"}, {"specVersion", "1.6"}, {"version", 1}};
    auto& components = bom["components"] = nlohmann::json::array();
    for (std::size_t i = 0; i < k_count; ++i) {
      components.push_back({{"type", "library"},
                            {"bom-ref", purl_of(i)},
                            {"name", "package-" + std::to_string(10000 + i)},
                            {"version", "1.0.0"},
                            {"purl", purl_of(i)}});
    }
    components.push_back(42);
    components.push_back({{"type", "library"},
                          {"bom-ref", "second-ref"},
                          {"name", "package-10100"},
                          {"version", "1.0.0"},
                          {"purl", purl_of(100)},
                          {"hashes", {{{"alg", "SHA-1"}, {"content", std::string(40, 'a')}}}}});
    components.push_back({{"type", "library"},
                          {"bom-ref", purl_of(5)},
                          {"name", "extra"},
                          {"version", "2.0.0"},
                          {"purl", "pkg:npm/extra@2.0.0"}});
    components.push_back({{"type", "file"}, {"bom-ref", "file:lib/x.js"}, {"name", "lib/x.js"}});
    bom["dependencies"] = {{{"ref", "second-ref"}, {"dependsOn", {purl_of(0)}}},
                           {{"ref", purl_of(5)}, {"dependsOn", {purl_of(1)}}}};
    auto read = format::read_document(bom.dump(), "big.cdx.json");
    REQUIRE(read.ok());
    const model::Document& document = read->document;
    REQUIRE(document.components.size() == k_count + 1);
    const model::Component* merged = nullptr;
    for (const auto& component : document.components) {
      if (component.purl == purl_of(100)) {
        merged = &component;
      }
    }
    REQUIRE(merged != nullptr);
    REQUIRE(merged->hashes.size() == 1);
    CHECK(read->losses.entries().at("components that duplicate another (merged)") == 1);
    const auto id_of = [&](const std::string& purl) {
      for (const auto& component : document.components) {
        if (component.purl == purl) {
          return component.id;
        }
      }
      return std::string();
    };
    // "second-ref" names the merged component; the bom-ref used twice, the
    // first component that had it.
    const std::vector<model::Relationship> expected = {
        {id_of(purl_of(100)), id_of(purl_of(0)), model::RelationshipType::depends_on},
        {id_of(purl_of(5)), id_of(purl_of(1)), model::RelationshipType::depends_on}};
    for (const auto& relationship : expected) {
      CHECK(std::find(document.relationships.begin(), document.relationships.end(), relationship) !=
            document.relationships.end());
    }
    CHECK(document.relationships.size() == 2);
    CHECK(std::any_of(document.diagnostics.begin(), document.diagnostics.end(),
                      [&](const model::Diagnostic& diagnostic) {
                        return diagnostic.message == "bom-ref \"" + purl_of(5) +
                                                         "\" is used twice; the first one is kept";
                      }));
    REQUIRE(document.files.size() == 1);
    CHECK(document.files[0].path == "lib/x.js");
  }
  SECTION("SPDX 2") {
    nlohmann::json spdx = {
        {"spdxVersion", "SPDX-2.3"},
        {"dataLicense", "CC0-1.0"},
        {"SPDXID", "SPDXRef-DOCUMENT"},
        {"name", "big"},
        {"documentNamespace", "https://example.com/big"},
        {"creationInfo", {{"created", "2024-01-02T03:04:05Z"}, {"creators", {"Tool: test"}}}}};
    auto& packages = spdx["packages"] = nlohmann::json::array();
    for (std::size_t i = 0; i < k_count; ++i) {
      packages.push_back({{"SPDXID", "SPDXRef-p" + std::to_string(i)},
                          {"name", "package-" + std::to_string(10000 + i)},
                          {"versionInfo", "1.0.0"},
                          {"downloadLocation", "NOASSERTION"},
                          {"externalRefs",
                           {{{"referenceCategory", "PACKAGE-MANAGER"},
                             {"referenceType", "purl"},
                             {"referenceLocator", purl_of(i)}}}}});
    }
    packages.push_back({{"SPDXID", "SPDXRef-app"},
                        {"name", "app"},
                        {"versionInfo", "3.0.0"},
                        {"downloadLocation", "NOASSERTION"}});
    packages.push_back(
        {{"SPDXID", "SPDXRef-p7"},
         {"name", "package-10100"},
         {"versionInfo", "1.0.0"},
         {"downloadLocation", "NOASSERTION"},
         {"checksums", {{{"algorithm", "SHA1"}, {"checksumValue", std::string(40, 'a')}}}},
         {"externalRefs",
          {{{"referenceCategory", "PACKAGE-MANAGER"},
            {"referenceType", "purl"},
            {"referenceLocator", purl_of(100)}}}}});
    spdx["relationships"] = {{{"spdxElementId", "SPDXRef-DOCUMENT"},
                              {"relationshipType", "DESCRIBES"},
                              {"relatedSpdxElement", "SPDXRef-app"}},
                             {{"spdxElementId", "SPDXRef-app"},
                              {"relationshipType", "DEPENDS_ON"},
                              {"relatedSpdxElement", "SPDXRef-p3"}},
                             {{"spdxElementId", "SPDXRef-p7"},
                              {"relationshipType", "DEPENDS_ON"},
                              {"relatedSpdxElement", "SPDXRef-p8"}}};
    auto read = format::read_document(spdx.dump(), "big.spdx.json");
    REQUIRE(read.ok());
    const model::Document& document = read->document;
    REQUIRE(document.metadata.subject);
    CHECK(document.metadata.subject->name == "app");
    REQUIRE(document.components.size() == k_count);
    CHECK(read->losses.entries().at("packages that duplicate another (merged)") == 1);
    const auto find = [&](const std::string& name) -> const model::Component* {
      for (const auto& component : document.components) {
        if (component.name == name) {
          return &component;
        }
      }
      return nullptr;
    };
    REQUIRE(find("package-10100") != nullptr);
    CHECK(find("package-10100")->hashes.size() == 1);
    CHECK(std::any_of(document.diagnostics.begin(), document.diagnostics.end(),
                      [](const model::Diagnostic& diagnostic) {
                        return diagnostic.message == "SPDXID SPDXRef-p7 is used twice";
                      }));
    // The subject's edge, and SPDXRef-p7 naming the first package that had it.
    const std::vector<model::Relationship> expected = {
        {document.metadata.subject->id, find("package-10003")->id,
         model::RelationshipType::depends_on},
        {find("package-10007")->id, find("package-10008")->id,
         model::RelationshipType::depends_on}};
    for (const auto& relationship : expected) {
      CHECK(std::find(document.relationships.begin(), document.relationships.end(), relationship) !=
            document.relationships.end());
    }
  }
}

// Big documents (past the point where mapping and writing use two threads)
// still read back to the same text.
TEST_CASE("readers: a big document round-trips in both families", "[heavy][formats][readers]") {
  constexpr std::size_t k_count = 5000;
  const auto document = testing::chain_document(k_count);
  for (const std::string spec : {"cyclonedx-json@1.6", "spdx-json@2.3", "spdx-json@3.0"}) {
    INFO(spec);
    const std::string text = testing::render_as(document, spec);
    const auto read = read_back(text, spec);
    CHECK(read.components.size() == k_count);
    CHECK(testing::render_as(read, spec) == text);
  }
}

// The SPDX 2 writer maps a big document's packages on two threads, each
// counting what it cannot carry over: the counts come out whole, and the
// document is the same as one mapped on one thread would be (the license
// expressions and LicenseRefs are still assigned in document order).
TEST_CASE("writers: a big SPDX 2 document counts every loss and keeps its order",
          "[heavy][formats][writers]") {
  constexpr std::size_t k_count = 5000;
  model::Document document = testing::chain_document(k_count);
  for (std::size_t i = 0; i < k_count; ++i) {
    auto& component = document.components[i];
    component.hashes.push_back({model::HashAlgorithm::blake3, std::string(64, 'b')});
    // A license without an SPDX id becomes a LicenseRef numbered by first use.
    component.licenses_concluded.push_back({"", "Custom License " + std::to_string(i % 3), ""});
  }
  format::LossReport losses;
  const std::string text = testing::render_as(document, "spdx-json@2.2", &losses);
  CHECK(losses.entries().at("hash BLAKE3 (not in SPDX 2.2)") == k_count);
  const auto json = nlohmann::json::parse(text);
  REQUIRE(json["packages"].size() == k_count);
  REQUIRE(json["hasExtractedLicensingInfos"].size() == 3);
  for (std::size_t i = 0; i < k_count; ++i) {
    INFO(i);
    REQUIRE(json["packages"][i]["name"] == document.components[i].name);
    REQUIRE(json["packages"][i]["licenseConcluded"].get<std::string>().starts_with("LicenseRef-"));
  }
  // Only the hashes SPDX 2.2 has are written: all but BLAKE3.
  CHECK(json["packages"][0]["checksums"].size() == document.components[0].hashes.size() - 1);
}

TEST_CASE("readers: SPDX 2 keeps a package's verification code in every encoding",
          "[formats][readers]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("no shared conformance data beside the checkout; skipped");
    return;
  }
  const auto folder = *shared / "conformance" / "spdx" / "2.3";
  for (const std::string file : {"SPDXJSONExample-v2.3.spdx.json", "SPDXTagExample-v2.3.spdx",
                                 "SPDXYAMLExample-2.3.spdx.yaml"}) {
    INFO(file);
    auto read = format::read_document(testing::read_file(folder / file), file);
    REQUIRE(read.ok());
    std::vector<const model::Component*> coded;
    for (const auto& component : read->document.components) {
      if (!component.verification_code.empty()) {
        coded.push_back(&component);
      }
    }
    if (read->document.metadata.subject &&
        !read->document.metadata.subject->verification_code.empty()) {
      coded.push_back(&*read->document.metadata.subject);
    }
    // glibc's, as the example gives it.
    REQUIRE(coded.size() == 1);
    CHECK(coded[0]->name == "glibc");
    CHECK(coded[0]->verification_code.value == "d6a770ba38583ed4bb4525bd96e50461655d2758");
    CHECK(coded[0]->verification_code.excluded_files == std::vector<std::string>{"./package.spdx"});
  }
}
