// kensa scan on root file systems of the distributions whose package
// databases the pacman and portage scanners read: the default scan of a root
// gives its installed OS packages, with the distribution as the subject,
// and nothing else.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace {

// "found-by purl" of every component of a kensa-json document.
std::set<std::string> os_root_components(const nlohmann::json& document) {
  std::set<std::string> found;
  for (const auto& component : document["components"]) {
    found.insert(component["evidence"][0].value("foundBy", "") + " " +
                 component.value("purl", component.value("name", "")));
  }
  return found;
}

} // namespace

TEST_CASE("root scan: an Arch Linux root gives its pacman packages", "[cli][root][pacman]") {
  auto result = kensa::testing::run_kensa(
      {"scan", kensa::testing::fixture("pacman/arch-rolling").string(), "-o", "kensa-json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  auto document = nlohmann::json::parse(result.out);
  CHECK(document["metadata"]["subject"]["name"] == "arch");
  CHECK(document["metadata"]["subject"]["type"] == "operating-system");
  std::set<std::string> expected{"os-release arch"};
  for (const char* purl : {"pkg:alpm/arch/bash@5.2.026-2?arch=x86_64&distro=arch",
                           "pkg:alpm/arch/filesystem@2024.04.07-1?arch=x86_64&distro=arch",
                           "pkg:alpm/arch/glibc@2.39-1?arch=x86_64&distro=arch",
                           "pkg:alpm/arch/ncurses@6.5-3?arch=x86_64&distro=arch",
                           "pkg:alpm/arch/readline@8.2.010-1?arch=x86_64&distro=arch",
                           "pkg:alpm/arch/zlib@1:1.3.1-2?arch=x86_64&distro=arch"}) {
    expected.insert(std::string("pacman ") + purl);
  }
  CHECK(os_root_components(document) == expected);
}

TEST_CASE("root scan: a Gentoo root gives its Portage packages", "[cli][root][portage]") {
  // The fixture has no usr folder; a root file system has one.
  auto root = kensa::testing::scratch_dir("gentoo-root");
  fs::copy(kensa::testing::fixture("portage/vdb"), root, fs::copy_options::recursive);
  fs::create_directories(root / "usr/bin");
  auto result = kensa::testing::run_kensa({"scan", root.string(), "-o", "kensa-json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto document = nlohmann::json::parse(result.out);
  CHECK(document["metadata"]["subject"]["name"] == "gentoo");
  CHECK(os_root_components(document) ==
        std::set<std::string>{"os-release gentoo",
                              "portage pkg:ebuild/app-arch/cpio@2.11?distro=gentoo-2.6",
                              "portage pkg:ebuild/app-shells/bash@4.4_p23-r1?distro=gentoo-2.6",
                              "portage pkg:ebuild/sys-fs/mtools@4.0.13?distro=gentoo-2.6"});
}
