// `kensa validate` end to end: exit codes, --format, --fail-on, folders,
// --list-profiles and the four report formats, on documents written into a
// scratch folder by each test.
#include "../support/json_tree.hpp"
#include "../support/test_support.hpp"

#include <kensa/validate/json_schema.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using kensa::testing::run_kensa;
using Json = nlohmann::json;

constexpr const char* k_good_bom = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
  "metadata": {"timestamp": "2024-05-01T12:00:00Z",
               "component": {"type": "application", "name": "shop", "bom-ref": "shop"}},
  "components": [{"type": "library", "name": "a", "version": "1.0", "bom-ref": "a"}],
  "dependencies": [{"ref": "shop", "dependsOn": ["a"]}]
})";

// One warning (duplicate purl), no error.
constexpr const char* k_warning_bom = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
  "metadata": {"component": {"type": "application", "name": "shop"}},
  "components": [{"type": "library", "name": "a", "purl": "pkg:npm/a@1.0"},
                 {"type": "library", "name": "a", "version": "1.0", "purl": "pkg:npm/a@1.0"}]
})";

// A dangling dependency: an error.
constexpr const char* k_bad_bom = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
  "metadata": {"component": {"type": "application", "name": "shop", "bom-ref": "shop"}},
  "dependencies": [{"ref": "shop", "dependsOn": ["ghost"]}]
})";

fs::path write(const fs::path& folder, const std::string& name, const std::string& text) {
  fs::create_directories(folder);
  const fs::path path = folder / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

} // namespace

TEST_CASE("validate cli: exit 0 on a valid document, 1 on errors, 2 on unknown input",
          "[validate][cli]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-exit");
  const auto good = run_kensa({"validate", write(dir, "good.cdx.json", k_good_bom).string()});
  INFO(good.out << good.err);
  CHECK(good.exit_code == 0);
  CHECK(good.out.find("PASS") != std::string::npos);

  const auto bad = run_kensa({"validate", write(dir, "bad.cdx.json", k_bad_bom).string()});
  INFO(bad.out << bad.err);
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("CDX-REF-DEPENDENCY at /dependencies/0/dependsOn/0") != std::string::npos);
  CHECK(bad.out.find("fix: ") != std::string::npos);

  const auto unknown = run_kensa({"validate", write(dir, "notes.txt", "hello\n").string()});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("not a CycloneDX or SPDX document") != std::string::npos);
  CHECK(run_kensa({"validate", (dir / "missing.json").string()}).exit_code == 2);
  CHECK(run_kensa({"validate", "--report", "pdf", (dir / "good.cdx.json").string()}).exit_code ==
        2);
}

TEST_CASE("validate cli: --fail-on decides which severity fails", "[validate][cli]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-fail-on");
  const auto file = write(dir, "warn.cdx.json", k_warning_bom).string();
  CHECK(run_kensa({"validate", file}).exit_code == 0);
  CHECK(run_kensa({"validate", "--fail-on", "warning", file}).exit_code == 1);
  const auto bad = write(dir, "bad.cdx.json", k_bad_bom).string();
  CHECK(run_kensa({"validate", "--fail-on", "never", bad}).exit_code == 0);
  CHECK(run_kensa({"validate", "--fail-on", "sometimes", bad}).exit_code == 2);
}

TEST_CASE("validate cli: --format overrides detection", "[validate][cli]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-format");
  const auto file = write(dir, "good.json", k_good_bom).string();
  // Read as 1.4 the document is still schema-valid; read as SPDX it is not.
  CHECK(run_kensa({"validate", "--format", "cyclonedx-json@1.4", file}).exit_code == 0);
  const auto as_spdx = run_kensa({"validate", "--format", "spdx-json@2.3", file});
  CHECK(as_spdx.exit_code == 1);
  CHECK(as_spdx.out.find("spdx-json 2.3") != std::string::npos);
  CHECK(run_kensa({"validate", "--format", "swid", file}).exit_code == 2);
  CHECK(run_kensa({"validate", "--format", "table", file}).exit_code == 2);
  // Without a version, the document's own.
  const auto own = run_kensa({"validate", "--format", "cyclonedx-json", file});
  INFO(own.out << own.err);
  CHECK(own.exit_code == 0);
  CHECK(own.out.find("cyclonedx-json 1.5") != std::string::npos);
}

