// LICENSE-EVIDENCE-MISMATCH: a component whose license files show a license
// its declared license does not name, in each format kensa writes.
#include "../formats/format_fixture.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/validate/validator.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kensa;

namespace {

// A library declared `declared` whose license files show `evidence`.
model::Document evidence_document(const std::string& declared,
                                  const std::vector<std::string>& evidence) {
  model::ComponentGraph graph;
  model::Component component;
  component.type = model::ComponentType::library;
  component.name = "tinyvec_macros";
  component.version = "0.1.0";
  component.purl = "pkg:cargo/tinyvec_macros@0.1.0";
  component.licenses_declared = {model::License{declared, "", ""}};
  for (const auto& expression : evidence) {
    component.license_evidence.push_back({expression,
                                          "vendor/tinyvec_macros/LICENSE-" + expression,
                                          0.99,
                                          model::LicenseMatchMethod::text,
                                          {}});
  }
  graph.add(std::move(component));
  model::DocumentMetadata metadata;
  metadata.timestamp = "2024-01-01T00:00:00Z";
  return std::move(graph).finish(std::move(metadata));
}

std::vector<validate::Finding> mismatches(const model::Document& document,
                                          const std::string& spec) {
  const std::string text = testing::render_as(document, spec);
  const auto report = validate::validate_document(spec, text, {});
  REQUIRE(report.read_error.empty());
  std::vector<validate::Finding> found;
  for (const auto& finding : report.findings) {
    if (finding.rule == "LICENSE-EVIDENCE-MISMATCH") {
      found.push_back(finding);
    }
  }
  return found;
}

const char* const k_evidence_specs[] = {
    "cyclonedx-json@1.4", "cyclonedx-json@1.6", "cyclonedx-json@1.7", "cyclonedx-xml@1.6",
    "spdx-json@2.2",      "spdx-json@2.3",      "spdx-tag-value@2.3", "spdx-json@3.0"};

} // namespace

TEST_CASE("validate: license evidence the declared license does not name is a warning",
          "[validate][semantic][license]") {
  const auto document = evidence_document("MIT", {"MIT", "Apache-2.0"});
  for (const char* spec : k_evidence_specs) {
    INFO(spec);
    const auto found = mismatches(document, spec);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == validate::Severity::warning);
    CHECK(found[0].message ==
          "component 'tinyvec_macros' declares 'MIT' but its license files show Apache-2.0 in "
          "vendor/tinyvec_macros/LICENSE-Apache-2.0");
  }
}

TEST_CASE("validate: license evidence the declared license names is no finding",
          "[validate][semantic][license]") {
  // Each license of a choice shown by its own file; the GPL text cannot
  // say -only or -or-later, so either form agrees.
  const auto choice = evidence_document("MIT OR Apache-2.0 OR Zlib", {"MIT", "Apache-2.0"});
  const auto gpl = evidence_document("GPL-2.0-or-later", {"GPL-2.0-only"});
  for (const char* spec : k_evidence_specs) {
    INFO(spec);
    CHECK(mismatches(choice, spec).empty());
    CHECK(mismatches(gpl, spec).empty());
  }
}
