// A Cargo workspace whose members depend on each other, read with its
// Cargo.toml files, against what `cargo metadata` says
// (tests/fixtures/rust/workspace/make-workspace.sh).
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

// "name@version" of the members and of the other packages cargo metadata
// lists.
struct CargoMetadata {
  std::set<std::string> members;
  std::set<std::string> packages;
};

CargoMetadata recorded_metadata() {
  CargoMetadata metadata;
  const std::string text = read_file(fixture("rust/workspace/cargo-metadata.txt"));
  for (std::string_view line : split(text, '\n')) {
    auto fields = split(line, ' ');
    if (fields.size() != 3) {
      continue;
    }
    std::string crate = std::string(fields[1]) + "@" + std::string(fields[2]);
    (fields[0] == "member" ? metadata.members : metadata.packages).insert(crate);
  }
  return metadata;
}

} // namespace

TEST_CASE("Cargo workspace: the members are the project, the rest its dependencies, as cargo "
          "metadata says",
          "[rust][cargo-lock]") {
  const CargoMetadata expected = recorded_metadata();
  REQUIRE(expected.members.size() == 3);
  REQUIRE(expected.packages.size() == 1);
  auto document = native::scan_with(fixture("rust/workspace"), "rust");
  CHECK(native::warnings(document).empty());
  CargoMetadata found;
  for (const auto& component : document.components) {
    std::string crate = component.name + "@" + component.version;
    if (component.type == model::ComponentType::application) {
      CHECK(native::property(component, "kensa:cargo:workspace-member") == "true");
      CHECK(component.scope == model::Scope::unknown);
      found.members.insert(crate);
    } else {
      CHECK_FALSE(native::property(component, "kensa:cargo:workspace-member"));
      found.packages.insert(crate);
    }
  }
  CHECK(found.members == expected.members);
  CHECK(found.packages == expected.packages);
  // Each member is what the document describes; a member's edge to another
  // member stays, since one does use the other.
  auto describes = native::edges(document, model::RelationshipType::describes);
  CHECK(describes.size() == 3);
  auto depends = native::edges(document, model::RelationshipType::depends_on);
  CHECK(depends.count("ws-cli@0.2.0 -> ws-core@0.2.0") == 1);
  CHECK(depends.count("ws-cli@0.2.0 -> outside@1.0.0") == 1);
}

TEST_CASE("Cargo workspace: a Cargo.toml that is not TOML is a warning, and the lockfile is read "
          "as if it were alone",
          "[rust][cargo-lock]") {
  fs::path folder = scratch_dir("cargo-workspace-broken");
  fs::copy(fixture("rust/workspace/ws"), folder, fs::copy_options::recursive);
  native::write_bytes(folder / "Cargo.toml", "[workspace\nmembers = [");
  auto document = native::scan_with(folder, "rust");
  auto warnings = native::warnings(document);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].starts_with("Cargo.toml: not valid TOML"));
  // Alone, the lockfile says only which path crate nothing depends on.
  CHECK(native::only(document, "ws-cli").type == model::ComponentType::application);
  CHECK(native::only(document, "ws-core").type == model::ComponentType::library);
}
