// licenseInfoFromFiles: for a package whose files were analysed (a scan
// listing files with SHA-1 digests), the licenses its license files show;
// on a real Debian 12 root (tests/fixtures/dpkg/debian-12).
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

using namespace kensa;

namespace {

struct FromFiles {
  bool files_analyzed = false;
  std::vector<std::string> licenses;
};

// licenseInfoFromFiles and filesAnalyzed of each package, by name.
std::map<std::string, FromFiles> from_files_by_package(const std::string& text) {
  std::map<std::string, FromFiles> found;
  const auto document = nlohmann::json::parse(text);
  for (const auto& package : document["packages"]) {
    FromFiles& entry = found[package["name"].get<std::string>()];
    entry.files_analyzed = package.value("filesAnalyzed", false);
    for (const auto& license : package.value("licenseInfoFromFiles", nlohmann::json::array())) {
      entry.licenses.push_back(license.get<std::string>());
    }
  }
  return found;
}

} // namespace

TEST_CASE("spdx 2: licenseInfoFromFiles holds the licenses of the package's license files",
          "[formats][spdx][license]") {
  const auto root = testing::fixture("dpkg/debian-12").string();
  const auto scratch = testing::scratch_dir("spdx2-license-info-from-files");
  const std::string written = (scratch / "scan.spdx.json").string();
  // SPDX 2's verification code, without which no package's files count
  // as analysed, is made of SHA-1 digests.
  const auto scan = testing::run_kensa(
      {"scan", root, "--digests", "sha1,sha256", "-o", "spdx-json@2.3=" + written});
  REQUIRE(scan.exit_code == 0);
  const auto packages = from_files_by_package(testing::read_file(written));
  // libc6's free-form copyright file quotes the licenses of glibc's parts.
  REQUIRE(packages.contains("libc6"));
  CHECK(packages.at("libc6").files_analyzed);
  CHECK(packages.at("libc6").licenses ==
        std::vector<std::string>{"CMU-Mach", "GPL-2.0-or-later", "ISC", "Inner-Net-2.0",
                                 "LGPL-2.1-or-later", "Mackerras-3-Clause", "Newsletr",
                                 "Spencer-94"});
  // zlib1g's copyright file is machine-readable: it names its license,
  // and no text of it is matched.
  REQUIRE(packages.contains("zlib1g"));
  CHECK(packages.at("zlib1g").files_analyzed);
  CHECK(packages.at("zlib1g").licenses == std::vector<std::string>{"NOASSERTION"});

  // Read back and written again, each package says the same.
  const std::string again = (scratch / "again.spdx.json").string();
  const auto convert = testing::run_kensa({"convert", written, "-o", "spdx-json@2.3=" + again});
  REQUIRE(convert.exit_code == 0);
  const auto converted = from_files_by_package(testing::read_file(again));
  for (const auto& [name, entry] : packages) {
    INFO(name);
    REQUIRE(converted.contains(name));
    CHECK(converted.at(name).files_analyzed == entry.files_analyzed);
    CHECK(converted.at(name).licenses == entry.licenses);
  }
}

TEST_CASE("spdx 2: without --files no package has licenseInfoFromFiles",
          "[formats][spdx][license]") {
  const auto root = testing::fixture("dpkg/debian-12").string();
  const auto scan = testing::run_kensa({"scan", root, "-o", "spdx-json@2.3"});
  REQUIRE(scan.exit_code == 0);
  for (const auto& [name, entry] : from_files_by_package(scan.out)) {
    INFO(name);
    CHECK_FALSE(entry.files_analyzed);
    CHECK(entry.licenses.empty());
  }
}

TEST_CASE("spdx 2: --license-text full defines the LicenseRef- it lists from files",
          "[formats][spdx][license]") {
  const auto root = testing::fixture("dpkg/debian-12").string();
  const auto scan = testing::run_kensa(
      {"scan", root, "--license-text", "full", "--digests", "sha1", "-o", "spdx-json@2.3"});
  REQUIRE(scan.exit_code == 0);
  const auto document = nlohmann::json::parse(scan.out);
  // libc6's free-form copyright file holds, beside the licenses found in
  // it, long passages of its own (the list of glibc's parts and their
  // terms): it is kept whole, listed among the licenses from files, and
  // defined with the file's text.
  std::string ref;
  const auto packages = from_files_by_package(scan.out);
  for (const auto& license : packages.at("libc6").licenses) {
    if (license.starts_with("LicenseRef-file-")) {
      ref = license;
    }
  }
  REQUIRE_FALSE(ref.empty());
  std::string text =
      testing::read_file(testing::fixture("dpkg/debian-12/usr/share/doc/libc6/copyright"));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  std::size_t defined = 0;
  for (const auto& extracted : document["hasExtractedLicensingInfos"]) {
    if (extracted["licenseId"] == ref) {
      ++defined;
      CHECK(extracted["extractedText"] == text);
    }
  }
  CHECK(defined == 1);
}
