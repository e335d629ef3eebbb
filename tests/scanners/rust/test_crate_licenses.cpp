// License files of crates: vendored beside a Cargo.lock (`cargo vendor`),
// and in Debian's and cargo's registries of crate sources
// (tests/fixtures/rust/README.md).
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/license_text.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace kensa;
using namespace kensa::testing;

namespace {

// Each license evidence of `component` as "<expression> in <file>".
std::set<std::string> crate_license_evidence(const model::Component& component) {
  std::set<std::string> found;
  for (const auto& evidence : component.license_evidence) {
    found.insert(evidence.expression + " in " + evidence.location);
  }
  return found;
}

const model::Component& crate_with_purl(const model::Document& document, std::string_view purl) {
  const model::Component* component = find_by_purl(document, purl);
  INFO(purl);
  REQUIRE(component != nullptr);
  return *component;
}

std::set<std::string> declared_expressions(const model::Component& component) {
  std::set<std::string> found;
  for (const auto& license : component.licenses_declared) {
    found.insert(license.expression.empty() ? "name:" + license.name : license.expression);
  }
  return found;
}

} // namespace

TEST_CASE("rust: the license files of crates vendored beside Cargo.lock are evidence",
          "[rust][license]") {
  const auto document = native::scan_with(fixture("rust/vendored"), "rust");
  CHECK(native::warnings(document).empty());
  const auto& itoa = crate_with_purl(document, "pkg:cargo/itoa@1.0.1");
  CHECK(crate_license_evidence(itoa) ==
        std::set<std::string>{"Apache-2.0 in vendor/itoa/LICENSE-APACHE",
                              "MIT in vendor/itoa/LICENSE-MIT"});
  const auto& memchr = crate_with_purl(document, "pkg:cargo/memchr@2.5.0");
  CHECK(crate_license_evidence(memchr) ==
        std::set<std::string>{"MIT in vendor/memchr/LICENSE-MIT",
                              "Unlicense in vendor/memchr/UNLICENSE"});
  CHECK(memchr.copyrights == std::vector<std::string>{"Copyright (c) 2015 Andrew Gallant"});
  // The lockfile declares no license: the evidence stays apart.
  CHECK(memchr.licenses_declared.empty());
  for (const auto& component : document.components) {
    if (component.name == "licensed") {
      CHECK(component.license_evidence.empty());
    }
  }
}

TEST_CASE("rust: a vendor folder of another version of the crate gives no evidence",
          "[rust][license]") {
  const auto root = scratch_dir("rust-vendored-other-version");
  std::filesystem::create_directories(root / "vendor/itoa");
  std::filesystem::copy_file(fixture("rust/vendored/vendor/itoa/LICENSE-MIT"),
                             root / "vendor/itoa/LICENSE-MIT");
  std::ofstream(root / "vendor/itoa/Cargo.toml")
      << "[package]\nname = \"itoa\"\nversion = \"0.4.8\"\n";
  std::ofstream(root / "Cargo.lock")
      << "version = 3\n\n[[package]]\nname = \"itoa\"\nversion = \"1.0.1\"\n"
         "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
  const auto document = native::scan_with(root, "rust");
  CHECK(crate_with_purl(document, "pkg:cargo/itoa@1.0.1").license_evidence.empty());
}

TEST_CASE("rust: Debian's cargo registry gives each crate with its license and evidence",
          "[rust][license]") {
  const auto document = native::scan_with(fixture("rust/debian-registry"), "rust");
  CHECK(native::warnings(document).empty());
  REQUIRE(document.components.size() == 2);
  const auto& itoa = crate_with_purl(document, "pkg:cargo/itoa@1.0.1");
  CHECK(itoa.type == model::ComponentType::library);
  CHECK(declared_expressions(itoa) == std::set<std::string>{"MIT OR Apache-2.0"});
  CHECK(crate_license_evidence(itoa) ==
        std::set<std::string>{"Apache-2.0 in usr/share/cargo/registry/itoa-1.0.1/LICENSE-APACHE",
                              "MIT in usr/share/cargo/registry/itoa-1.0.1/LICENSE-MIT"});
  // "Unlicense/MIT": the slash of Cargo.toml's old form is OR.
  const auto& aho = crate_with_purl(document, "pkg:cargo/aho-corasick@0.7.19");
  CHECK(declared_expressions(aho) == std::set<std::string>{"Unlicense OR MIT"});
  CHECK(
      crate_license_evidence(aho) ==
      std::set<std::string>{"MIT in usr/share/cargo/registry/aho-corasick-0.7.19/LICENSE-MIT",
                            "Unlicense in usr/share/cargo/registry/aho-corasick-0.7.19/UNLICENSE"});
  // Cargo.toml's authors, "Name <email>".
  REQUIRE(aho.authors.size() == 1);
  CHECK(aho.authors[0].name == "Andrew Gallant");
  CHECK(aho.authors[0].email == "jamslam@gmail.com");
}

TEST_CASE("rust: cargo's own registry sources give crates.io crates only", "[rust][license]") {
  const auto root = scratch_dir("rust-cargo-home");
  const auto crates_io = root / ".cargo/registry/src/index.crates.io-1949cf8c6b5b557f/itoa-1.0.1";
  const auto other = root / ".cargo/registry/src/my-registry.example-0123456789abcdef/itoa-1.0.1";
  for (const auto& folder : {crates_io, other}) {
    std::filesystem::create_directories(folder);
    std::filesystem::copy_file(
        fixture("rust/debian-registry/usr/share/cargo/registry/itoa-1.0.1/Cargo.toml"),
        folder / "Cargo.toml");
    std::filesystem::copy_file(
        fixture("rust/debian-registry/usr/share/cargo/registry/itoa-1.0.1/LICENSE-MIT"),
        folder / "LICENSE-MIT");
  }
  const auto document = native::scan_with(root, "rust");
  REQUIRE(document.components.size() == 1);
  const auto& itoa = crate_with_purl(document, "pkg:cargo/itoa@1.0.1");
  CHECK(crate_license_evidence(itoa) ==
        std::set<std::string>{
            "MIT in .cargo/registry/src/index.crates.io-1949cf8c6b5b557f/itoa-1.0.1/LICENSE-MIT"});
}

TEST_CASE("rust: a registry crate's Cargo.toml that is not TOML is a warning", "[rust][license]") {
  const auto root = scratch_dir("rust-registry-malformed");
  std::filesystem::create_directories(root / "usr/share/cargo/registry/x-1.0.0");
  std::ofstream(root / "usr/share/cargo/registry/x-1.0.0/Cargo.toml") << "[package\nname = ";
  const auto document = native::scan_with(root, "rust");
  CHECK(document.components.empty());
  CHECK(native::warnings(document).size() == 1);
}
