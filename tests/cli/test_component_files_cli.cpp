// Components that are files (a wheel, an egg, a Java archive, a package
// file) carry what BSI TR-03183-2 asks of them: the file name, the
// executable, archive and structured properties, and with --digests the
// digests of the file.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace {

using kensa::testing::fixture;
using kensa::testing::run_kensa;

// The value of CycloneDX property `name` of `component`, empty when none.
std::string property_of(const nlohmann::json& component, const std::string& name) {
  for (const auto& property : component.value("properties", nlohmann::json::array())) {
    if (property["name"] == name) {
      return property["value"];
    }
  }
  return {};
}

const nlohmann::json* find_named(const nlohmann::json& components, const std::string& name) {
  for (const auto& component : components) {
    if (component["name"] == name) {
      return &component;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("component files: a wheel's package gets its file name, kind and digest",
          "[cli][scan][component-files]") {
  const auto dir = kensa::testing::scratch_dir("component-files-wheel");
  const auto cdx = (dir / "bom.cdx.json").string();
  const auto spdx = (dir / "bom.spdx.json").string();
  const auto scanned =
      run_kensa({"scan", fixture("python/archives").string(), "--digests", "sha512", "-o",
                 "cyclonedx-json=" + cdx, "-o", "spdx-json=" + spdx});
  INFO(scanned.err);
  REQUIRE(scanned.exit_code == 0);
  const auto bom = nlohmann::json::parse(kensa::testing::read_file(cdx));
  const auto* wheel_file =
      find_named(bom["components"], "kensa_fixture.Tool-0.3.0-py3-none-any.whl");
  REQUIRE(wheel_file != nullptr);
  const auto* package = find_named(bom["components"], "kensa-fixture.Tool");
  REQUIRE(package != nullptr);
  CHECK(property_of(*package, "bsi:component:filename") ==
        "kensa_fixture.Tool-0.3.0-py3-none-any.whl");
  CHECK(property_of(*package, "bsi:component:executable") == "non-executable");
  CHECK(property_of(*package, "bsi:component:archive") == "archive");
  CHECK(property_of(*package, "bsi:component:structured") == "structured");
  // The inventory's digest of the wheel is the package's.
  REQUIRE((*package)["hashes"].size() == 1);
  CHECK((*package)["hashes"][0] == (*wheel_file)["hashes"][0]);
  CHECK((*package)["hashes"][0]["alg"] == "SHA-512");

  // Found in a wheel and in an egg: the first location names its file.
  const auto* example = find_named(bom["components"], "example");
  REQUIRE(example != nullptr);
  CHECK(property_of(*example, "bsi:component:filename") == "example-21.12-py3-none-any.whl");

  // SPDX 2 writes the file name as packageFileName.
  const auto document = nlohmann::json::parse(kensa::testing::read_file(spdx));
  bool named = false;
  for (const auto& spdx_package : document["packages"]) {
    if (spdx_package["name"] == "kensa-fixture.Tool") {
      named =
          spdx_package.value("packageFileName", "") == "kensa_fixture.Tool-0.3.0-py3-none-any.whl";
    }
  }
  CHECK(named);
}

TEST_CASE("component files: without --digests the file name and kind are still written",
          "[cli][scan][component-files]") {
  const auto dir = kensa::testing::scratch_dir("component-files-plain");
  const auto cdx = (dir / "bom.cdx.json").string();
  const auto scanned =
      run_kensa({"scan", fixture("python/archives").string(), "-o", "cyclonedx-json=" + cdx});
  REQUIRE(scanned.exit_code == 0);
  const auto bom = nlohmann::json::parse(kensa::testing::read_file(cdx));
  const auto* package = find_named(bom["components"], "kensa-fixture.Tool");
  REQUIRE(package != nullptr);
  CHECK(property_of(*package, "bsi:component:filename") ==
        "kensa_fixture.Tool-0.3.0-py3-none-any.whl");
  CHECK_FALSE(package->contains("hashes"));
}

TEST_CASE("component files: a scanned wheel passes BSI's file elements",
          "[cli][scan][component-files][profiles]") {
  const auto dir = kensa::testing::scratch_dir("component-files-bsi");
  const auto cdx = (dir / "bom.cdx.json").string();
  const auto scanned = run_kensa(
      {"scan", fixture("python/archives/kensa_fixture.Tool-0.3.0-py3-none-any.whl").string(),
       "--digests", "sha512", "-o", "cyclonedx-json=" + cdx});
  INFO(scanned.err);
  REQUIRE(scanned.exit_code == 0);
  const auto validated = run_kensa({"validate", "--report", "json", "--fail-on", "never",
                                    "--profile", "bsi-tr-03183-2-v2.1", cdx});
  INFO(validated.out << validated.err);
  REQUIRE(validated.exit_code == 0);
  const auto report = nlohmann::json::parse(validated.out);
  int checked = 0;
  for (const auto& element : report["documents"][0]["profiles"][0]["elements"]) {
    const std::string name = element["element"];
    // The wheel, the subject, describes the package it is: both take
    // part in the graph.
    if (name == "Component Filename" || name == "Component SHA-512 Hash" ||
        name == "Executable/Archive/Structured Properties" || name == "Component Dependencies") {
      INFO(name);
      CHECK(element["missing"] == 0);
      ++checked;
    }
  }
  CHECK(checked == 4);
}

TEST_CASE("component files: a classified executable is a file component in every format",
          "[cli][scan][component-files][profiles]") {
  const auto dir = kensa::testing::scratch_dir("component-files-executables");
  const auto cdx = (dir / "bom.cdx.json").string();
  const auto xml = (dir / "bom.cdx.xml").string();
  const auto spdx3 = (dir / "bom.spdx3.json").string();
  const auto scanned = run_kensa({"scan", fixture("binary-classifier/debian-12").string(),
                                  "--digests", "sha512", "-o", "cyclonedx-json@1.6=" + cdx, "-o",
                                  "cyclonedx-xml@1.6=" + xml, "-o", "spdx-json@3.0=" + spdx3});
  INFO(scanned.err);
  REQUIRE(scanned.exit_code == 0);
  const auto bom = nlohmann::json::parse(kensa::testing::read_file(cdx));
  const auto* gzip = find_named(bom["components"], "gzip");
  REQUIRE(gzip != nullptr);
  CHECK(property_of(*gzip, "bsi:component:filename") == "gzip");
  CHECK(property_of(*gzip, "bsi:component:executable") == "executable");
  CHECK(property_of(*gzip, "bsi:component:archive") == "no archive");
  CHECK(property_of(*gzip, "bsi:component:structured") == "unstructured");
  const auto* gzip_file = find_named(bom["components"], "usr/bin/gzip");
  REQUIRE(gzip_file != nullptr);
  REQUIRE((*gzip)["hashes"].size() == 1);
  CHECK((*gzip)["hashes"][0] == (*gzip_file)["hashes"][0]);

  // SPDX 3 carries the properties in its CycloneDX properties extension.
  const auto document = nlohmann::json::parse(kensa::testing::read_file(spdx3));
  std::string spdx3_file_name;
  for (const auto& element : document["@graph"]) {
    if (element["type"] != "software_Package" || element["name"] != "gzip") {
      continue;
    }
    for (const auto& extension : element.value("extension", nlohmann::json::array())) {
      CHECK(extension["type"] == "extension_CdxPropertiesExtension");
      for (const auto& entry : extension["extension_cdxProperty"]) {
        if (entry["extension_cdxPropName"] == "bsi:component:filename") {
          spdx3_file_name = entry["extension_cdxPropValue"];
        }
      }
    }
  }
  CHECK(spdx3_file_name == "gzip");

  // BSI's file elements count the same in each, and every classified
  // component has them.
  const auto validated = run_kensa({"validate", "--report", "json", "--fail-on", "never",
                                    "--profile", "bsi-tr-03183-2-v2.1", cdx, xml, spdx3});
  INFO(validated.out << validated.err);
  REQUIRE(validated.exit_code == 0);
  const auto report = nlohmann::json::parse(validated.out);
  REQUIRE(report["documents"].size() == 3);
  for (const auto& document_report : report["documents"]) {
    int checked = 0;
    for (const auto& element : document_report["profiles"][0]["elements"]) {
      const std::string name = element["element"];
      if (name == "Component Filename" || name == "Component SHA-512 Hash" ||
          name == "Executable/Archive/Structured Properties") {
        INFO(name);
        // The folder scanned, the subject, is no file.
        CHECK(element["missing"] == 1);
        CHECK(element["present"] == document_report["profiles"][0]["components"].get<int>() - 1);
        ++checked;
      }
    }
    CHECK(checked == 3);
  }
}

TEST_CASE("component files: SPDX 3 properties survive a conversion back to CycloneDX",
          "[cli][convert][component-files]") {
  const auto dir = kensa::testing::scratch_dir("component-files-spdx3-round-trip");
  const auto spdx3 = (dir / "bom.spdx3.json").string();
  const auto back = (dir / "back.cdx.json").string();
  REQUIRE(run_kensa({"scan", fixture("python/archives").string(), "-o", "spdx-json@3.0=" + spdx3})
              .exit_code == 0);
  const auto converted = run_kensa({"convert", spdx3, "-o", "cyclonedx-json=" + back});
  INFO(converted.err);
  REQUIRE(converted.exit_code == 0);
  const auto bom = nlohmann::json::parse(kensa::testing::read_file(back));
  const auto* package = find_named(bom["components"], "kensa-fixture.Tool");
  REQUIRE(package != nullptr);
  CHECK(property_of(*package, "bsi:component:filename") ==
        "kensa_fixture.Tool-0.3.0-py3-none-any.whl");
  CHECK(property_of(*package, "bsi:component:structured") == "structured");
  // Read back as properties, not kept as an unread member.
  CHECK(property_of(*package, "kensa:spdx3:extension").empty());

  // An extension of another kind is kept as written, beside the properties.
  auto document = nlohmann::json::parse(kensa::testing::read_file(spdx3));
  bool extended = false;
  for (auto& element : document["@graph"]) {
    if (element["type"] == "software_Package" && element["name"] == "kensa-fixture.Tool") {
      element["extension"].push_back({{"type", "https://example.org/OtherExtension"}});
      extended = true;
    }
  }
  REQUIRE(extended);
  const auto foreign = (dir / "foreign.spdx3.json").string();
  const auto foreign_back = (dir / "foreign.cdx.json").string();
  std::ofstream(foreign) << document.dump();
  const auto reconverted = run_kensa({"convert", foreign, "-o", "cyclonedx-json=" + foreign_back});
  INFO(reconverted.err);
  REQUIRE(reconverted.exit_code == 0);
  const auto again = nlohmann::json::parse(kensa::testing::read_file(foreign_back));
  const auto* kept = find_named(again["components"], "kensa-fixture.Tool");
  REQUIRE(kept != nullptr);
  CHECK(property_of(*kept, "bsi:component:filename") ==
        "kensa_fixture.Tool-0.3.0-py3-none-any.whl");
  CHECK(property_of(*kept, "kensa:spdx3:extension").find("OtherExtension") != std::string::npos);
}

TEST_CASE("component files: a scanned wheel with the user's facts passes BSI, NTIA and CISA",
          "[cli][scan][component-files][profiles]") {
  const auto dir = kensa::testing::scratch_dir("component-files-bsi-pass");
  const std::vector<std::string> outputs{"cyclonedx-json@1.6", "cyclonedx-xml@1.6",
                                         "spdx-json@3.0"};
  std::vector<std::string> scan{
      "scan",
      fixture("python/archives/kensa_fixture.Tool-0.3.0-py3-none-any.whl").string(),
      "--digests",
      "sha512",
      "--author",
      "Jane Doe <jane@example.com>",
      "--source-supplier",
      "Example Ltd,https://example.com",
      "--source-version",
      "0.3.0",
      "--source-license",
      "MIT",
      "--source-purl",
      "pkg:generic/kensa-fixture-tool-wheel@0.3.0"};
  std::vector<std::string> validate{"validate",  "--profile", "bsi-tr-03183-2-v2.1",
                                    "--profile", "ntia-2021", "--profile",
                                    "cisa-2026"};
  for (const auto& output : outputs) {
    const auto file = (dir / (output + ".sbom")).string();
    scan.push_back("-o");
    scan.push_back(output + "=" + file);
    validate.push_back(file);
  }
  const auto scanned = run_kensa(scan);
  INFO(scanned.err);
  REQUIRE(scanned.exit_code == 0);
  const auto validated = run_kensa(validate);
  INFO(validated.out << validated.err);
  CHECK(validated.exit_code == 0);
}
