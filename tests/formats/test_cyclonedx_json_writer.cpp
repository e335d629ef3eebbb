#include "format_fixture.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/model/graph.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>

using namespace kensa;
using Json = nlohmann::json;

namespace {

model::Document sample_document() {
  model::ComponentGraph graph;
  model::Component subject;
  subject.type = model::ComponentType::application;
  subject.name = "demo";
  subject.id = "0123456789abcdef";

  model::Component app;
  app.type = model::ComponentType::application;
  app.name = "demo-app";
  app.version = "1.0.0";
  app.purl = "pkg:npm/demo-app@1.0.0";
  app.evidence.push_back({"package-lock.json", "", "npm"});

  model::Component lodash;
  lodash.name = "lodash";
  lodash.version = "4.17.21";
  lodash.purl = "pkg:npm/lodash@4.17.21";
  lodash.scope = model::Scope::required;
  lodash.licenses_declared.push_back(model::License{"MIT", "", ""});
  lodash.hashes.push_back({model::HashAlgorithm::sha512, std::string(128, 'a')});
  lodash.external_references.push_back(
      {"distribution", "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz"});
  lodash.evidence.push_back({"package-lock.json", "", "npm"});
  lodash.evidence.push_back({"sub/package-lock.json", "", "npm"});

  model::Component dual;
  dual.group = "@scope";
  dual.name = "dual";
  dual.version = "2.0.0";
  dual.purl = "pkg:npm/%40scope/dual@2.0.0";
  dual.scope = model::Scope::excluded;
  dual.development = true;
  dual.licenses_declared.push_back(model::License{"MIT OR Apache-2.0", "", ""});
  dual.evidence.push_back({"package-lock.json", "", "npm"});

  model::Component odd;
  odd.name = "odd";
  odd.version = "0.0.1";
  odd.purl = "pkg:npm/odd@0.0.1";
  odd.licenses_declared.push_back(model::License{"", "Some Custom License", ""});
  odd.evidence.push_back({"package-lock.json", "", "npm"});

  auto app_id = graph.add(app);
  auto lodash_id = graph.add(lodash);
  auto dual_id = graph.add(dual);
  graph.add(odd);
  graph.relate(subject.id, app_id, model::RelationshipType::describes);
  graph.relate(app_id, lodash_id, model::RelationshipType::depends_on);
  graph.relate(app_id, dual_id, model::RelationshipType::dev_depends_on);

  model::DocumentMetadata metadata;
  metadata.timestamp = "2024-01-02T03:04:05Z";
  metadata.tools.push_back({"kensa", "kensa", "0.1.0"});
  metadata.subject = subject;
  return std::move(graph).finish(metadata);
}

Json write(const model::Document& document) {
  auto spec = format::parse_output_spec("cyclonedx-json@1.6");
  REQUIRE(spec.ok());
  return Json::parse(format::render(document, *spec));
}

const Json& component_named(const Json& bom, const std::string& name) {
  for (const auto& component : bom["components"]) {
    if (component["name"] == name) {
      return component;
    }
  }
  FAIL("no component " << name);
  static Json none;
  return none;
}

} // namespace

