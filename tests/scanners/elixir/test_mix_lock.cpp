// mix.lock as `mix deps.get` wrote it for Phoenix
// (tests/fixtures/elixir/README.md), and git, older-layout and
// organisation entries written here in mix's layout.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& hex_package(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool mix_warned(const model::Document& document, std::string_view location, std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("mix.lock: hex packages, outer checksums and the graph", "[elixir][mix-lock]") {
  auto document = native::scan_with(fixture("elixir/phoenix"), "elixir");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 40);
  const auto& bandit = hex_package(document, "pkg:hex/bandit@1.12.4");
  REQUIRE(bandit.hashes.size() == 1);
  CHECK(bandit.hashes[0].algorithm == model::HashAlgorithm::sha256);
  CHECK(bandit.hashes[0].hex == "84513318c5752a2a8017664450f889b47fae5d53d64698ddf1e4fb09a7449e8d");
  CHECK(native::property(bandit, "kensa:hex:inner-checksum") ==
        "10bbab488edf8162318d736c19c5837077b8fca2bf5d95b07b33830387124f62");
  CHECK(native::property(bandit, "kensa:hex:build-tools") == "mix");
  CHECK(native::property(hex_package(document, "pkg:hex/cowboy@2.18.0"), "kensa:hex:build-tools") ==
        "make,rebar3");

  auto depends = native::edges(document, model::RelationshipType::depends_on);
  CHECK(depends.count("bandit@1.12.4 -> hpax@1.0.4") == 1);
  CHECK(depends.count("bandit@1.12.4 -> plug@1.20.3") == 1);
  // optional: true
  auto optional = native::edges(document, model::RelationshipType::optional_depends_on);
  CHECK(optional.count("ecto@3.14.0 -> jason@1.4.5") == 1);
  CHECK(optional.count("jason@1.4.5 -> decimal@3.1.1") == 1);
  CHECK(depends.count("ecto@3.14.0 -> jason@1.4.5") == 0);
}

TEST_CASE("mix.lock: git entries, older layouts and organisations", "[elixir][mix-lock]") {
  fs::path folder = scratch_dir("mix-lock-kinds");
  native::write_bytes(folder / "mix.lock", R"lock(%{
  "heroicons": {:git, "https://github.com/tailwindlabs/heroicons.git", "0435d4ca364a608cc75e2f8683d374e55abbae26", [tag: "v2.2.0", sparse: "optimized", depth: 1]},
  "old": {:hex, :old, "0.1.0", "8d7c597c3e4a64c395980882d4bca3cebb8d74197c590dc272cfd3b6a6310578", [:mix], [{:heroicons, "~> 2.0", [hex: :heroicons, optional: false]}], "hexpm"},
  "oldest": {:hex, :oldest, "0.0.1", "9eeebb394cc9a0f3ae56b813459f990abb0a3dedee1be6b27fdb50301930502f"},
  "secret": {:hex, :secret_pkg, "2.0.0", "aa", [:rebar3], [], "hexpm:acme", "940eafbfd8b14bee649f083bc11b3b54ec555b54c3e4ea8213351ff6fee39c10"},
}
)lock");
  auto document = native::scan_with(folder, "elixir");
  CHECK(native::warnings(document).empty());
  const auto& git = native::only(document, "heroicons");
  auto purl = model::parse_purl(git.purl);
  REQUIRE(purl.ok());
  CHECK(purl->qualifier("vcs_url") == "git+https://github.com/tailwindlabs/heroicons.git@"
                                      "0435d4ca364a608cc75e2f8683d374e55abbae26");
  CHECK(git.version == "0435d4ca364a608cc75e2f8683d374e55abbae26");
  CHECK(git.hashes.empty());
  // Older lockfiles have no outer checksum: no hash.
  CHECK(hex_package(document, "pkg:hex/old@0.1.0").hashes.empty());
  hex_package(document, "pkg:hex/oldest@0.0.1");
  // A hex.pm organisation's package: its namespace.
  CHECK(hex_package(document, "pkg:hex/acme/secret_pkg@2.0.0").hashes.size() == 1);
  CHECK(native::edges(document, model::RelationshipType::depends_on)
            .count("old@0.1.0 -> heroicons@0435d4ca364a608cc75e2f8683d374e55abbae26") == 1);
}

TEST_CASE("mix.lock: malformed files are warnings naming the file", "[elixir][mix-lock]") {
  fs::path folder = scratch_dir("mix-lock-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "mix.lock", "%{\n  \"a\": {:hex, :a, \"1\"\n");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "mix.lock",
                      "%{\n  \"bad\": 7,\n  \"odd\": {:svn, \"x\"},\n  \"short\": {:hex},\n"
                      "  \"deps\": {:hex, :deps, \"1.0.0\", \"x\", [:mix], 5, \"hexpm\", \"zz\"},\n"
                      "  \"ok\": {:hex, :ok, \"1.0.0\", \"x\", [:mix], [7], \"hexpm\"},\n}\n");
  fs::create_directories(folder / "shape");
  native::write_bytes(folder / "shape" / "mix.lock", "[1, 2]\n");
  fs::create_directories(folder / "deep");
  native::write_bytes(folder / "deep" / "mix.lock", std::string(100'000, '[') + "\n");
  fs::create_directories(folder / "many");
  std::string many = "%{\"a\": [";
  for (int i = 0; i < 600'000; ++i) {
    many += "1,";
  }
  native::write_bytes(folder / "many" / "mix.lock", many + "1]}\n");
  auto document = native::scan_with(folder, "elixir");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(mix_warned(document, "syntax/mix.lock", "line 3"));
  CHECK(mix_warned(document, "many/mix.lock", "more than 500000 terms"));
  CHECK(mix_warned(document, "entries/mix.lock", "entry 1 is not a name with a tuple"));
  CHECK(mix_warned(document, "entries/mix.lock", "source :svn is not one kensa knows"));
  CHECK(mix_warned(document, "entries/mix.lock", "dependency short: a hex entry without"));
  CHECK(mix_warned(document, "entries/mix.lock", "dependency deps: its dependencies are not"));
  CHECK(mix_warned(document, "entries/mix.lock", "checksum \"zz\" is not a digest"));
  CHECK(mix_warned(document, "entries/mix.lock", "a dependency is not {name"));
  CHECK(mix_warned(document, "shape/mix.lock", "it is not one map"));
  CHECK(mix_warned(document, "deep/mix.lock", "nested deeper than 64"));
  CHECK(native::only(document, "ok").purl == "pkg:hex/ok@1.0.0");
}
