// Cargo.lock versions 1 to 4, written by cargo here from the same project
// (tests/fixtures/rust/make-lockfiles.sh): crates.io crates with checksums,
// a git crate, path crates, and two versions of one crate.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const std::string k_registry = "registry+https://github.com/rust-lang/crates.io-index";

const model::Component& crate(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

const model::Component& local_crate(const model::Document& document, std::string_view name) {
  auto found = native::components_named(document, name);
  std::vector<const model::Component*> local;
  for (const auto* component : found) {
    if (component->purl.empty()) {
      local.push_back(component);
    }
  }
  INFO(name);
  REQUIRE(local.size() == 1);
  return *local.front();
}

} // namespace

TEST_CASE("Cargo.lock: every lockfile version gives the same crates, checksums and edges",
          "[rust][cargo-lock]") {
  for (int version : {1, 2, 3, 4}) {
    INFO("version " << version);
    auto document = native::scan_with(fixture("rust/lockfile-v" + std::to_string(version)), "rust");
    CHECK(native::warnings(document).empty());
    CHECK(document.components.size() == 8);

    const auto& old_itoa = crate(document, "pkg:cargo/itoa-lite@0.3.0");
    REQUIRE(old_itoa.hashes.size() == 1);
    CHECK(old_itoa.hashes[0].algorithm == model::HashAlgorithm::sha256);
    CHECK(old_itoa.hashes[0].hex ==
          "22b74249aaf83cb1f3b61583a6ffe0f6614231c28c82502ca4a238eceb561ed0");
    CHECK(native::property(old_itoa, "kensa:cargo:source") == k_registry);
    CHECK(crate(document, "pkg:cargo/itoa-lite@0.4.1").hashes.at(0).hex ==
          "3137980dacacdb43d30726c0749529b8d0289979d399b00362d4125ddf18d8f0");
    CHECK(crate(document, "pkg:cargo/smallword@1.0.3").hashes.at(0).hex ==
          "fee65de8b26f7af8c2dae6c598bcfe2fa5611fe8590f8d6a05e3c32f81009fc1");

    auto gitdeps = native::components_named(document, "gitdep");
    REQUIRE(gitdeps.size() == 1);
    const auto& gitdep = *gitdeps.front();
    auto purl = model::parse_purl(gitdep.purl);
    REQUIRE(purl.ok());
    CHECK(purl->type == "cargo");
    CHECK(purl->version == "0.3.0");
    CHECK(purl->qualifier("vcs_url") ==
          "git+file:///srv/git/gitdep@b740d756255d099f233b1584cf0444d93e8ecece");
    CHECK(native::property(gitdep, "kensa:cargo:git-revision") ==
          "b740d756255d099f233b1584cf0444d93e8ecece");
    CHECK(gitdep.external_references ==
          std::vector<model::ExternalReference>{{"vcs", "file:///srv/git/gitdep"}});
    CHECK(gitdep.hashes.empty());

    // Path crates: the root, and copies of registry crates.
    const auto& root = local_crate(document, "lockdemo");
    CHECK(root.type == model::ComponentType::application);
    CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
    CHECK(native::property(local_crate(document, "smallword"), "kensa:cargo:local") == "true");

    // "name", "name version" and "name version (source)" references.
    auto depends = native::edges(document, model::RelationshipType::depends_on);
    CHECK(depends == std::set<std::string>{
                         "lockdemo@0.5.0 -> gitdep@0.3.0",
                         "lockdemo@0.5.0 -> greeter@0.2.0",
                         "lockdemo@0.5.0 -> itoa-lite@0.3.0",
                         "lockdemo@0.5.0 -> smallword@1.0.3",
                         "greeter@0.2.0 -> smallword@1.0.3",
                         "smallword@1.0.3 -> itoa-lite@0.4.1",
                     });
    // Which smallword: lockdemo's is the registry one, greeter's the path one.
    const auto* registry_smallword = &crate(document, "pkg:cargo/smallword@1.0.3");
    const auto* path_smallword = &local_crate(document, "smallword");
    const auto* greeter = &local_crate(document, "greeter");
    bool lockdemo_to_registry = false;
    bool greeter_to_path = false;
    for (const auto& relationship : document.relationships) {
      lockdemo_to_registry = lockdemo_to_registry || (relationship.from == root.id &&
                                                      relationship.to == registry_smallword->id);
      greeter_to_path = greeter_to_path ||
                        (relationship.from == greeter->id && relationship.to == path_smallword->id);
    }
    CHECK(lockdemo_to_registry);
    CHECK(greeter_to_path);
  }
}

TEST_CASE("Cargo.lock: malformed files are warnings naming the file", "[rust][cargo-lock]") {
  fs::path folder = scratch_dir("cargo-lock-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "Cargo.lock", "[[package]]\nname = \"x\nversion = 1\n");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "Cargo.lock",
                      "version = 3\n"
                      "[[package]]\nversion = \"1.0.0\"\n"
                      "[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n"
                      "checksum = \"not-hex\"\n"
                      "dependencies = [\"missing\", \"b 9.9.9\", 7, \"b 1.0.0 (broken\"]\n"
                      "[[package]]\nname = \"b\"\nversion = \"1.0.0\"\n"
                      "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n");
  auto document = native::scan_with(folder, "rust");
  auto messages = native::warnings(document);
  std::set<std::string> set(messages.begin(), messages.end());
  CHECK(set.count("entries/Cargo.lock: package 1 has no name; skipped") == 1);
  CHECK(set.count("entries/Cargo.lock: crate a 1.0.0: checksum is not a SHA-256 in hex") == 1);
  CHECK(set.count("entries/Cargo.lock: package a: a dependency is not a string; skipped") == 1);
  CHECK(set.count("entries/Cargo.lock: package a 1.0.0: dependency \"missing\" matches 0 "
                  "packages") == 1);
  CHECK(set.count("entries/Cargo.lock: package a 1.0.0: dependency \"b 9.9.9\" matches 0 "
                  "packages") == 1);
  CHECK(set.count("entries/Cargo.lock: package a: dependency \"b 1.0.0 (broken\" is not 'name "
                  "[version [(source)]]'") == 1);
  bool syntax = std::any_of(messages.begin(), messages.end(), [](const std::string& message) {
    return message.starts_with("syntax/Cargo.lock: not valid TOML: ") &&
           message.find("(line 2, column") != std::string::npos;
  });
  CHECK(syntax);
  CHECK(native::component_with_purl(document, "pkg:cargo/b@1.0.0") != nullptr);
}
