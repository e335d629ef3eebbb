// Conversion fidelity: what a document's author wrote (bom-refs, each
// component's own supplier, license lists and expressions) survives every
// format that can carry it, and the loss report names exactly what does not.
#include "format_fixture.hpp"

#include <kensa/format/reader.hpp>
#include <kensa/model/graph.hpp>

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
      "cyclonedx-json@1.6", "cyclonedx-json@1.7", "cyclonedx-xml@1.5",
      "cyclonedx-xml@1.7",  "spdx-json@2.3",      "spdx-tag-value@2.3",
      "spdx-yaml@2.3",      "spdx-json@3.0",      "kensa-json"};
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

// One npm library, lib@1, with these licenses and what its files showed.
model::Document library_with(std::vector<model::License> declared,
                             std::vector<model::License> concluded,
                             std::vector<model::LicenseEvidence> evidence,
                             std::vector<std::string> copyrights) {
  model::ComponentGraph graph;
  model::Component component;
  component.name = "lib";
  component.version = "1";
  component.purl = "pkg:npm/lib@1";
  component.licenses_declared = std::move(declared);
  component.licenses_concluded = std::move(concluded);
  component.license_evidence = std::move(evidence);
  component.copyrights = std::move(copyrights);
  graph.add(std::move(component));
  model::DocumentMetadata metadata;
  metadata.timestamp = "2024-01-01T00:00:00Z";
  return std::move(graph).finish(std::move(metadata));
}

// Every format and version a component's licenses are written in.
const std::vector<std::string> k_license_formats{
    "cyclonedx-json@1.4", "cyclonedx-json@1.5", "cyclonedx-json@1.6", "cyclonedx-json@1.7",
    "cyclonedx-xml@1.4",  "cyclonedx-xml@1.6",  "spdx-json@2.2",      "spdx-json@2.3",
    "spdx-tag-value@2.3", "spdx-yaml@2.3",      "spdx-json@3.0",      "kensa-json"};

