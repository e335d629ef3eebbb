// Every writer and spec version on the every-field document: byte-identical
// output run after run, equal to the golden file, and valid against the
// official schema of its version as an independent validator sees it.
//
// Set KENSA_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate
// change; review the diff before committing it.
#include "../support/test_support.hpp"
#include "format_fixture.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/spdx2_tree.hpp>
#include <kensa/format/writer.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace kensa;
namespace fs = std::filesystem;

namespace {

struct Output {
  std::string format;
  std::string version;
  std::string text;
  std::string file_name;
};

std::vector<Output> every_output() {
  static const model::Document document = testing::every_field_document();
  std::vector<Output> outputs;
  for (const auto& format : format::output_formats()) {
    std::vector<std::string> versions(format.versions.begin(), format.versions.end());
    if (versions.empty()) {
      versions.emplace_back();
    }
    for (const auto& version : versions) {
      auto spec = format::parse_output_spec(std::string(format.name) +
                                            (version.empty() ? "" : "@" + version));
      REQUIRE(spec.ok());
      Output output{std::string(format.name), version, format::render(document, *spec), ""};
      output.file_name = "every-field." + output.format + (version.empty() ? "" : "-" + version) +
                         "." + testing::output_extension(output.format);
      outputs.push_back(std::move(output));
    }
  }
  return outputs;
}

std::string python_validator() {
  return "/usr/bin/python3 " + std::string(KENSA_SOURCE_DIR) +
         "/tests/tools/validate-json-schema.py";
}

} // namespace

TEST_CASE("format outputs: deterministic and equal to the golden files", "[formats][golden]") {
  auto first = every_output();
  auto second = every_output();
  REQUIRE(first.size() == second.size());
  bool update = std::getenv("KENSA_UPDATE_GOLDEN") != nullptr;
  for (std::size_t i = 0; i < first.size(); ++i) {
    INFO(first[i].file_name);
    CHECK(first[i].text == second[i].text);
    auto golden = testing::fixture("formats/golden/" + first[i].file_name);
    if (update) {
      std::ofstream(golden, std::ios::binary) << first[i].text;
    }
    REQUIRE(fs::exists(golden));
    CHECK(testing::read_file(golden) == first[i].text);
  }
}

TEST_CASE("format outputs: CycloneDX validates against the bundled schemas", "[formats][schema]") {
  bool have_xmllint = testing::have_program("xmllint");
  if (!have_xmllint) {
    WARN("xmllint not installed: XML outputs not checked");
  }
  std::size_t checked = 0;
  for (const auto& output : every_output()) {
    INFO(output.file_name);
    std::string schemas = std::string(KENSA_SOURCE_DIR) + "/schemas/cyclonedx";
    auto path = testing::write_scratch("format-schema-cdx", output.file_name, output.text);
    if (output.format == "cyclonedx-json") {
      CHECK(testing::run_shell(python_validator() + " " + schemas + " bom-" + output.version +
                               ".SNAPSHOT.schema.json " + path.string()) == 0);
      ++checked;
    } else if (output.format == "cyclonedx-xml" && have_xmllint) {
      CHECK(testing::run_shell("xmllint --noout --nonet --schema " + schemas + "/bom-" +
                               output.version + ".SNAPSHOT.xsd " + path.string()) == 0);
      ++checked;
    }
  }
  CHECK(checked == (have_xmllint ? 8 : 4));
}

TEST_CASE("format outputs: SPDX 2 validates against the official schemas", "[formats][schema]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("no shared conformance data beside the checkout (SPDX schemas); skipped");
    return;
  }
  std::size_t checked = 0;
  for (const auto& output : every_output()) {
    if (output.format.rfind("spdx-", 0) != 0 || output.version.rfind("2.", 0) != 0) {
      continue;
    }
    INFO(output.file_name);
    std::string document_file = output.file_name;
    std::string text = output.text;
    if (output.format == "spdx-tag-value") {
      // No independent tag-value validator is packaged: the tree reader
      // turns it into JSON, which the schema then checks, and must find
      // nothing it cannot place.
      auto tree = format::read_spdx2_tag_value_tree(output.text);
      REQUIRE(tree.ok());
      for (const auto& problem : tree->problems) {
        FAIL_CHECK("line " << problem.line << ": " << problem.message);
      }
      text = tree->document.root().to_nlohmann().dump(2);
      document_file += ".json";
    }
    auto path = testing::write_scratch("format-schema-spdx", document_file, text);
    auto folder = *shared / "conformance" / "spdx" / output.version;
    CHECK(testing::run_shell(python_validator() + " " + folder.string() + " spdx-schema.json " +
                             path.string()) == 0);
    ++checked;
  }
  CHECK(checked == 6);
}
