// vcpkg's status file and a manifest as syft's tests have them
// (tests/fixtures/vcpkg/README.md), and manifests with overrides,
// baselines and features, feature stanzas and malformed input written
// here in vcpkg's layout.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& vcpkg_port(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool vcpkg_warned(const model::Document& document, std::string_view location,
                  std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("vcpkg status: installed ports, port-versions, triplets and dependencies",
          "[vcpkg][vcpkg-status]") {
  auto document = native::scan_with(fixture("vcpkg/installed"), "vcpkg");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 3);
  const auto& fmt = vcpkg_port(document, "pkg:vcpkg/fmt@11.0.2?port_version=1&triplet=x64-linux");
  CHECK(fmt.version == "11.0.2");
  CHECK(fmt.description.starts_with("{fmt} is an open-source formatting library"));
  CHECK(native::property(fmt, "kensa:vcpkg:abi") ==
        "0836845943388064dfedac3c7ba173518224a1b80a2426b93f925ebf4729a9f0");
  CHECK(vcpkg_port(document, "pkg:vcpkg/vcpkg-cmake@2024-04-23?triplet=x64-linux").name ==
        "vcpkg-cmake");
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"fmt@11.0.2 -> vcpkg-cmake@2024-04-23",
                              "fmt@11.0.2 -> vcpkg-cmake-config@2024-05-23"});
}

TEST_CASE("vcpkg status: features, host triplets and removed ports", "[vcpkg][vcpkg-status]") {
  fs::path folder = scratch_dir("vcpkg-status") / "installed" / "vcpkg";
  fs::create_directories(folder);
  native::write_bytes(folder / "status", "Package: zlib\nVersion: 1.3.1\nArchitecture: "
                                         "x64-linux\nStatus: install ok installed\n\n"
                                         "Package: curl\nVersion: 8.8.0\nPort-Version: 3\n"
                                         "Depends: vcpkg-cmake:x64-linux, zlib\n"
                                         "Architecture: arm64-linux\nDescription: A library\n"
                                         "  for transferring data\nStatus: install ok installed\n"
                                         "\nPackage: curl\nFeature: ssl\nDepends: openssl\n"
                                         "Architecture: arm64-linux\nStatus: install ok "
                                         "installed\n\nPackage: openssl\nVersion: 3.3.0\n"
                                         "Architecture: arm64-linux\nStatus: install ok "
                                         "installed\n\nPackage: vcpkg-cmake\nVersion: "
                                         "2024-04-23\nArchitecture: x64-linux\nStatus: install "
                                         "ok installed\n\nPackage: zlib\nVersion: 1.3.1\n"
                                         "Architecture: arm64-linux\nStatus: install ok "
                                         "installed\n\nPackage: old\nVersion: 1\n"
                                         "Architecture: arm64-linux\nStatus: purge ok "
                                         "not-installed\n");
  auto document = native::scan_with(folder.parent_path().parent_path(), "vcpkg");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 5);
  const auto& curl =
      vcpkg_port(document, "pkg:vcpkg/curl@8.8.0?port_version=3&triplet=arm64-linux");
  CHECK(curl.description == "A library");
  CHECK(native::property(curl, "kensa:vcpkg:features") == "ssl");
  CHECK(native::components_named(document, "old").empty());
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges == std::set<std::string>{"curl@8.8.0 -> vcpkg-cmake@2024-04-23",
                                       "curl@8.8.0 -> zlib@1.3.1", "curl@8.8.0 -> openssl@3.3.0"});
  // The zlib of curl's triplet, not the x64-linux one.
  auto zlib = vcpkg_port(document, "pkg:vcpkg/zlib@1.3.1?triplet=arm64-linux");
  CHECK(std::any_of(
      document.relationships.begin(), document.relationships.end(),
      [&](const model::Relationship& relationship) { return relationship.to == zlib.id; }));
}

TEST_CASE("vcpkg.json: ports by name, the project as root", "[vcpkg][vcpkg-manifest]") {
  auto document = native::scan_with(fixture("vcpkg/manifest"), "vcpkg");
  CHECK(native::warnings(document).empty());
  CHECK(vcpkg_port(document, "pkg:vcpkg/fmt").version.empty());
  CHECK(vcpkg_port(document, "pkg:vcpkg/vcpkg-sample-library").scope == model::Scope::required);
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"hello -> fmt", "hello -> vcpkg-sample-library"});
}

