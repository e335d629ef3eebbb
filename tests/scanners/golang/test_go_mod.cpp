// go.mod, go.sum and go.work fixtures written by the go command
// (tests/fixtures/golang/make-manifests.sh) and Go's own standard library
// module files.
#include "../../../src/scanners/golang/mod_files.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

using native::only;

TEST_CASE("go.mod: requirements, indirect marks, a local replacement and go.sum hashes",
          "[go][gomod]") {
  auto document = native::scan_with(fixture("golang/manifests/hello"), "go");
  CHECK(native::warnings(document).empty());
  const auto& main = only(document, "example.com/hello");
  CHECK(main.type == model::ComponentType::application);
  CHECK(main.version.empty());
  CHECK(native::property(main, "kensa:go:go-directive") == "1.19");

  const auto& greeting = only(document, "example.com/greeting");
  CHECK(greeting.purl == "pkg:golang/example.com/greeting@v1.2.0");
  CHECK(native::property(greeting, "kensa:go:sum") ==
        "h1:qzCu2Drr04IOSm41OEkRkQFnd0m5DKiYhi/p1g8j/w8=");
  CHECK_FALSE(native::property(greeting, "kensa:go:indirect"));

  const auto& words = only(document, "example.com/words");
  CHECK(words.version == "v0.3.0");
  CHECK(native::property(words, "kensa:go:indirect") == "true");
  CHECK(native::property(words, "kensa:go:sum") ==
        "h1:JTNZ0RiOwDvGn75XoBYU4vHrCU2cMVTSfqwIPHN16vw=");

  const auto& localdep = only(document, "example.com/localdep");
  CHECK(localdep.version.empty());
  CHECK(native::property(localdep, "kensa:go:replaced-by") == "../localdep");

  auto depends = native::edges(document, model::RelationshipType::depends_on);
  CHECK(depends == std::set<std::string>{"example.com/hello -> example.com/greeting@v1.2.0",
                                         "example.com/hello -> example.com/localdep"});
  auto describes = native::edges(document, model::RelationshipType::describes);
  CHECK(describes.size() == 1);
}

TEST_CASE("go.mod before Go 1.17: go.sum gives the modules reached through others", "[go][gomod]") {
  auto document = native::scan_with(fixture("golang/manifests/hello-go1.16"), "go");
  CHECK(native::warnings(document).empty());
  const auto& words = only(document, "example.com/words");
  CHECK(words.version == "v0.3.0");
  CHECK(native::property(words, "kensa:go:listed-in") == "go.sum");
  CHECK(native::property(words, "kensa:go:indirect") == "true");
  CHECK(native::property(words, "kensa:go:sum") ==
        "h1:JTNZ0RiOwDvGn75XoBYU4vHrCU2cMVTSfqwIPHN16vw=");
}

TEST_CASE("go.mod: exclude, a replacement of one version and of every version", "[go][gomod]") {
  auto document = native::scan_with(fixture("golang/manifests/edited"), "go");
  CHECK(native::warnings(document).empty());
  // greeting v1.2.0 => greeting-fork v1.2.1
  CHECK(native::components_named(document, "example.com/greeting").empty());
  const auto& fork = only(document, "example.com/greeting-fork");
  CHECK(fork.version == "v1.2.1");
  CHECK(native::property(fork, "kensa:go:replaces") == "example.com/greeting@v1.2.0");
  // words => ../words (every version); the excluded version is not required.
  const auto& words = only(document, "example.com/words");
  CHECK(native::property(words, "kensa:go:replaced-by") == "../words");
}

TEST_CASE("go.work: its modules are workspace members and its replace wins", "[go][gomod]") {
  auto document = native::scan_with(fixture("golang/manifests/workspace"), "go");
  CHECK(native::warnings(document).empty());
  auto mains = native::components_named(document, "example.com/hello");
  REQUIRE(mains.size() == 1);
  CHECK(native::property(*mains[0], "kensa:go:workspace") == "go.work");
  // example.com/localdep is both a workspace module and, replaced by its
  // folder, a requirement of the app: two components.
  auto localdeps = native::components_named(document, "example.com/localdep");
  REQUIRE(localdeps.size() == 2);
  for (const auto* component : localdeps) {
    bool is_main = component->type == model::ComponentType::application;
    CHECK(native::property(*component, "kensa:go:workspace").has_value() == is_main);
    CHECK(native::property(*component, "kensa:go:replaced-by").has_value() == !is_main);
  }
  // go.work: words => words v0.3.0 (a module), over nothing in go.mod.
  const auto& words = only(document, "example.com/words");
  CHECK(native::property(words, "kensa:go:replaces") == "example.com/words@v0.3.0");
}

TEST_CASE("go.mod: the standard library's own module files", "[go][gomod]") {
  auto document = native::scan_with(fixture("golang/manifests/go-std"), "go");
  CHECK(native::warnings(document).empty());
  CHECK(only(document, "std").type == model::ComponentType::application);
  const auto& crypto = only(document, "golang.org/x/crypto");
  CHECK(crypto.version == "v0.0.0-20220516162934-403b01795ae8");
  CHECK(crypto.purl == "pkg:golang/golang.org/x/crypto@v0.0.0-20220516162934-403b01795ae8");
  CHECK(native::property(crypto, "kensa:go:sum") ==
        "h1:y+mHpWoQJNAHt26Nhh6JP7hvM71IRZureyvZhoVALIs=");
  CHECK(native::property(only(document, "golang.org/x/text"), "kensa:go:indirect") == "true");
  CHECK(document.components.size() == 5);
}