TEST_CASE("cyclonedx json: header, metadata and deterministic serial", "[formats][cyclonedx]") {
  auto document = sample_document();
  auto spec = format::parse_output_spec("cyclonedx-json");
  REQUIRE(spec.ok());
  std::string first = format::render(document, *spec);
  std::string second = format::render(sample_document(), *spec);
  CHECK(first == second);

  auto bom = Json::parse(first);
  CHECK(bom["$schema"] == "http://cyclonedx.org/schema/bom-1.6.schema.json");
  CHECK(bom["bomFormat"] == "CycloneDX");
  CHECK(bom["specVersion"] == "1.6");
  CHECK(bom["version"] == 1);
  std::string serial = bom["serialNumber"];
  CHECK(std::regex_match(
      serial,
      std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  CHECK(bom["metadata"]["timestamp"] == "2024-01-02T03:04:05Z");
  CHECK(bom["metadata"]["tools"]["components"][0]["name"] == "kensa");
  CHECK(bom["metadata"]["component"]["name"] == "demo");
  CHECK(bom["metadata"]["component"]["bom-ref"] == "0123456789abcdef");

  // A different document gets a different serial number.
  auto changed = sample_document();
  changed.components[0].version = "9.9.9";
  CHECK(write(changed)["serialNumber"] != bom["serialNumber"]);
}

TEST_CASE("cyclonedx json: component fields", "[formats][cyclonedx]") {
  auto bom = write(sample_document());
  REQUIRE(bom["components"].size() == 4);
  const auto& lodash = component_named(bom, "lodash");
  CHECK(lodash["bom-ref"] == "pkg:npm/lodash@4.17.21");
  CHECK(lodash["purl"] == "pkg:npm/lodash@4.17.21");
  CHECK(lodash["type"] == "library");
  CHECK(lodash["scope"] == "required");
  CHECK(lodash["hashes"][0]["alg"] == "SHA-512");
  // 1.6 says whether a license was declared or concluded.
  CHECK(lodash["licenses"] ==
        Json::parse(R"([{"license":{"id":"MIT","acknowledgement":"declared"}}])"));
  CHECK(lodash["externalReferences"][0]["type"] == "distribution");
  REQUIRE(lodash["evidence"]["occurrences"].size() == 2);
  CHECK(lodash["evidence"]["occurrences"][1]["location"] == "sub/package-lock.json");

  const auto& dual = component_named(bom, "dual");
  CHECK(dual["group"] == "@scope");
  CHECK(dual["scope"] == "excluded");
  CHECK(dual["licenses"] ==
        Json::parse(R"([{"expression":"MIT OR Apache-2.0","acknowledgement":"declared"}])"));
  bool has_dev = false;
  for (const auto& property : dual["properties"]) {
    has_dev |= property["name"] == "kensa:development" && property["value"] == "true";
  }
  CHECK(has_dev);

  const auto& odd = component_named(bom, "odd");
  CHECK(
      odd["licenses"] ==
      Json::parse(R"([{"license":{"name":"Some Custom License","acknowledgement":"declared"}}])"));
  CHECK_FALSE(odd.contains("scope"));
}

TEST_CASE("cyclonedx json: no license acknowledgement before 1.6", "[formats][cyclonedx]") {
  auto document = sample_document();
  for (auto& component : document.components) {
    if (component.name == "lodash") {
      component.licenses_concluded.push_back(model::License{"BSD-3-Clause", "", ""});
    }
  }
  for (const char* version : {"1.4", "1.5"}) {
    auto spec = format::parse_output_spec(std::string("cyclonedx-json@") + version);
    REQUIRE(spec.ok());
    auto bom = Json::parse(format::render(document, *spec));
    const auto& lodash = component_named(bom, "lodash");
    CHECK(lodash["licenses"] == Json::parse(R"([{"license":{"id":"MIT"}}])"));
    // Concluded licenses have no place next to declared ones before 1.6.
    CHECK(lodash["evidence"]["licenses"] == Json::parse(R"([{"license":{"id":"BSD-3-Clause"}}])"));
    CHECK(bom.dump().find("acknowledgement") == std::string::npos);
  }
}

TEST_CASE("cyclonedx json: every component has a dependencies entry", "[formats][cyclonedx]") {
  auto bom = write(sample_document());
  std::map<std::string, std::vector<std::string>> depends;
  for (const auto& entry : bom["dependencies"]) {
    depends[entry["ref"]] = entry["dependsOn"].get<std::vector<std::string>>();
  }
  CHECK(depends.size() == 5); // four components and the subject
  CHECK(depends["0123456789abcdef"] == std::vector<std::string>{"pkg:npm/demo-app@1.0.0"});
  CHECK(depends["pkg:npm/demo-app@1.0.0"] ==
        std::vector<std::string>{"pkg:npm/%40scope/dual@2.0.0", "pkg:npm/lodash@4.17.21"});
  CHECK(depends["pkg:npm/lodash@4.17.21"].empty());
}

TEST_CASE("cyclonedx json: invalid UTF-8 in metadata does not abort the document",
          "[formats][cyclonedx]") {
  auto document = sample_document();
  document.components[0].description = std::string("bad \xff\xfe byte");
  auto bom = write(document);
  CHECK(bom["components"][0]["description"].get<std::string>().find("bad") == 0);
}

// Big documents are mapped and written on two threads (from 4096 top-level
// components): every component, in order, and every loss of either half are
// kept, and the text is as if written in one go.
TEST_CASE("cyclonedx json: a big document maps and writes on two threads with nothing lost",
          "[formats][cyclonedx]") {
  constexpr std::size_t k_count = 5000;
  model::ComponentGraph graph;
  std::string previous;
  for (std::size_t i = 0; i < k_count; ++i) {
    // CycloneDX 1.5 has no field for an image layer: one loss each.
    std::string id = graph.add(testing::numbered_package(i));
    if (!previous.empty()) {
      // Every other edge is one the dependencies (gathered beside the
      // components) count as a loss.
      graph.relate(previous, id,
                   i % 2 == 0 ? model::RelationshipType::dev_depends_on
                              : model::RelationshipType::depends_on);
    }
    previous = id;
  }
  auto document = std::move(graph).finish({});
  auto spec = format::parse_output_spec("cyclonedx-json@1.5");
  REQUIRE(spec);
  format::LossReport losses;
  const std::string text = format::render(document, *spec, &losses);
  auto bom = Json::parse(text);
  // The second half is written on its own and appended: the seam reads as
  // any other place between two components.
  const std::string second_half = "pkg:npm/package-" + std::to_string(10000 + k_count / 2);
  CHECK(text.find("\n    },\n    {\n      \"type\": \"library\",\n      \"bom-ref\": \"" +
                  second_half + "@1.0.0\",\n") != std::string::npos);

  const auto& components = bom["components"];
  REQUIRE(components.size() == k_count);
  for (std::size_t i = 0; i < k_count; ++i) {
    INFO(i);
    REQUIRE(components[i]["purl"] == "pkg:npm/package-" + std::to_string(10000 + i) + "@1.0.0");
  }
  CHECK(components[k_count - 1]["evidence"]["occurrences"][0]["location"] ==
        "usr/lib/package-" + std::to_string(10000 + k_count - 1));
  REQUIRE(losses.entries().size() == 2);
  CHECK(losses.entries().at("dev-depends-on relationships written as plain dependsOn") ==
        (k_count - 1) / 2);
  for (const auto& [loss, count] : losses.entries()) {
    INFO(loss);
    CHECK(count == (loss.starts_with("dev-depends-on") ? (k_count - 1) / 2 : k_count));
  }
  REQUIRE(bom["dependencies"].size() == k_count);
  std::size_t edges = 0;
  for (const auto& dependency : bom["dependencies"]) {
    edges += dependency["dependsOn"].size();
  }
  CHECK(edges == k_count - 1);
}
