// The document facts only the user knows, given as flags, environment
// variables or a configuration file, reach every format, and the profiles
// then find them; what is wrong in them is refused with exit 2.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using kensa::testing::run_kensa;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::vector<std::string> k_facts{"--author",          "Jane Doe <jane@example.com>",
                                       "--source-name",     "acme-app",
                                       "--source-version",  "2.0.0",
                                       "--source-supplier", "Example, Inc.,https://example.com",
                                       "--source-purl",     "pkg:generic/acme-app@2.0.0"};

} // namespace

TEST_CASE("document facts: flags reach CycloneDX, SPDX 2 and SPDX 3", "[cli][document-facts]") {
  const auto out = kensa::testing::scratch_dir("document-facts-formats");
  std::vector<std::string> arguments{"scan", kensa::testing::fixture("npm/lockfile-v3").string(),
                                     "-o",   "cyclonedx-json@1.6=" + (out / "c.json").string(),
                                     "-o",   "spdx-json@2.3=" + (out / "s2.json").string(),
                                     "-o",   "spdx-json@3.0=" + (out / "s3.json").string(),
                                     "-o",   "spdx-tag-value@2.3=" + (out / "s2.spdx").string()};
  arguments.insert(arguments.end(), k_facts.begin(), k_facts.end());
  const auto scan = run_kensa(arguments, {"SOURCE_DATE_EPOCH=1700000000"});
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);

  const auto bom = nlohmann::json::parse(read_text(out / "c.json"));
  const auto& metadata = bom["metadata"];
  REQUIRE(metadata["authors"].size() == 1);
  CHECK(metadata["authors"][0]["name"] == "Jane Doe");
  CHECK(metadata["authors"][0]["email"] == "jane@example.com");
  CHECK(metadata["lifecycles"] == nlohmann::json::parse(R"([{"phase": "pre-build"}])"));
  const auto& subject = metadata["component"];
  CHECK(subject["name"] == "acme-app");
  CHECK(subject["version"] == "2.0.0");
  CHECK(subject["purl"] == "pkg:generic/acme-app@2.0.0");
  CHECK(subject["supplier"]["name"] == "Example, Inc.");
  CHECK(subject["supplier"]["url"] == nlohmann::json::array({"https://example.com"}));

  const auto spdx2 = nlohmann::json::parse(read_text(out / "s2.json"));
  const auto& creators = spdx2["creationInfo"]["creators"];
  CHECK(std::find(creators.begin(), creators.end(), "Person: Jane Doe (jane@example.com)") !=
        creators.end());
  CHECK(spdx2["creationInfo"]["comment"] ==
        "SBOM generation context: pre-build (CycloneDX lifecycle phase)");
  CHECK_THAT(read_text(out / "s2.spdx"),
             Catch::Contains("CreatorComment: SBOM generation context: pre-build"));

  const std::string spdx3 = read_text(out / "s3.json");
  CHECK_THAT(spdx3, Catch::Contains("\"software_sbomType\"") && Catch::Contains("\"source\"") &&
                        Catch::Contains("Jane Doe"));

  // Read back, each format keeps the phase.
  for (const char* file : {"s2.json", "s3.json", "s2.spdx"}) {
    INFO(file);
    const auto converted =
        run_kensa({"convert", (out / file).string(), "-o", "cyclonedx-json@1.6"});
    REQUIRE(converted.exit_code == 0);
    const auto back = nlohmann::json::parse(converted.out);
    CHECK(back["metadata"]["lifecycles"][0]["phase"] == "pre-build");
  }
}

TEST_CASE("document facts: the phase follows the kind of input unless given",
          "[cli][document-facts]") {
  const auto archive = kensa::testing::fixture("python/archives/example-21.12-py3-none-any.whl");
  REQUIRE(fs::exists(archive));
  auto phase_of = [](const std::vector<std::string>& arguments) {
    const auto scan = run_kensa(arguments);
    INFO(scan.err);
    REQUIRE(scan.exit_code == 0);
    return nlohmann::json::parse(scan.out)["metadata"]["lifecycles"][0]["phase"];
  };
  CHECK(phase_of({"scan", archive.string(), "-o", "cyclonedx-json"}) == "post-build");
  CHECK(phase_of({"scan", archive.string(), "-o", "cyclonedx-json", "--lifecycle", "build"}) ==
        "build");
  CHECK(phase_of({"scan", kensa::testing::fixture("dpkg/debian-12").string(), "-o",
                  "cyclonedx-json"}) == "operations");
}