TEST_CASE("validate cli: the format names -o writes are the ones --format reads",
          "[validate][cli]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-format-names");
  write(dir / "project", "package.json", R"({"name": "app", "version": "1.0.0"})");
  // SPDX 3 by every spelling -o and --format take, at 3.0 and 3.0.1.
  for (const std::string name :
       {"spdx-json@3.0", "spdx-json@3.0.1", "spdx3-jsonld", "spdx3-jsonld@3.0.1"}) {
    INFO(name);
    const auto file = (dir / "out.spdx3.json").string();
    const auto scan = run_kensa({"scan", (dir / "project").string(), "-o", name + "=" + file});
    INFO(scan.err);
    REQUIRE(scan.exit_code == 0);
    const auto checked = run_kensa({"validate", "--format", name, file});
    INFO(checked.out << checked.err);
    CHECK(checked.exit_code == 0);
    // The report names the document as -o names it.
    CHECK(checked.out.find(file + ": spdx-json 3.0.1, PASS") != std::string::npos);
  }
  CHECK(run_kensa({"scan", (dir / "project").string(), "-o", "spdx3-jsonld@2.3"}).exit_code == 2);
  const auto version = run_kensa({"--version"});
  CHECK(version.out.find("spdx-json@2.2|2.3|3.0") != std::string::npos);
  CHECK(version.out.find("spdx3-jsonld=spdx-json@3.0") != std::string::npos);
}

TEST_CASE("validate cli: a folder validates every SBOM inside it and skips other files",
          "[validate][cli]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-folder");
  write(dir / "a", "good.cdx.json", k_good_bom);
  write(dir / "b", "bad.cdx.json", k_bad_bom);
  write(dir, "package.json", R"({"name": "not-an-sbom"})");
  const auto result = run_kensa({"validate", dir.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("good.cdx.json: cyclonedx-json 1.5, PASS") != std::string::npos);
  CHECK(result.out.find("bad.cdx.json: cyclonedx-json 1.5, FAIL") != std::string::npos);
  CHECK(result.out.find("package.json") == std::string::npos);
  CHECK(result.out.find("2 documents: 1 passed, 1 failed") != std::string::npos);
}

TEST_CASE("validate cli: --list-profiles names every profile, alias and unconfirmed part",
          "[validate][cli][profiles]") {
  const auto result = run_kensa({"validate", "--list-profiles"});
  CHECK(result.exit_code == 0);
  for (const char* id : {"ntia-2021", "cisa-2025-draft", "cisa-2026", "bsi-tr-03183-2-v2.1",
                         "meti-2.0", "cert-in-2.0", "asd-ism"}) {
    CHECK(result.out.find(std::string(id) + ": ") != std::string::npos);
  }
  CHECK(result.out.find("alias: cisa") != std::string::npos);
  CHECK(result.out.find("[U] unconfirmed: the METI text was not read") != std::string::npos);
  const auto dir = kensa::testing::scratch_dir("validate-cli-profiles");
  const auto file = write(dir, "good.cdx.json", k_good_bom).string();
  const auto alias = run_kensa({"validate", "--profile", "cisa", file});
  CHECK(alias.err.find("profile 'cisa' resolves to cisa-2026") != std::string::npos);
  CHECK(alias.exit_code == 1); // no author, tool, hashes, ... in the small BOM
  CHECK(alias.out.find("profile cisa-2026: coverage over 2 components") != std::string::npos);
  CHECK(run_kensa({"validate", "--profile", "fda", file}).exit_code == 2);
}

TEST_CASE("validate cli: json, sarif and junit reports", "[validate][cli][report]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-reports");
  const auto good = write(dir, "good.cdx.json", k_good_bom).string();
  const auto bad = write(dir, "bad.cdx.json", k_bad_bom).string();

  const auto json = run_kensa({"validate", "--report", "json", good, bad});
  CHECK(json.exit_code == 1);
  const auto report = Json::parse(json.out);
  CHECK(report["reportVersion"] == 1);
  CHECK(report["summary"]["passed"] == 1);
  CHECK(report["summary"]["failed"] == 1);
  CHECK(report["documents"][1]["result"] == "fail");
  CHECK(report["documents"][1]["findings"][0]["rule"] == "CDX-REF-DEPENDENCY");
  CHECK(report["documents"][1]["findings"][0]["location"] == "/dependencies/0/dependsOn/0");

  const auto sarif = Json::parse(run_kensa({"validate", "--report", "sarif", bad}).out);
  CHECK(sarif["version"] == "2.1.0");
  const auto& result = sarif["runs"][0]["results"][0];
  CHECK(result["ruleId"] == "CDX-REF-DEPENDENCY");
  CHECK(result["level"] == "error");
  CHECK(sarif["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "CDX-REF-DEPENDENCY");
  CHECK(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] ==
        "/dependencies/0/dependsOn/0");

  const auto junit = run_kensa({"validate", "--report", "junit", good, bad});
  CHECK(junit.out.starts_with("<?xml"));
  CHECK(junit.out.find("tests=\"2\" failures=\"1\" errors=\"0\"") != std::string::npos);
  CHECK(junit.out.find("<failure message=\"1 errors, 0 warnings\">") != std::string::npos);
}

