// The official CycloneDX and SPDX test data in ../shared/conformance (see its
// README) against kensa's schema layer: every valid-* document passes and
// every invalid-* one fails, in JSON and XML, for CycloneDX 1.4 to 1.7; the
// SPDX 2.2, 2.3 and 3.0.1 examples pass their official schemas. The SPDX
// schemas are read from ../shared; they are test data, not bundled.
#include "../support/json_tree.hpp"
#include "../support/test_support.hpp"

#include <kensa/validate/bundled_schemas.hpp>
#include <kensa/validate/json_schema.hpp>
#include <kensa/validate/xml_schema.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kensa::validate::SchemaValidation;
using Json = nlohmann::json;

std::vector<fs::path> files_with_extension(const fs::path& folder, const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// What the schema layer must say about a test file, from its name: valid-*
// and (XSD only) informal-invalid-* pass; invalid-* fail. The informal ones
// break a rule XSD 1.0 cannot state; the semantic layer rejects them.
bool expected_valid(const std::string& name, bool xml) {
  if (name.starts_with("valid-")) {
    return true;
  }
  return xml && name.starts_with("informal-invalid-");
}

std::string first_problem(const SchemaValidation& result) {
  if (result.findings.empty()) {
    return "no findings";
  }
  const auto& finding = result.findings.front();
  return (finding.line > 0 ? "line " + std::to_string(finding.line) + " " : std::string{}) +
         finding.instance_location + ": " + finding.message;
}

struct Tally {
  std::size_t passed = 0;
  std::vector<std::string> failed;
};

void report(const std::string& folder, const Tally& tally) {
  std::ostringstream summary;
  summary << folder << ": " << tally.passed << " passed, " << tally.failed.size() << " failed";
  WARN(summary.str());
  for (const auto& failure : tally.failed) {
    UNSCOPED_INFO(failure);
  }
  CHECK(tally.failed.empty());
}

std::optional<fs::path> conformance() {
  const auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("../shared/conformance is not present; skipping");
    return std::nullopt;
  }
  return *shared / "conformance";
}

} // namespace

TEST_CASE("conformance: CycloneDX JSON test files against the bundled schemas",
          "[validate][json-schema][conformance]") {
  const auto root = conformance();
  if (!root) {
    return;
  }
  for (const std::string version : {"1.4", "1.5", "1.6", "1.7"}) {
    const auto schema = kensa::validate::cyclonedx_json_schema(version);
    REQUIRE(schema);
    Tally tally;
    for (const auto& file : files_with_extension(*root / "cyclonedx" / version, ".json")) {
      const std::string name = file.filename().string();
      const auto document = Json::parse(kensa::testing::read_file(file));
      const auto result = schema->validate(kensa::testing::json_tree(document).root());
      if (result.valid == expected_valid(name, false)) {
        ++tally.passed;
      } else {
        tally.failed.push_back(name + ": " + (result.valid ? "accepted" : first_problem(result)));
      }
    }
    report("cyclonedx/" + version + " JSON", tally);
  }
}

TEST_CASE("conformance: CycloneDX XML test files against the bundled XSDs",
          "[validate][xml-schema][conformance]") {
  const auto root = conformance();
  if (!root) {
    return;
  }
  for (const std::string version : {"1.4", "1.5", "1.6", "1.7"}) {
    const auto schema = kensa::validate::cyclonedx_xml_schema(version);
    INFO(schema.error());
    REQUIRE(schema);
    Tally tally;
    for (const auto& file : files_with_extension(*root / "cyclonedx" / version, ".xml")) {
      const std::string name = file.filename().string();
      const auto result = schema->validate(kensa::testing::read_file(file));
      if (result.valid == expected_valid(name, true)) {
        ++tally.passed;
      } else {
        tally.failed.push_back(name + ": " + (result.valid ? "accepted" : first_problem(result)));
      }
    }
    report("cyclonedx/" + version + " XML", tally);
  }
}

TEST_CASE("conformance: the SPDX examples pass the official SPDX schemas",
          "[validate][json-schema][conformance]") {
  const auto root = conformance();
  if (!root) {
    return;
  }
  struct Example {
    std::string folder;
    std::string schema;
    std::string document;
  };
  const std::vector<Example> examples{
      {"spdx/2.2", "spdx-schema.json", "SPDXJSONExample-v2.2.spdx.json"},
      {"spdx/2.3", "spdx-schema.json", "SPDXJSONExample-v2.3.spdx.json"},
      {"spdx/3.0.1", "schema.json", "package_sbom.json"},
  };
  for (const auto& example : examples) {
    kensa::validate::SchemaRegistry registry;
    const std::string uri = "https://spdx.invalid/" + example.folder + "/" + example.schema;
    REQUIRE(
        registry.add_text(uri, kensa::testing::read_file(*root / example.folder / example.schema)));
    const auto schema = registry.compile(uri);
    REQUIRE(schema);
    const auto result = schema->validate(
        kensa::testing::json_tree(
            Json::parse(kensa::testing::read_file(*root / example.folder / example.document)))
            .root());
    Tally tally;
    if (result.valid) {
      ++tally.passed;
    } else {
      tally.failed.push_back(example.document + ": " + first_problem(result));
    }
    report(example.folder, tally);
  }
}
