// Links and addresses as real manifests write them reach every output in a
// form the format accepts: an npm repository given as an scp-style git
// address, and a Debian maintainer whose "address" is a web page. Every
// document kensa writes of them passes `kensa validate`.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using kensa::testing::run_kensa;
namespace fs = std::filesystem;

namespace {

void put_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A project with one installed npm package and one Debian package.
fs::path metadata_tree() {
  const auto root = kensa::testing::scratch_dir("metadata-links");
  put_file(root / "package.json",
           R"({"name": "app", "version": "1.0.0", "dependencies": {"color-name": "1.1.4"}})");
  put_file(root / "node_modules/color-name/package.json", R"({
    "name": "color-name", "version": "1.1.4", "license": "MIT",
    "repository": {"type": "git", "url": "git@github.com:colorjs/color-name.git"},
    "author": "DY <https://github.com/dfcreative>"})");
  put_file(root / "var/lib/dpkg/status", R"(Package: google-cloud-cli
Status: install ok installed
Priority: optional
Section: misc
Maintainer: Google Cloud SDK <https://code.google.com/p/google-cloud-sdk/>
Architecture: all
Version: 450.0.0-0
Description: Google Cloud CLI

)");
  return root;
}

} // namespace

TEST_CASE("metadata links: scp git addresses and maintainer links are written as URLs",
          "[cli][own-output]") {
  const auto root = metadata_tree();
  const auto out = kensa::testing::scratch_dir("metadata-links-out");
  std::vector<std::string> arguments{"scan", root.string()};
  std::vector<std::string> files;
  for (const std::string spec : {"cyclonedx-json@1.6", "cyclonedx-xml@1.6", "cyclonedx-json@1.4",
                                 "spdx-json@2.3", "spdx-json@3.0", "spdx-tag-value@2.3"}) {
    files.push_back((out / (spec + ".sbom")).string());
    arguments.push_back("-o");
    arguments.push_back(spec + "=" + files.back());
  }
  const auto scan = run_kensa(arguments, {"SOURCE_DATE_EPOCH=1700000000"});
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  std::vector<std::string> validate{"validate"};
  validate.insert(validate.end(), files.begin(), files.end());
  const auto checked = run_kensa(validate);
  INFO(checked.out);
  CHECK(checked.exit_code == 0);
  CHECK(checked.out.find(" error ") == std::string::npos);

  const auto bom = nlohmann::json::parse(kensa::testing::read_file(files.front()));
  bool repository = false;
  bool maintainer = false;
  for (const auto& component : bom["components"]) {
    for (const auto& reference : component.value("externalReferences", nlohmann::json::array())) {
      repository |= reference["url"] == "git+ssh://git@github.com/colorjs/color-name.git";
    }
    if (component["name"] == "google-cloud-cli") {
      const auto& supplier = component["supplier"];
      CHECK(supplier["url"] ==
            nlohmann::json::array({"https://code.google.com/p/google-cloud-sdk/"}));
      CHECK_FALSE(supplier.contains("contact"));
      maintainer = true;
    }
  }
  CHECK(repository);
  CHECK(maintainer);
  // SPDX gets the same URL: the model holds it, not only the CycloneDX writer.
  CHECK(kensa::testing::read_file(files[3]).find(
            "git+ssh://git@github.com/colorjs/color-name.git") != std::string::npos);
}
