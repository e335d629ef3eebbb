// Conversion fidelity: what a document's author wrote (bom-refs, each
// component's own supplier, license lists and expressions) survives every
// format that can carry it, and the loss report names exactly what does not.
#include "format_fixture.hpp"

#include <kensa/format/reader.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace kensa;

namespace fidelity {

// Every document format, each at the version a user most likely names.
const std::vector<std::string>& document_specs() {
  static const std::vector<std::string> specs{
      "cyclonedx-json@1.6", "cyclonedx-json@1.7",     "cyclonedx-xml@1.5",
      "cyclonedx-xml@1.7",  "spdx-json@2.3",          "spdx-tag-value@2.3",
      "spdx-yaml@2.3",      "spdx-json@3.0",          "kensa-json"};
  return specs;
}

model::Document read(const std::string& text, const std::string& name,
                     format::LossReport* losses = nullptr) {
  auto read = format::read_document(text, name);
  INFO(name);
  REQUIRE(read.ok());
  if (losses != nullptr) {
    *losses = read->losses;
  }
  return std::move(read->document);
}

// `text` read, written as `through`, read again and written as CycloneDX
// JSON 1.6, parsed.
nlohmann::json through(const std::string& text, const std::string& via) {
  auto first = read(text, "input.cdx.json");
  auto middle = read(testing::render_as(first, via), via);
  return nlohmann::json::parse(testing::render_as(middle, "cyclonedx-json@1.6"));
}

// A CycloneDX document whose components have bom-refs of their author's
// choosing: a vendored library without purl, and the subject.
const char* const k_with_refs = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "metadata": {"component": {"type": "application", "bom-ref": "the-app", "name": "app"}},
  "components": [
    {"type": "library", "bom-ref": "vendored-zlib", "name": "zlib", "version": "1.3"},
    {"type": "library", "bom-ref": "lib-b", "name": "b", "version": "2",
     "purl": "pkg:npm/b@2"}
  ],
  "dependencies": [
    {"ref": "the-app", "dependsOn": ["lib-b", "vendored-zlib"]},
    {"ref": "lib-b", "dependsOn": ["vendored-zlib"]},
    {"ref": "vendored-zlib", "dependsOn": []}
  ]
})";

std::set<std::pair<std::string, std::string>> edges_by_ref(const nlohmann::json& bom) {
  std::set<std::pair<std::string, std::string>> edges;
  for (const auto& dependency : bom["dependencies"]) {
    for (const auto& to : dependency["dependsOn"]) {
      edges.insert({dependency["ref"].get<std::string>(), to.get<std::string>()});
    }
  }
  return edges;
}

// The licenses of the component named `name` (the subject included),
// in the order the graph sorts them: "expression" or "name:<name>".
std::vector<std::string> licenses_of(const model::Document& document, const std::string& name) {
  std::vector<const model::Component*> all;
  if (document.metadata.subject) {
    all.push_back(&*document.metadata.subject);
  }
  for (const auto& component : document.components) {
    all.push_back(&component);
  }
  std::vector<std::string> texts;
  for (const auto* component : all) {
    if (component->name != name) {
      continue;
    }
    for (const auto& license : component->licenses_declared) {
      texts.push_back(license.expression.empty() ? "name:" + license.name : license.expression);
    }
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

bool has_loss(const format::LossReport& losses, std::string_view words) {
  for (const auto& [field, count] : losses.entries()) {
    if (field.find(words) != std::string::npos) {
      return true;
    }
  }
  return false;
}

} // namespace fidelity

TEST_CASE("conversion: bom-refs are kept through every format and back",
          "[formats][readers][convert]") {
  const std::set<std::pair<std::string, std::string>> expected{
      {"the-app", "lib-b"}, {"the-app", "vendored-zlib"}, {"lib-b", "vendored-zlib"}};
  for (const auto& via : fidelity::document_specs()) {
    INFO(via);
    auto bom = fidelity::through(fidelity::k_with_refs, via);
    CHECK(bom["metadata"]["component"]["bom-ref"] == "the-app");
    std::set<std::string> refs;
    for (const auto& component : bom["components"]) {
      refs.insert(component["bom-ref"].get<std::string>());
    }
    CHECK(refs == std::set<std::string>{"lib-b", "vendored-zlib"});
    CHECK(fidelity::edges_by_ref(bom) == expected);
  }
}

TEST_CASE("conversion: the bom-refs kensa gives anyway are not kept twice",
          "[formats][readers][convert]") {
  // kensa writes purls and ids as bom-refs: read back, they need no keeping
  // (no kensa-facts bomRef in SPDX for every component).
  auto document = testing::every_field_document();
  for (const std::string spec : {"cyclonedx-json@1.6", "cyclonedx-xml@1.5"}) {
    INFO(spec);
    auto read = fidelity::read(testing::render_as(document, spec), spec);
    REQUIRE(read.metadata.subject);
    CHECK(read.metadata.subject->bom_ref.empty());
    for (const auto& component : read.components) {
      INFO(component.name);
      CHECK(component.bom_ref.empty());
    }
    CHECK(testing::render_as(read, "spdx-json@2.3").find("bomRef") == std::string::npos);
  }
}

TEST_CASE("conversion: a kept bom-ref never makes two components share one",
          "[formats][readers][convert]") {
  // A second component whose purl is the first one's bom-ref.
  const std::string text = R"({
    "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
    "components": [
      {"type": "library", "bom-ref": "pkg:npm/c@1", "name": "zlib", "version": "1.3"},
      {"type": "library", "bom-ref": "other", "name": "c", "version": "1", "purl": "pkg:npm/c@1"}
    ]
  })";
  auto document = fidelity::read(text, "input.cdx.json");
  auto bom = nlohmann::json::parse(testing::render_as(document, "cyclonedx-json@1.6"));
  std::set<std::string> refs;
  for (const auto& component : bom["components"]) {
    CHECK(refs.insert(component["bom-ref"].get<std::string>()).second);
  }
  CHECK(refs.size() == 2);
}

TEST_CASE("conversion: suppliers of one name keep their own links through SPDX 3",
          "[formats][readers][convert]") {
  const std::string text = R"({
    "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
    "components": [
      {"type": "library", "name": "javax.servlet-api", "version": "4.0.1",
       "purl": "pkg:maven/javax.servlet/javax.servlet-api@4.0.1",
       "supplier": {"name": "Oracle Corporation", "url": ["https://glassfish.dev.java.net"]}},
      {"type": "library", "name": "javax.json", "version": "1.1.4",
       "purl": "pkg:maven/org.glassfish/javax.json@1.1.4",
       "supplier": {"name": "Oracle Corporation", "url": ["https://javaee.github.io"]}}
    ]
  })";
  for (const std::string via : {"spdx-json@3.0", "kensa-json", "cyclonedx-xml@1.6"}) {
    INFO(via);
    auto bom = fidelity::through(text, via);
    std::map<std::string, std::string> url_of;
    for (const auto& component : bom["components"]) {
      url_of[component["name"].get<std::string>()] =
          component["supplier"]["url"].at(0).get<std::string>();
      CHECK(component["supplier"]["name"] == "Oracle Corporation");
    }
    CHECK(url_of["javax.servlet-api"] == "https://glassfish.dev.java.net");
    CHECK(url_of["javax.json"] == "https://javaee.github.io");
  }
  // SPDX 2 actors have no URL: both are lost, and counted.
  format::LossReport losses;
  testing::render_as(fidelity::read(text, "input.cdx.json"), "spdx-json@2.3", &losses);
  CHECK(losses.entries().at("supplier URL (SPDX 2 has no field for it)") == 2);
}