TEST_CASE("go.mod: malformed lines are warnings naming the file and line", "[go][gomod]") {
  fs::path folder = scratch_dir("go-mod-malformed");
  native::write_bytes(folder / "go.mod", "module example.com/broken\n"
                                         "require (\n"
                                         "\tgood.example/a v1.0.0\n"
                                         "\tmissing.example/version\n"
                                         ")\n"
                                         "replace x.example/y => z.example/w\n"
                                         "require \"unterminated v1.0.0\n");
  native::write_bytes(folder / "go.sum", "good.example/a v1.0.0 h1:abc=\nnot a sum line at all\n");
  auto document = native::scan_with(folder, "go");
  auto messages = native::warnings(document);
  std::set<std::string> set(messages.begin(), messages.end());
  CHECK(set == std::set<std::string>{
                   "go.mod: line 4: require needs a module path and a version",
                   "go.mod: line 6: replacement by a module needs a version",
                   "go.mod: line 7: unterminated quoted string",
                   "go.sum: line 2: expected 'module version h1:hash'",
               });
  CHECK(native::property(only(document, "good.example/a"), "kensa:go:sum") == "h1:abc=");

  native::write_bytes(folder / "go.mod", "go 1.21\n");
  auto no_module = native::scan_with(folder, "go");
  CHECK(native::warnings(no_module) ==
        std::vector<std::string>{"go.mod: go.mod has no module directive; not scanned",
                                 "go.sum: line 2: expected 'module version h1:hash'"});
}

TEST_CASE("go module versions are ordered the way minimal version selection orders them",
          "[go][gomod]") {
  using scanner::golang::compare_versions;
  CHECK(compare_versions("v1.2.0", "v1.10.0") < 0);
  CHECK(compare_versions("v1.2.0-rc.1", "v1.2.0") < 0);
  CHECK(compare_versions("v1.2.0-rc.2", "v1.2.0-rc.10") < 0);
  CHECK(compare_versions("v0.0.0-20220516162934-403b01795ae8",
                         "v0.0.0-20230214200805-d99f623d45a4") < 0);
  CHECK(compare_versions("v2.0.0+incompatible", "v1.9.9") > 0);
  CHECK(compare_versions("v1.0.0", "v1.0.0") == 0);
}

namespace {

// "path@version" of every component but the main module.
std::set<std::string> go_mod_modules(const model::Document& document) {
  std::set<std::string> found;
  for (const auto& component : document.components) {
    if (component.type != model::ComponentType::application) {
      found.insert((component.group.empty() ? "" : component.group + "/") + component.name + "@" +
                   component.version);
    }
  }
  return found;
}

} // namespace

TEST_CASE("go.mod before Go 1.17: the build list is go list -m all, from the module graph go.sum "
          "records",
          "[go][gomod]") {
  auto document = native::scan_with(fixture("golang/manifests/graph-go1.16"), "go");
  CHECK(native::warnings(document).empty());
  // What `go list -m all` printed (go 1.19.8), the main module aside.
  std::set<std::string> expected;
  const std::string listed = read_file(fixture("golang/manifests/graph-go1.16/go-list-m-all.txt"));
  for (std::string_view line : split(listed, '\n')) {
    auto fields = split(line, ' ');
    if (fields.size() == 2) {
      expected.insert(std::string(fields[0]) + "@" + std::string(fields[1]));
    }
  }
  REQUIRE(expected.size() == 4);
  CHECK(go_mod_modules(document) == expected);
  // words v0.2.0 is in go.sum only because example.com/old's go.mod asks for
  // it: the graph selects v0.3.0.
  CHECK(only(document, "example.com/words").version == "v0.3.0");
  // onlymod's go.mod was read, no package of it is built.
  const auto& onlymod = only(document, "example.com/onlymod");
  CHECK(native::property(onlymod, "kensa:go:go-mod-only") == "true");
  CHECK(onlymod.scope == model::Scope::excluded);
  CHECK(native::property(onlymod, "kensa:go:listed-in") == "go.sum");
  CHECK_FALSE(native::property(only(document, "example.com/old"), "kensa:go:go-mod-only"));
}

TEST_CASE("go.mod from Go 1.17 on: the requirements are the build's modules, as go mod edit -json "
          "lists them",
          "[go][gomod]") {
  auto document = native::scan_with(fixture("golang/manifests/graph-go1.17"), "go");
  CHECK(native::warnings(document).empty());
  // go.sum names words v0.2.0 and onlymod too, for reading go.mod files.
  CHECK(go_mod_modules(document) == std::set<std::string>{"example.com/greeting@v1.2.0",
                                                          "example.com/old@v0.1.0",
                                                          "example.com/words@v0.3.0"});
}
