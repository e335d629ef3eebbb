// SPDX 2 tag-value and YAML documents through the validator: read into the
// tree their JSON form would be, then the same schema, rules and profiles,
// with findings pointing at lines.
#include "../support/test_support.hpp"

#include <kensa/source/document_input.hpp>
#include <kensa/validate/validator.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <utility>

namespace {

using kensa::format::DocumentEncoding;
using kensa::validate::DocumentReport;
using kensa::validate::Finding;
using kensa::validate::Severity;
using kensa::validate::validate_document;

// The file read as `kensa validate` reads it, then validated.
DocumentReport validate_shared_file(const std::filesystem::path& path) {
  auto text =
      kensa::source::read_document_input(path.string(), kensa::source::k_default_max_document_size);
  REQUIRE(text.ok());
  return validate_document(path.string(), text->view(), {});
}

// (rule, location) of every finding: what must not depend on the encoding.
std::set<std::pair<std::string, std::string>> rules_and_locations(const DocumentReport& report) {
  std::set<std::pair<std::string, std::string>> found;
  for (const auto& finding : report.findings) {
    found.emplace(finding.rule, finding.location);
  }
  return found;
}

const Finding* find_rule(const DocumentReport& report, const std::string& rule) {
  for (const auto& finding : report.findings) {
    if (finding.rule == rule) {
      return &finding;
    }
  }
  return nullptr;
}

constexpr const char* k_tag_value = R"(SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: shop
Creator: Tool: example-1.0
Created: 2024-05-01T12:00:00Z

PackageName: lodash
SPDXID: SPDXRef-lodash
PackageVersion: 4.17.21
PackageDownloadLocation: NOASSERTION
this line is no tag
FilesAnalyzed: false
Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-lodash
Relationship: SPDXRef-lodash DEPENDS_ON SPDXRef-ghost
)";

} // namespace

TEST_CASE("validate spdx text: the official tag-value and YAML examples read as their JSON form",
          "[validate][spdx]") {
  const auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("skipped: ../shared (the official SPDX examples) is not there");
    return;
  }
  for (const std::string version : {"2.2", "2.3"}) {
    const auto folder = *shared / "conformance/spdx" / version;
    const auto json = validate_shared_file(folder / ("SPDXJSONExample-v" + version + ".spdx.json"));
    const auto tag_value = validate_shared_file(folder / ("SPDXTagExample-v" + version + ".spdx"));
    const auto yaml = validate_shared_file(folder / ("SPDXYAMLExample-" + version + ".spdx.yaml"));
    INFO(version);
    REQUIRE(json.read_error.empty());
    REQUIRE(tag_value.read_error.empty());
    REQUIRE(yaml.read_error.empty());
    CHECK(tag_value.kind->encoding == DocumentEncoding::tag_value);
    CHECK(tag_value.kind->spec_version == version);
    CHECK(yaml.kind->encoding == DocumentEncoding::yaml);
    CHECK(json.count(Severity::error) == 0);
    CHECK(rules_and_locations(tag_value) == rules_and_locations(json));
    CHECK(rules_and_locations(yaml) == rules_and_locations(json));
    for (const auto& finding : tag_value.findings) {
      CHECK(finding.line > 0);
    }
  }
}

TEST_CASE("validate spdx text: tag-value findings carry the line they are about",
          "[validate][spdx]") {
  const auto report = validate_document("shop.spdx", k_tag_value, {});
  REQUIRE(report.read_error.empty());
  CHECK(report.kind->encoding == DocumentEncoding::tag_value);

  // A line that is no "Tag: value".
  const auto* syntax = find_rule(report, "TAG-VALUE-SYNTAX");
  REQUIRE(syntax != nullptr);
  CHECK(syntax->line == 12);

  // No DocumentNamespace: the schema requires it, at the document's line.
  bool namespace_missing = false;
  for (const auto& finding : report.findings) {
    if (finding.rule == "SCHEMA" &&
        finding.message.find("documentNamespace") != std::string::npos) {
      namespace_missing = true;
      CHECK(finding.line == 1);
    }
  }
  CHECK(namespace_missing);

  // The relationship to an element the document does not have.
  bool dangling = false;
  for (const auto& finding : report.findings) {
    if (finding.severity == Severity::error &&
        finding.message.find("SPDXRef-ghost") != std::string::npos) {
      dangling = true;
      CHECK(finding.line == 15);
    }
  }
  CHECK(dangling);
}

TEST_CASE("validate spdx text: YAML that is not YAML is one syntax finding", "[validate][spdx]") {
  const auto report =
      validate_document("broken.spdx.yaml", "spdxVersion: SPDX-2.3\nSPDXID: [unclosed\n", {});
  CHECK(report.read_error.empty());
  const auto* syntax = find_rule(report, "YAML-SYNTAX");
  REQUIRE(syntax != nullptr);
  CHECK(report.count(Severity::error) == 1);
}