TEST_CASE("document facts: environment variables and the per-user configuration file",
          "[cli][document-facts]") {
  const auto home = kensa::testing::scratch_dir("document-facts-config");
  fs::create_directories(home / "kensa");
  std::ofstream(home / "kensa" / "config.toml")
      << "author = \"Config Team <team@example.com>\"\nsource-name = \"from-config\"\n"
         "lifecycle = \"build\"\n";
  const std::vector<std::string> scan{"scan", kensa::testing::fixture("npm/lockfile-v3").string(),
                                      "-o", "cyclonedx-json"};
  const std::string config_home = "XDG_CONFIG_HOME=" + home.string();

  const auto from_file = run_kensa(scan, {config_home});
  INFO(from_file.err);
  REQUIRE(from_file.exit_code == 0);
  auto metadata = nlohmann::json::parse(from_file.out)["metadata"];
  CHECK(metadata["authors"][0]["name"] == "Config Team");
  CHECK(metadata["component"]["name"] == "from-config");
  CHECK(metadata["lifecycles"][0]["phase"] == "build");

  // A flag or its environment variable wins over the file.
  const auto from_environment =
      run_kensa(scan, {config_home, "KENSA_SOURCE_NAME=from-environment"});
  REQUIRE(from_environment.exit_code == 0);
  metadata = nlohmann::json::parse(from_environment.out)["metadata"];
  CHECK(metadata["component"]["name"] == "from-environment");
  CHECK(metadata["authors"][0]["name"] == "Config Team");

  // The project's manifest declares MIT; the user's license replaces it.
  CHECK(metadata["component"]["licenses"][0]["license"]["id"] == "MIT");
  std::vector<std::string> licensed = scan;
  licensed.insert(licensed.end(), {"--source-license", "apache-2.0"});
  const auto from_flag = run_kensa(licensed, {config_home});
  REQUIRE(from_flag.exit_code == 0);
  const auto flag_licenses =
      nlohmann::json::parse(from_flag.out)["metadata"]["component"]["licenses"];
  REQUIRE(flag_licenses.size() == 1);
  CHECK(flag_licenses[0]["license"]["id"] == "Apache-2.0");
  const auto from_variable = run_kensa(scan, {config_home, "KENSA_SOURCE_LICENSE=GPL-2.0-only"});
  REQUIRE(from_variable.exit_code == 0);
  const auto variable_licenses =
      nlohmann::json::parse(from_variable.out)["metadata"]["component"]["licenses"];
  REQUIRE(variable_licenses.size() == 1);
  CHECK(variable_licenses[0]["license"]["id"] == "GPL-2.0-only");

  // A folder has no digest of its own: none unless the user states the
  // released artifact's.
  CHECK_FALSE(metadata["component"].contains("hashes"));
  const std::string digest(64, 'c');
  const auto hashed = run_kensa(scan, {config_home, "KENSA_SOURCE_HASH=sha256:" + digest});
  REQUIRE(hashed.exit_code == 0);
  const auto hashes = nlohmann::json::parse(hashed.out)["metadata"]["component"]["hashes"];
  REQUIRE(hashes.size() == 1);
  CHECK(hashes[0]["alg"] == "SHA-256");
  CHECK(hashes[0]["content"] == digest);

  std::vector<std::string> no_config = scan;
  no_config.push_back("--no-config");
  const auto ignored = run_kensa(no_config, {config_home});
  REQUIRE(ignored.exit_code == 0);
  metadata = nlohmann::json::parse(ignored.out)["metadata"];
  CHECK(metadata["component"]["name"] != "from-config");
  CHECK_FALSE(metadata.contains("authors"));
}

TEST_CASE("document facts: wrong facts are refused with exit 2 before scanning",
          "[cli][document-facts]") {
  const std::string fixture = kensa::testing::fixture("npm/lockfile-v3").string();
  const auto bad_file = kensa::testing::scratch_dir("document-facts-bad") / "kensa.toml";
  std::ofstream(bad_file) << "source_name = \"underscore instead of dash\"\n";
  const std::vector<std::vector<std::string>> refused{
      {"--author", "Jane <jane at example>"},
      {"--lifecycle", "runtime"},
      {"--source-purl", "acme-app"},
      {"--source-license", "MIT License"},
      {"--source-hash", "sha256:abc"},
      {"--config", bad_file.string()},
      {"--config", (bad_file.parent_path() / "absent.toml").string()},
      {"--config", bad_file.string(), "--no-config"},
  };
  for (const auto& flags : refused) {
    std::vector<std::string> arguments{"scan", fixture, "-o", "cyclonedx-json"};
    arguments.insert(arguments.end(), flags.begin(), flags.end());
    INFO(flags[0] << " " << flags[1]);
    const auto scan = run_kensa(arguments);
    CHECK(scan.exit_code == 2);
    CHECK(scan.out.empty());
    CHECK(kensa::testing::line_count(scan.err) == 1);
  }
}

TEST_CASE("document facts: a profile report says what would supply a missing element",
          "[cli][document-facts][profiles]") {
  const auto out = kensa::testing::scratch_dir("document-facts-hints");
  const auto file = (out / "bom.json").string();
  const std::string fixture = kensa::testing::fixture("npm/lockfile-v3").string();
  REQUIRE(run_kensa({"scan", fixture, "-o", "cyclonedx-json=" + file}).exit_code == 0);
  const auto without = run_kensa({"validate", file, "--profile", "ntia-2021"});
  CHECK(without.exit_code == 1);
  CHECK_THAT(without.out, Catch::Contains("SBOM Author (required) is missing") &&
                              Catch::Contains("fix: kensa scan: pass --author") &&
                              Catch::Contains("to supply: kensa scan: pass --author"));

  std::vector<std::string> arguments{"scan", fixture, "-o", "cyclonedx-json=" + file};
  arguments.insert(arguments.end(), k_facts.begin(), k_facts.end());
  REQUIRE(run_kensa(arguments).exit_code == 0);
  const auto with = run_kensa({"validate", file, "--profile", "ntia-2021"});
  CHECK_THAT(with.out, !Catch::Contains("SBOM Author (required) is missing") &&
                           !Catch::Contains("for component acme-app"));
}
