// The license files of Go modules: a vendor tree (Go 1.19's own standard
// library, whose vendor/ `go mod vendor` wrote) and the module cache
// (tests/fixtures/golang/README.md).
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace kensa;
using namespace kensa::testing;

namespace {

std::set<std::string> module_license_evidence(const model::Component& component) {
  std::set<std::string> found;
  for (const auto& evidence : component.license_evidence) {
    found.insert(evidence.expression + " in " + evidence.location);
  }
  return found;
}

} // namespace

TEST_CASE("go: the license files of vendored modules are evidence", "[go][license]") {
  const auto document = native::scan_with(fixture("golang/manifests/std-vendor"), "go");
  CHECK(native::warnings(document).empty());
  for (const char* module : {"crypto", "net", "sys", "text"}) {
    const std::string path = std::string("golang.org/x/") + module;
    const model::Component* found = nullptr;
    for (const auto& component : document.components) {
      if (component.purl.starts_with("pkg:golang/" + path + "@")) {
        found = &component;
      }
    }
    INFO(path);
    REQUIRE(found != nullptr);
    CHECK(module_license_evidence(*found) ==
          std::set<std::string>{"BSD-3-Clause in vendor/" + path + "/LICENSE"});
    CHECK(found->copyrights ==
          std::vector<std::string>{"Copyright (c) 2009 The Go Authors. All rights reserved."});
  }
}

TEST_CASE("go: a vendor folder modules.txt does not list gives no evidence", "[go][license]") {
  const auto root = scratch_dir("go-vendor-unlisted");
  std::filesystem::create_directories(root / "vendor/golang.org/x/text");
  std::filesystem::copy_file(
      fixture("golang/manifests/std-vendor/vendor/golang.org/x/text/LICENSE"),
      root / "vendor/golang.org/x/text/LICENSE");
  std::ofstream(root / "go.mod") << "module example.com/a\n\ngo 1.19\n\n"
                                    "require golang.org/x/text v0.3.8\n";
  std::ofstream(root / "vendor/modules.txt") << "# golang.org/x/text v0.3.7\n"
                                                "## explicit\ngolang.org/x/text/unicode\n";
  const auto document = native::scan_with(root, "go");
  for (const auto& component : document.components) {
    CHECK(component.license_evidence.empty());
  }
}

TEST_CASE("go: the module cache gives each module with its license evidence", "[go][license]") {
  const auto root = scratch_dir("go-module-cache");
  const auto folder = root / "go/pkg/mod/github.com/!burnt!sushi/toml@v1.3.2";
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(
      fixture("golang/manifests/std-vendor/vendor/golang.org/x/text/LICENSE"), folder / "LICENSE");
  // The download cache holds zips and .info files, never a module's tree.
  std::filesystem::create_directories(root / "go/pkg/mod/cache/download/x@v1.0.0");
  std::filesystem::copy_file(
      fixture("golang/manifests/std-vendor/vendor/golang.org/x/text/LICENSE"),
      root / "go/pkg/mod/cache/download/x@v1.0.0/LICENSE");
  const auto document = native::scan_with(root, "go");
  REQUIRE(document.components.size() == 1);
  const auto* toml = find_by_purl(document, "pkg:golang/github.com/BurntSushi/toml@v1.3.2");
  REQUIRE(toml != nullptr);
  CHECK(module_license_evidence(*toml) ==
        std::set<std::string>{
            "BSD-3-Clause in go/pkg/mod/github.com/!burnt!sushi/toml@v1.3.2/LICENSE"});
}