TEST_CASE("vcpkg.json: overrides, baseline, minimum versions, host ports and features",
          "[vcpkg][vcpkg-manifest]") {
  fs::path folder = scratch_dir("vcpkg-manifest") / "viewer";
  fs::create_directories(folder);
  native::write_bytes(folder / "vcpkg.json", R"({
  "name": "viewer",
  "version": "2.1.0",
  "dependencies": [
    "zlib",
    { "name": "fmt", "version>=": "10.1.1" },
    { "name": "curl", "features": ["ssl", { "name": "http2", "platform": "linux" }],
      "default-features": false },
    { "name": "vcpkg-cmake", "host": true },
    { "name": "dbus", "platform": "linux" }
  ],
  "features": {
    "png": { "description": "PNG images", "dependencies": ["libpng", "zlib"] }
  },
  "overrides": [
    { "name": "zlib", "version": "1.2.13", "port-version": 1 },
    { "name": "fmt", "version-semver": "10.2.1" }
  ],
  "builtin-baseline": "3508985146f1b1d248c67ead13f8f54be5b4f5da"
})");
  auto document = native::scan_with(folder.parent_path(), "vcpkg");
  CHECK(native::warnings(document).empty());
  const auto& zlib =
      vcpkg_port(document, "pkg:vcpkg/zlib@1.2.13?port_version=1"
                           "&repository_revision=3508985146f1b1d248c67ead13f8f54be5b4f5da");
  CHECK(zlib.scope == model::Scope::required);
  const auto& fmt = native::only(document, "fmt");
  CHECK(fmt.version == "10.2.1");
  CHECK(native::property(fmt, "kensa:vcpkg:minimum-version") == "10.1.1");
  CHECK(native::property(native::only(document, "curl"), "kensa:vcpkg:features") == "ssl,http2");
  CHECK(native::only(document, "vcpkg-cmake").scope == model::Scope::excluded);
  CHECK(native::property(native::only(document, "dbus"), "kensa:vcpkg:platform") == "linux");
  const auto& libpng = native::only(document, "libpng");
  CHECK(libpng.scope == model::Scope::optional);
  CHECK(native::property(libpng, "kensa:vcpkg:feature") == "png");
  CHECK(native::edges(document, model::RelationshipType::depends_on).size() == 6);
}

TEST_CASE("vcpkg: malformed files are warnings naming the file", "[vcpkg]") {
  fs::path folder = scratch_dir("vcpkg-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "vcpkg.json", "{\"dependencies\": [");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "vcpkg.json",
                      R"({"dependencies": [3, {"version>=": "1"}, "ok"], "overrides": {},
                      "features": [], "builtin-baseline": "main"})");
  fs::create_directories(folder / "list");
  native::write_bytes(folder / "list" / "vcpkg.json", R"({"dependencies": "zlib"})");
  fs::create_directories(folder / "installed" / "vcpkg");
  native::write_bytes(folder / "installed" / "vcpkg" / "status",
                      "  early continuation\nno colon\nVersion: 1\nStatus: install ok "
                      "installed\n\nPackage: lone\nFeature: extra\nStatus: install ok "
                      "installed\n\nPackage: kept\nVersion: 2\nStatus: install ok installed\n");
  auto document = native::scan_with(folder, "vcpkg");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(vcpkg_warned(document, "syntax/vcpkg.json", "not valid JSON"));
  CHECK(vcpkg_warned(document, "entries/vcpkg.json", "names no port"));
  CHECK(vcpkg_warned(document, "entries/vcpkg.json", "\"overrides\" is not a list"));
  CHECK(vcpkg_warned(document, "entries/vcpkg.json", "\"features\" is not an object"));
  CHECK(vcpkg_warned(document, "entries/vcpkg.json", "builtin-baseline \"main\""));
  CHECK(vcpkg_warned(document, "list/vcpkg.json", "\"dependencies\" is not a list"));
  CHECK(vcpkg_warned(document, "installed/vcpkg/status", "line 1: a continuation line"));
  CHECK(vcpkg_warned(document, "installed/vcpkg/status", "line 2: not a \"Field: value\""));
  CHECK(vcpkg_warned(document, "installed/vcpkg/status", "without Package"));
  CHECK(vcpkg_warned(document, "installed/vcpkg/status", "installed without the port"));
  CHECK(native::only(document, "ok").purl == "pkg:vcpkg/ok");
  CHECK(native::only(document, "kept").version == "2");
}