TEST_CASE("validate cli: the JSON report matches its published schema", "[validate][cli][report]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-report-schema");
  const auto good = write(dir, "good.cdx.json", k_good_bom).string();
  const auto warning = write(dir, "warning.cdx.json", k_warning_bom).string();
  const auto bad = write(dir, "bad.cdx.json", k_bad_bom).string();

  // docs/validate/report.schema.json, checked with kensa's own engine.
  kensa::validate::SchemaRegistry registry;
  const std::string uri = "https://kensa.invalid/schema/validate-report-1.schema.json";
  REQUIRE(registry
              .add_text(uri, kensa::testing::read_file(fs::path(KENSA_SOURCE_DIR) /
                                                       "docs/validate/report.schema.json"))
              .ok());
  auto schema = registry.compile(uri);
  REQUIRE(schema.ok());
  // The schema is strict enough to catch a report of another version.
  CHECK_FALSE(schema->validate(kensa::testing::json_tree(Json{{"reportVersion", 2}}).root()).valid);

  // Every kind of document result: pass, warnings only, fail, unreadable;
  // with and without a profile.
  for (const auto& arguments : std::vector<std::vector<std::string>>{
           {"validate", "--report", "json", good, warning, bad},
           {"validate", "--report", "json", "--profile", "ntia-2021", good, bad},
           {"validate", "--report", "json", (dir / "missing.json").string()},
       }) {
    const auto result = run_kensa(arguments);
    INFO(result.out << result.err);
    CHECK(result.exit_code != 3);
    const auto report = Json::parse(result.out);
    const auto validation = schema->validate(kensa::testing::json_tree(report).root());
    for (const auto& finding : validation.findings) {
      UNSCOPED_INFO(finding.instance_location << ": " << finding.message);
    }
    CHECK(validation.valid);
  }
}

TEST_CASE(
    "validate cli: XML that is not well-formed is a finding, and the other files are still read",
    "[validate][cli][hostile]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-broken-xml");
  const std::string bom = R"(<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">)";
  write(dir, "a-unclosed.cdx.xml", bom);
  write(dir, "b-nul.cdx.xml",
        bom + "<components><component type=\"library\"><name>a&#0;</name>"
              "</component></components></bom>");
  write(dir, "c-utf8.cdx.xml",
        bom + "<components><component type=\"library\"><name>\xC3\x28"
              "</name></component></components></bom>");
  write(dir, "d-good.cdx.json", k_good_bom);
  const auto result = run_kensa({"validate", dir.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  for (const char* name : {"a-unclosed.cdx.xml", "b-nul.cdx.xml", "c-utf8.cdx.xml"}) {
    CHECK(result.out.find(std::string(name) + ": cyclonedx-xml 1.6, FAIL") != std::string::npos);
  }
  CHECK(result.out.find("d-good.cdx.json: cyclonedx-json 1.5, PASS") != std::string::npos);
  CHECK(result.out.find("4 documents: 1 passed, 3 failed") != std::string::npos);
}

TEST_CASE("validate cli: input is read no further than --max-file-size",
          "[validate][cli][hostile]") {
  const auto dir = kensa::testing::scratch_dir("validate-cli-size");
  const auto good = write(dir, "good.cdx.json", k_good_bom).string();
  const auto zero = run_kensa({"validate", "--max-file-size", "1MiB", "/dev/zero", good});
  INFO(zero.out << zero.err);
  CHECK(zero.exit_code == 2);
  CHECK(zero.err == "kensa: error: /dev/zero: larger than 1048576 bytes, the most kensa reads of "
                    "one SBOM\n");
  // The other document is still validated and reported.
  CHECK(zero.out.find("good.cdx.json: cyclonedx-json 1.5, PASS") != std::string::npos);

  // Standard input, as "-".
  kensa::testing::RunOptions from_zero;
  from_zero.standard_input = "/dev/zero";
  const auto piped =
      kensa::testing::run_kensa_with({"validate", "--max-file-size", "64K", "-"}, from_zero);
  CHECK(piped.exit_code == 2);
  CHECK(kensa::testing::line_count(piped.err) == 1);
  kensa::testing::RunOptions from_file;
  from_file.standard_input = good;
  const auto from_standard_input = kensa::testing::run_kensa_with({"validate", "-"}, from_file);
  CHECK(from_standard_input.exit_code == 0);

  const auto small = run_kensa({"validate", "--max-file-size", "100", good});
  CHECK(small.exit_code == 2);
  CHECK(small.err.find("the most kensa reads of one SBOM") != std::string::npos);
  CHECK(run_kensa({"validate", "--max-file-size", "1X", good}).exit_code == 2);
}
