// stack.yaml.lock and cabal.project.freeze as Stack and cabal-install wrote
// them (tests/fixtures/haskell/README.md), and git, archive and malformed
// entries written here in the tools' layout.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& hackage_package(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool haskell_warned(const model::Document& document, std::string_view location,
                    std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("stack.yaml.lock: hackage packages with their .cabal file digest",
          "[haskell][stack-lock]") {
  auto document = native::scan_with(fixture("haskell/stack-project"), "haskell");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 4);
  const auto& syntax = hackage_package(document, "pkg:hackage/Cabal-syntax@3.16.0.0");
  CHECK(syntax.name == "Cabal-syntax");
  CHECK(syntax.version == "3.16.0.0");
  REQUIRE(syntax.hashes.size() == 1);
  CHECK(syntax.hashes[0].algorithm == model::HashAlgorithm::sha256);
  CHECK(syntax.hashes[0].hex == "6a35036763557301876c5b7a448de4f1cb54fe1e223ff6c4c0c1fdd6df635a65");
  CHECK(native::property(syntax, "kensa:hackage:cabal-file-size") == "7509");
  hackage_package(document, "pkg:hackage/pantry@0.11.2");
  hackage_package(document, "pkg:hackage/persistent@2.18.0.0");
  hackage_package(document, "pkg:hackage/Cabal@3.16.0.0");
}

TEST_CASE("stack.yaml.lock: git and archive packages, revisions", "[haskell][stack-lock]") {
  fs::path folder = scratch_dir("haskell-stack-sources") / "app";
  fs::create_directories(folder);
  native::write_bytes(folder / "stack.yaml.lock", R"(packages:
- completed:
    commit: 0b7ecd3d7e2b5ce1b1a1ad1b9c4f3b28a1c0a1d2
    git: https://github.com/example/forked-lib.git
    name: forked-lib
    pantry-tree:
      sha256: 41480a227b9c2ff72b29a8f6a8fddb4888bc656be052ad58f2fef508378089f3
      size: 7184
    version: 0.3.1
  original:
    commit: 0b7ecd3d7e2b5ce1b1a1ad1b9c4f3b28a1c0a1d2
    git: https://github.com/example/forked-lib.git
- completed:
    name: tarball-lib
    sha256: 56e76aecdbe8f9d13de1360b11e4a68aae5e072b17dfda49a333274079841e99
    size: 2722
    url: https://example.org/tarball-lib-1.0.tar.gz
    version: '1.0'
  original:
    url: https://example.org/tarball-lib-1.0.tar.gz
- completed:
    hackage: acme-missiles-0.3@rev:0
  original:
    hackage: acme-missiles-0.3@rev:0
snapshots: []
)");
  auto document = native::scan_with(folder.parent_path(), "haskell");
  CHECK(native::warnings(document).empty());
  const auto& git = native::only(document, "forked-lib");
  CHECK(git.purl.empty());
  CHECK(git.version == "0.3.1");
  CHECK(native::property(git, "kensa:hackage:git-commit") ==
        "0b7ecd3d7e2b5ce1b1a1ad1b9c4f3b28a1c0a1d2");
  REQUIRE(git.external_references.size() == 1);
  CHECK(git.external_references[0].url == "https://github.com/example/forked-lib.git");
  const auto& tarball = native::only(document, "tarball-lib");
  CHECK(tarball.purl.empty());
  REQUIRE(tarball.hashes.size() == 1);
  const auto& revision = hackage_package(document, "pkg:hackage/acme-missiles@0.3");
  CHECK(revision.hashes.empty());
}

TEST_CASE("cabal.project.freeze: pinned versions, flag lines skipped", "[haskell][cabal-freeze]") {
  auto document = native::scan_with(fixture("haskell/cabal-project"), "haskell");
  CHECK(native::warnings(document).empty());
  // 114 `any.<name> ==<version>` constraints; the 37 flag lines are not
  // packages.
  CHECK(document.components.size() == 114);
  CHECK(hackage_package(document, "pkg:hackage/QuickCheck@2.18.0.0").version == "2.18.0.0");
  CHECK(hackage_package(document, "pkg:hackage/ghc-internal@9.1401.0").name == "ghc-internal");
  hackage_package(document, "pkg:hackage/zlib@0.7.1.1");
  hackage_package(document, "pkg:hackage/Cabal@3.16.0.0");
  CHECK(native::components_named(document, "vector").size() == 1);
}

TEST_CASE("cabal.project.freeze: older layouts and comments", "[haskell][cabal-freeze]") {
  fs::path folder = scratch_dir("haskell-freeze-old") / "app";
  fs::create_directories(folder);
  native::write_bytes(folder / "cabal.project.freeze",
                      "-- written by an older cabal\n"
                      "Constraints: base ==4.9.1.0, text ==1.2.3.0,\n"
                      "             setup.Cabal ==1.24.2.0,\n"
                      "             any.rts installed,\n"
                      "\n"
                      "             text -integer-simple\n"
                      "index-state: hackage.haskell.org 2019-01-01T00:00:00Z\n");
  auto document = native::scan_with(folder.parent_path(), "haskell");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 2);
  hackage_package(document, "pkg:hackage/base@4.9.1.0");
  hackage_package(document, "pkg:hackage/text@1.2.3.0");
}

TEST_CASE("haskell: malformed files are warnings naming the file", "[haskell]") {
  fs::path folder = scratch_dir("haskell-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "stack.yaml.lock", "packages:\n- completed: [\n");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "stack.yaml.lock",
                      "packages:\n- 7\n- completed:\n    hackage: not a package\n"
                      "- completed:\n    hackage: ok-1.0@sha256:nothex,12\n"
                      "- completed:\n    hackage: odd-2.0@md5:abc\n");
  fs::create_directories(folder / "shape");
  native::write_bytes(folder / "shape" / "stack.yaml.lock", "packages: {a: 1}\n");
  fs::create_directories(folder / "freeze");
  native::write_bytes(folder / "freeze" / "cabal.project.freeze",
                      "constraints: any.good ==1.0,\n"
                      "             any.ranged >=1.0,\n"
                      "             any.bad_name ==1.0,\n"
                      "             any.noversion ==x.y\n");
  auto document = native::scan_with(folder, "haskell");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(haskell_warned(document, "syntax/stack.yaml.lock", "line"));
  CHECK(haskell_warned(document, "entries/stack.yaml.lock", "package 1 has no \"completed\" map"));
  CHECK(haskell_warned(document, "entries/stack.yaml.lock", "\"not a package\" is not"));
  CHECK(haskell_warned(document, "entries/stack.yaml.lock", "checksum \"nothex\" is not a digest"));
  CHECK(haskell_warned(document, "entries/stack.yaml.lock", "pin \"md5:abc\" is neither"));
  CHECK(haskell_warned(document, "shape/stack.yaml.lock", "\"packages\" is not a list"));
  CHECK(haskell_warned(document, "freeze/cabal.project.freeze",
                       "\"any.ranged >=1.0\" is not <name> ==<version>"));
  CHECK(haskell_warned(document, "freeze/cabal.project.freeze", "\"any.bad_name ==1.0\" has no"));
  CHECK(haskell_warned(document, "freeze/cabal.project.freeze", "\"any.noversion ==x.y\" has no"));
  hackage_package(document, "pkg:hackage/ok@1.0");
  hackage_package(document, "pkg:hackage/odd@2.0");
  hackage_package(document, "pkg:hackage/good@1.0");
}