// The one component of `read`: SPDX 3 reads a document's only root package
// back as its subject.
const model::Component& only_component(const model::Document& read) {
  REQUIRE(read.components.size() + (read.metadata.subject ? 1 : 0) == 1);
  return read.components.empty() ? *read.metadata.subject : read.components.front();
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

TEST_CASE("conversion: the loss report names only what is not carried",
          "[formats][readers][convert]") {
  auto document = testing::every_field_document();
  // The subject's describes edges are its dependsOn in CycloneDX, read back
  // as describes: CycloneDX to CycloneDX loses none of them.
  for (const std::string spec : {"cyclonedx-json@1.6", "cyclonedx-xml@1.7"}) {
    INFO(spec);
    auto read = fidelity::read(testing::render_as(document, spec), spec);
    format::LossReport losses;
    testing::render_as(read, spec, &losses);
    CHECK_FALSE(fidelity::has_loss(losses, "describes"));
    CHECK_FALSE(fidelity::has_loss(losses, "tool vendors"));
  }
  // kensa is its own tool's vendor: SPDX names kensa, and kensa's readers
  // give the vendor back. Another tool's vendor is lost, and counted.
  auto with_other_tool = document;
  with_other_tool.metadata.tools.push_back({"Example Corp", "scanner", "2.0"});
  for (const std::string spec : {"spdx-json@2.3", "spdx-tag-value@2.3", "spdx-json@3.0"}) {
    INFO(spec);
    format::LossReport losses;
    auto read = fidelity::read(testing::render_as(document, spec, &losses), spec);
    CHECK_FALSE(fidelity::has_loss(losses, "tool vendors"));
    REQUIRE(read.metadata.tools.size() == 1);
    CHECK(read.metadata.tools.front().vendor == "kensa");
    format::LossReport other_losses;
    testing::render_as(with_other_tool, spec, &other_losses);
    CHECK(other_losses.entries().at("tool vendors (SPDX has no field for them)") == 1);
  }
}

TEST_CASE("conversion: license lists through SPDX are kept or reported",
          "[formats][readers][convert]") {
  const auto document_with = [](std::vector<model::License> licenses) {
    model::ComponentGraph graph;
    model::Component component;
    component.type = model::ComponentType::library;
    component.name = "lib";
    component.version = "1";
    component.purl = "pkg:npm/lib@1";
    component.licenses_declared = std::move(licenses);
    graph.add(std::move(component));
    model::DocumentMetadata metadata;
    metadata.timestamp = "2024-01-01T00:00:00Z";
    return std::move(graph).finish(std::move(metadata));
  };
  const model::License mit{"MIT", "", ""};
  const model::License either{"Apache-2.0 OR GPL-2.0-only", "", ""};
  const model::License named{"", "Acme Public License", ""};
  for (const std::string spec : {"spdx-json@2.3", "spdx-tag-value@2.3", "spdx-json@3.0"}) {
    INFO(spec);
    // Expressions only: one AND expression, said in the loss report.
    {
      format::LossReport losses;
      auto read =
          fidelity::read(testing::render_as(document_with({mit, either}), spec, &losses), spec);
      CHECK(losses.entries().at(
                "license lists written as one AND expression (SPDX has one per package)") == 1);
      CHECK(fidelity::licenses_of(read, "lib") ==
            std::vector<std::string>{"(Apache-2.0 OR GPL-2.0-only) AND MIT"});
    }
    // With a license name, the list is split back as it was: no loss.
    {
      format::LossReport losses;
      auto read = fidelity::read(
          testing::render_as(document_with({mit, either, named}), spec, &losses), spec);
      CHECK_FALSE(fidelity::has_loss(losses, "license lists"));
      CHECK(fidelity::licenses_of(read, "lib") ==
            std::vector<std::string>{"Apache-2.0 OR GPL-2.0-only", "MIT",
                                     "name:Acme Public License"});
    }
  }
}

TEST_CASE("conversion: a compound expression stays an expression in CycloneDX",
          "[formats][readers][convert]") {
  model::ComponentGraph graph;
  model::Component component;
  component.type = model::ComponentType::library;
  component.name = "lib";
  component.version = "1";
  component.purl = "pkg:npm/lib@1";
  component.licenses_concluded = {{"MIT", "", ""}, {"BSD-3-Clause OR GPL-2.0-only", "", ""}};
  graph.add(std::move(component));
  model::DocumentMetadata metadata;
  metadata.timestamp = "2024-01-01T00:00:00Z";
  auto document = std::move(graph).finish(std::move(metadata));
  // Before 1.7 a list holds license objects or one expression: one
  // expression, the list's AND, said in the loss report.
  for (const std::string spec : {"cyclonedx-json@1.6", "cyclonedx-json@1.5"}) {
    INFO(spec);
    format::LossReport losses;
    auto bom = nlohmann::json::parse(testing::render_as(document, spec, &losses));
    const auto& component_json = bom["components"][0];
    const auto& licenses =
        spec.ends_with("1.6") ? component_json["licenses"] : component_json["evidence"]["licenses"];
    REQUIRE(licenses.size() == 1);
    // The graph sorts a component's licenses.
    CHECK(licenses[0]["expression"] == "(BSD-3-Clause OR GPL-2.0-only) AND MIT");
    CHECK(fidelity::has_loss(losses, "license lists written as one AND expression"));
  }
  // A license name joins the expression as a LicenseRef-, its name kept
  // in a document property, which SPDX writers give the LicenseRef-.
  {
    auto with_name = document;
    with_name.components[0].licenses_concluded.push_back({"", "public domain", ""});
    std::sort(with_name.components[0].licenses_concluded.begin(),
              with_name.components[0].licenses_concluded.end());
    auto bom = nlohmann::json::parse(testing::render_as(with_name, "cyclonedx-json@1.6"));
    const auto& licenses = bom["components"][0]["licenses"];
    REQUIRE(licenses.size() == 1);
    CHECK(licenses[0]["expression"] ==
          "LicenseRef-public-domain AND (BSD-3-Clause OR GPL-2.0-only) AND MIT");
    bool named = false;
    for (const auto& property : bom["metadata"]["properties"]) {
      named |= property["name"] == "kensa:spdx:license-name:LicenseRef-public-domain" &&
               property["value"] == "public domain";
    }
    CHECK(named);
    // kensa's readers split it back into the list, the name included.
    auto read = fidelity::read(bom.dump(), "named.cdx.json");
    REQUIRE(read.components.size() == 1);
    CHECK(read.components[0].licenses_concluded == with_name.components[0].licenses_concluded);
    // The property has done its work: 1.7 lists the licenses and needs none,
    // and 1.6 written again is the same document.
    CHECK(testing::render_as(read, "cyclonedx-json@1.7").find("kensa:spdx:license-name") ==
          std::string::npos);
    CHECK(nlohmann::json::parse(testing::render_as(read, "cyclonedx-json@1.6")) == bom);
    auto spdx = nlohmann::json::parse(testing::render_as(read, "spdx-json@2.3"));
    REQUIRE(spdx["hasExtractedLicensingInfos"].size() == 1);
    CHECK(spdx["hasExtractedLicensingInfos"][0]["licenseId"] == "LicenseRef-public-domain");
    CHECK(spdx["hasExtractedLicensingInfos"][0]["name"] == "public domain");
  }
  // Declared and concluded licenses share one array from 1.6 on, but an
  // expression stands alone there before 1.7: the concluded ones go to
  // evidence.licenses, and both read back as they were.
  {
    auto both = document;
    both.components[0].licenses_declared = {{"Apache-2.0 OR MIT", "", ""}};
    both.components[0].licenses_concluded = {{"MIT", "", ""}};
    format::LossReport both_losses;
    auto bom = nlohmann::json::parse(testing::render_as(both, "cyclonedx-json@1.6", &both_losses));
    const auto& component_json = bom["components"][0];
    REQUIRE(component_json["licenses"].size() == 1);
    CHECK(component_json["licenses"][0]["expression"] == "Apache-2.0 OR MIT");
    CHECK(component_json["licenses"][0]["acknowledgement"] == "declared");
    REQUIRE(component_json["evidence"]["licenses"].size() == 1);
    CHECK(component_json["evidence"]["licenses"][0]["license"]["id"] == "MIT");
    CHECK(both_losses.entries().empty());
    auto read = fidelity::read(bom.dump(), "both.cdx.json");
    REQUIRE(read.components.size() == 1);
    CHECK(read.components[0].licenses_declared == both.components[0].licenses_declared);
    CHECK(read.components[0].licenses_concluded == both.components[0].licenses_concluded);
  }
  // 1.7 lists expressions beside other licenses.
  format::LossReport losses;
  auto bom = nlohmann::json::parse(testing::render_as(document, "cyclonedx-json@1.7", &losses));
  const auto& licenses = bom["components"][0]["licenses"];
  REQUIRE(licenses.size() == 2);
  CHECK(licenses[0]["expression"] == "BSD-3-Clause OR GPL-2.0-only");
  CHECK(licenses[1]["license"]["id"] == "MIT");
  CHECK_FALSE(fidelity::has_loss(losses, "license lists"));
}

TEST_CASE("conversion: an incomplete document says so, and why, in every format and back",
          "[formats][conversion]") {
  // What a scan that hit limits gives: more omissions than a document
  // names (100), so that the count is carried beside the named ones.
  model::ComponentGraph graph;
  model::Component library;
  library.type = model::ComponentType::library;
  library.name = "zlib";
  library.version = "1.3";
  library.purl = "pkg:generic/zlib@1.3";
  graph.add(std::move(library));
  graph.add_omission({"etc/alternatives/nodejs",
                      "file is 98932688 bytes, over the limit of 67108864; not scanned"});
  for (int i = 0; i < 104; ++i) {
    graph.add_omission({"tmp/t" + std::to_string(1000 + i) + "/a.jar",
                        "archive is damaged or truncated: Truncated ZIP file header"});
  }
  const model::Document scanned = std::move(graph).finish({});
  REQUIRE(scanned.metadata.omitted == 105);
  REQUIRE(scanned.metadata.omissions.size() == 100);
  const auto lines_of = [](const model::Document& document) {
    std::vector<std::string> lines;
    for (const auto& omission : document.metadata.omissions) {
      lines.push_back(omission.location.empty() ? omission.reason
                                                : omission.location + ": " + omission.reason);
    }
    return lines;
  };
  for (const auto& spec : fidelity::document_specs()) {
    INFO(spec);
    format::LossReport written;
    const std::string text = testing::render_as(scanned, spec, &written);
    CHECK_FALSE(fidelity::has_loss(written, "completeness"));
    format::LossReport read_losses;
    const model::Document again = fidelity::read(text, spec, &read_losses);
    CHECK_FALSE(fidelity::has_loss(read_losses, "annotations"));
    CHECK(again.metadata.completeness == model::Completeness::incomplete);
    CHECK(again.metadata.omitted == 105);
    CHECK(lines_of(again) == lines_of(scanned));
    // And from there to CycloneDX: the incomplete composition, the named
    // places and the count, as the scan wrote them.
    format::LossReport onwards;
    const auto bom =
        nlohmann::json::parse(testing::render_as(again, "cyclonedx-json@1.6", &onwards));
    CHECK_FALSE(fidelity::has_loss(onwards, "properties"));
    CHECK(bom["compositions"][0]["aggregate"] == "incomplete");
    std::vector<std::string> named;
    std::string count;
    for (const auto& property : bom["metadata"]["properties"]) {
      if (property["name"] == "kensa:incomplete:omitted") {
        named.push_back(property["value"].get<std::string>());
      } else if (property["name"] == "kensa:incomplete:omitted-count") {
        count = property["value"].get<std::string>();
      }
    }
    CHECK(named.size() == 101);
    CHECK(std::count(named.begin(), named.end(),
                     "etc/alternatives/nodejs: file is 98932688 bytes, over the limit of "
                     "67108864; not scanned") == 1);
    CHECK(std::count(named.begin(), named.end(), "and 5 more") == 1);
    CHECK(count == "105");
  }
}

TEST_CASE("conversion: license evidence and copyrights found in files survive every format",
          "[formats][readers][convert][license]") {
  const auto document_with = [](std::vector<model::License> concluded) {
    return fidelity::library_with(
        {model::License{"ISC", "", ""}}, std::move(concluded),
        {{"MIT", "node_modules/lib/LICENSE", 0.993, model::LicenseMatchMethod::text, {}},
         {"Apache-2.0 OR MIT",
          "node_modules/lib/README (1).md",
          1,
          model::LicenseMatchMethod::identifier,
          {}},
         {"MIT", "node_modules/lib/NOTICE", 1, model::LicenseMatchMethod::header, {}}},
        {"Copyright (c) 2020 Vercel, Inc.", "(C) 2021 Jane Doe"});
  };
  const model::License bsd{"BSD-3-Clause", "", ""};
  const model::License either{"Apache-2.0 OR GPL-2.0-only", "", ""};
  // Concluded licenses share CycloneDX's evidence.licenses before 1.6 and,
  // with an expression, in 1.6: one id, one expression, or none.
  for (const auto& concluded : std::vector<std::vector<model::License>>{{bsd}, {either}, {}}) {
    const auto document = document_with(concluded);
    const auto& original = document.components.front();
    for (const auto& spec : fidelity::k_license_formats) {
      INFO(spec << " with " << concluded.size() << " concluded");
      format::LossReport losses;
      const auto read = fidelity::read(testing::render_as(document, spec, &losses), spec);
      const auto& back = fidelity::only_component(read);
      CHECK(back.name == "lib");
      CHECK(back.license_evidence == original.license_evidence);
      CHECK(back.copyrights == original.copyrights);
      CHECK(back.licenses_concluded == original.licenses_concluded);
      CHECK(back.licenses_declared == original.licenses_declared);
      for (const auto& property : back.properties) {
        CHECK(property.name != "kensa:license:evidence");
        CHECK(property.name != "kensa:copyright");
      }
      CHECK_FALSE(fidelity::has_loss(losses, "evidence"));
      CHECK_FALSE(fidelity::has_loss(losses, "copyright"));
    }
  }
}

TEST_CASE("conversion: the text of an unlisted license found in a file survives every format",
          "[formats][readers][convert][license]") {
  // A text no license of the SPDX list matches: a shortened JSON license
  // (the list's JSON text is longer).
  const std::string text =
      "Copyright (c) 2002 JSON.org\n\nPermission is hereby granted, free of charge, to any "
      "person obtaining a copy of this software.\n\nThe Software shall be used for Good, not "
      "Evil.";
  const std::string ref = model::unlisted_license_ref(text);
  const auto document_with = [&](std::vector<model::License> concluded) {
    return fidelity::library_with(
        {}, std::move(concluded),
        {{"MIT", "node_modules/lib/LICENSE-MIT", 0.993, model::LicenseMatchMethod::text, {}},
         {ref, "node_modules/lib/LICENSE", 1, model::LicenseMatchMethod::unlisted, text}},
        {});
  };
  const model::License bsd{"BSD-3-Clause", "", ""};
  const model::License either{"Apache-2.0 OR GPL-2.0-only", "", ""};
  for (const auto& concluded : std::vector<std::vector<model::License>>{{bsd}, {either}, {}}) {
    const auto document = document_with(concluded);
    const auto& original = document.components.front();
    for (const auto& spec : fidelity::k_license_formats) {
      INFO(spec << " with " << concluded.size() << " concluded");
      format::LossReport losses;
      const auto read = fidelity::read(testing::render_as(document, spec, &losses), spec);
      const auto& back = fidelity::only_component(read);
      CHECK(back.licenses_concluded == original.licenses_concluded);
      // Before 1.6 a concluded license shares CycloneDX's evidence list,
      // and a list with an expression holds nothing else: the property
      // still names the LicenseRef-, and the text's loss is counted.
      const bool text_lost = (spec.ends_with("1.4") || spec.ends_with("1.5")) &&
                             concluded.size() == 1 &&
                             concluded.front().expression == either.expression;
      if (text_lost) {
        CHECK(fidelity::has_loss(losses, "license text found in a file"));
        REQUIRE(back.license_evidence.size() == 2);
        CHECK(back.license_evidence[0].expression == ref);
        CHECK(back.license_evidence[0].method == model::LicenseMatchMethod::unlisted);
        CHECK(back.license_evidence[0].text.empty());
      } else {
        CHECK_FALSE(fidelity::has_loss(losses, "license text"));
        CHECK(back.license_evidence == original.license_evidence);
      }
      // The text is written once, where the format defines licenses.
      CHECK(std::count(read.metadata.properties.begin(), read.metadata.properties.end(),
                       model::Property{"kensa:spdx:license-text:" + ref, text}) == 0);
    }
  }
}
