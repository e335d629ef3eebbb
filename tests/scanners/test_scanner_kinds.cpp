// Every scanner says which kind of evidence each of its patterns is, and its
// registry tags say the same; the kinds a scan reads follow what it scans.
#include "../support/test_support.hpp"

#include <kensa/scanner/registry.hpp>
#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>
#include <kensa/util/glob.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace kensa;

TEST_CASE("scanner kinds: the tags name the kinds the patterns have", "[scanner][kinds]") {
  for (const auto& info : scanner::scanner_table()) {
    INFO(info.name);
    auto instance = info.create();
    bool installed = instance->content_rule() != nullptr;
    bool declared = false;
    for (const auto& pattern : instance->patterns()) {
      (pattern.kind == scanner::EvidenceKind::installed ? installed : declared) = true;
    }
    CHECK(scanner::has_tag(info, "installed") == installed);
    CHECK(scanner::has_tag(info, "declared") == declared);
    CHECK((installed || declared));
  }
}

TEST_CASE("scanner kinds: a scanner reading both kinds decides by pattern", "[scanner][kinds]") {
  auto kind_of = [](std::string_view scanner, std::string_view path) {
    auto instance = scanner::find_scanner(scanner)->create();
    std::set<std::string> kinds;
    for (const auto& pattern : instance->patterns()) {
      if (glob_match(pattern.glob, path)) {
        kinds.insert(std::string(scanner::evidence_kind_name(pattern.kind)));
      }
    }
    return kinds;
  };
  using Kinds = std::set<std::string>;
  CHECK(kind_of("python", "usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA") ==
        Kinds{"installed"});
  CHECK(kind_of("python", "usr/share/doc/python3-six/requirements.txt") == Kinds{"declared"});
  CHECK(kind_of("dpkg", "var/lib/dpkg/status") == Kinds{"installed"});
  CHECK(kind_of("dpkg", "control") == Kinds{"declared"});
  CHECK(kind_of("node-modules", "app/node_modules/ms/package.json") == Kinds{"installed"});
  CHECK(kind_of("npm", "app/package-lock.json") == Kinds{"declared"});
  CHECK(kind_of("java", "opt/app/lib/guava.jar") == Kinds{"installed"});
  CHECK(kind_of("java", "src/pom.xml") == Kinds{"declared"});
  CHECK(kind_of("go", "cmd/tool/go.mod") == Kinds{"declared"});
  CHECK(kind_of("rpm", "dist/tool-1.0-1.x86_64.rpm") == Kinds{"declared"});
}

TEST_CASE("scanner kinds: --scanner takes a tag", "[scanner][kinds]") {
  std::set<std::string> os;
  for (const auto* info : scanner::scanners_tagged("os")) {
    os.insert(std::string(info->name));
  }
  // One name a line, so that scanners added side by side merge cleanly.
  // clang-format off
  CHECK(os == std::set<std::string>{
      "apk",
      "dpkg",
      "homebrew",
      "linux-kernel",
      "nix",
      "os-release",
      "package-notes",
      "pacman",
      "portage",
      "rpm",
  });
  // clang-format on
  auto files = source::make_memory_source({{"requirements.txt", "six==1.16.0\n"}}, "project");
  scanner::ScanOptions options;
  options.scanners = {"no-such-tag"};
  auto unknown = scanner::scan(*files, options);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error() == "unknown scanner or tag 'no-such-tag' ('kensa scanners' lists them)");
}
