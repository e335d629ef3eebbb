// Real Go binaries built here, read back and compared with what
// `go version -m` says about them.
#include "../../../src/scanners/golang/binary_modules.hpp"
#include "../../../src/scanners/golang/build_info.hpp"
#include "../../../src/scanners/golang/go_component.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"
#include "go_build_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

#define KENSA_REQUIRE_GO(build)                                                                    \
  std::string skip_reason;                                                                         \
  const golang::GoBuild* build = golang::go_build(skip_reason);                                    \
  if (build == nullptr) {                                                                          \
    WARN("skipped: " << skip_reason);                                                              \
    return;                                                                                        \
  }

// What kensa reads from a binary, as the module lines `go version -m` prints.
std::vector<golang::GoModuleLine> kensa_module_lines(const scanner::golang::BuildInfo& info) {
  std::vector<golang::GoModuleLine> lines;
  if (info.main) {
    lines.push_back({"mod", info.main->path, info.main->version, info.main->sum});
  }
  for (const auto& dependency : info.dependencies) {
    lines.push_back(
        {"dep", dependency.module.path, dependency.module.version, dependency.module.sum});
    if (dependency.replacement) {
      lines.push_back({"=>", dependency.replacement->path, dependency.replacement->version,
                       dependency.replacement->sum});
    }
  }
  return lines;
}

scanner::golang::BuildInfo read_info(const fs::path& binary) {
  std::string condensed = scanner::golang::condense_go_binary(native::read_bytes(binary));
  REQUIRE_FALSE(condensed.empty());
  auto document = nlohmann::json::parse(condensed);
  REQUIRE(document["warnings"].empty());
  REQUIRE(document["images"].size() == 1);
  const auto& image = document["images"][0];
  scanner::ProblemList problems;
  auto info = scanner::golang::parse_module_info(image["go"].get<std::string>(),
                                                 image["modules"].get<std::string>(), problems);
  CHECK(problems.empty());
  return info;
}

std::string describe(const std::vector<golang::GoModuleLine>& lines) {
  std::string text;
  for (const auto& line : lines) {
    text += line.word + "\t" + line.path + "\t" + line.version + "\t" + line.sum + "\n";
  }
  return text;
}

} // namespace

TEST_CASE("go binaries: the module list equals go version -m on ELF, PE and Mach-O",
          "[go][binary]") {
  KENSA_REQUIRE_GO(build);
  for (const auto& [target, binary] : build->binaries) {
    INFO(target);
    auto info = read_info(binary.path);
    CHECK(info.go_version == binary.go_version);
    CHECK(describe(kensa_module_lines(info)) == describe(binary.modules));
    // Build settings: the same keys in the same order; go prints some quoted.
    std::vector<std::string> keys;
    for (const auto& [key, value] : info.settings) {
      keys.push_back(key);
    }
    std::vector<std::string> expected_keys;
    for (const auto& line : binary.build_lines) {
      std::string key = line.starts_with('"') ? line.substr(1, line.find('"', 1) - 1)
                                              : line.substr(0, line.find('='));
      expected_keys.push_back(key);
    }
    CHECK(keys == expected_keys);
  }
  const auto& linux_info = read_info(build->binaries.at("linux-amd64").path);
  CHECK(linux_info.setting("-ldflags") == "-X main.version=1.0.0");
  CHECK(linux_info.setting("GOOS") == "linux");
  CHECK(linux_info.setting("GOARCH") == "amd64");
  CHECK(linux_info.setting("vcs") == "git");
  CHECK(linux_info.setting("vcs.time") == "2024-03-01T10:20:30Z");
  CHECK(linux_info.setting("vcs.revision").size() == 40);
  CHECK(read_info(build->binaries.at("windows-amd64").path).setting("-ldflags") == "-s -w");
  CHECK(read_info(build->binaries.at("darwin-arm64").path).setting("GOARCH") == "arm64");
}

TEST_CASE("go binaries: components, properties and edges from a scanned folder", "[go][binary]") {
  KENSA_REQUIRE_GO(build);
  fs::path folder = scratch_dir("go-binaries-scan");
  const auto& linux_binary = build->binaries.at("linux-amd64");
  fs::copy_file(linux_binary.path, folder / "hello");
  auto document = native::scan_with(folder, "go");
  CHECK(native::warnings(document).empty());

  // Every dependency go version -m lists, with its version and go.sum hash.
  for (std::size_t i = 0; i < linux_binary.modules.size(); ++i) {
    const auto& line = linux_binary.modules[i];
    if (line.word != "dep") {
      continue;
    }
    INFO(line.path);
    auto found = native::components_named(document, line.path);
    REQUIRE(found.size() == 1);
    bool replaced = i + 1 < linux_binary.modules.size() && linux_binary.modules[i + 1].word == "=>";
    if (replaced) {
      // Replaced by a local folder: the code is not that version's.
      CHECK(found[0]->version.empty());
      CHECK(native::property(*found[0], "kensa:go:replaced-by") ==
            linux_binary.modules[i + 1].path);
    } else {
      CHECK(found[0]->version == line.version);
      CHECK(found[0]->purl == "pkg:golang/" + line.path + "@" + line.version);
      CHECK(native::property(*found[0], "kensa:go:sum") == line.sum);
    }
    CHECK(found[0]->evidence.at(0).location == "hello");
  }

  // The main module was built from a checkout: "(devel)", turned into the
  // commit's pseudo-version.
  auto main = native::components_named(document, "example.com/hello");
  REQUIRE(main.size() == 1);
  auto info = read_info(linux_binary.path);
  std::string revision = info.setting("vcs.revision");
  CHECK(main[0]->version == "v0.0.0-20240301102030-" + revision.substr(0, 12));
  CHECK(main[0]->type == model::ComponentType::application);
  CHECK(native::property(*main[0], "kensa:go:version-source") == "vcs");
  CHECK(native::property(*main[0], "kensa:go:build:GOOS") == "linux");
  CHECK(native::property(*main[0], "kensa:go:build:GOARCH") == "amd64");
  CHECK(native::property(*main[0], "kensa:go:build:-ldflags") == "-X main.version=1.0.0");
  CHECK(native::property(*main[0], "kensa:go:build:vcs.revision") == revision);
  CHECK(native::property(*main[0], "kensa:go:build:vcs.time") == "2024-03-01T10:20:30Z");
  CHECK(native::property(*main[0], "kensa:go:toolchain") == linux_binary.go_version);

  // The standard library, at the toolchain's version.
  // The version without "go", in the purl the Go vulnerability database
  // and Grype match.
  std::string bare = linux_binary.go_version.substr(2);
  auto stdlibs = native::components_named(document, "stdlib");
  REQUIRE(stdlibs.size() == 1);
  const auto* stdlib = stdlibs.front();
  CHECK(stdlib->purl == "pkg:golang/stdlib@" + bare);
  CHECK(stdlib->version == bare);
  CHECK(native::property(*stdlib, "kensa:go:toolchain") == linux_binary.go_version);
  CHECK(stdlib->cpes == std::vector<std::string>{"cpe:2.3:a:golang:go:" + bare + ":*:*:*:*:*:*:*"});

  auto depends = native::edges(document, model::RelationshipType::depends_on);
  std::string from = model::display_name(*main[0]) + " -> ";
  CHECK(depends.count(from + "example.com/greeting@v1.2.0") == 1);
  CHECK(depends.count(from + "example.com/words@v0.3.0") == 1);
  CHECK(depends.count(from + "example.com/localdep") == 1);
  CHECK(depends.count(from + "stdlib@" + bare) == 1);
}

TEST_CASE("go binaries: a stripped PE and a Mach-O binary inside an archive", "[go][binary]") {
  KENSA_REQUIRE_GO(build);
  fs::path folder = scratch_dir("go-binaries-archive");
  fs::path staging = folder / "staging";
  fs::create_directories(staging / "bin");
  fs::copy_file(build->binaries.at("windows-amd64").path, staging / "bin" / "hello.exe");
  // No execute bit and no telling name: inside an archive, content decides.
  fs::copy_file(build->binaries.at("darwin-arm64").path, staging / "bin" / "hello-mac");
  fs::permissions(staging / "bin" / "hello-mac", fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(native::run_shell("tar -czf " +
                                native::shell_quote((folder / "release.tar.gz").string()) + " -C " +
                                native::shell_quote(staging.string()) + " bin",
                            folder / "tar.log"));
  fs::remove_all(staging);
  auto document = native::scan_with(folder, "go");
  CHECK(native::warnings(document).empty());
  auto greeting = native::components_named(document, "example.com/greeting");
  REQUIRE(greeting.size() == 1);
  std::set<std::string> locations;
  for (const auto& evidence : greeting[0]->evidence) {
    locations.insert(evidence.location);
  }
  CHECK(locations ==
        std::set<std::string>{"release.tar.gz!/bin/hello-mac", "release.tar.gz!/bin/hello.exe"});
  // Neither binary was built from a checkout with VCS stamping: the main
  // module's version is unknown, never "(devel)".
  auto main = native::components_named(document, "example.com/hello");
  REQUIRE_FALSE(main.empty());
  for (const auto* component : main) {
    CHECK(component->version.empty());
    CHECK(component->purl.empty());
  }
}

TEST_CASE("go binaries: a folder file without an execute bit or a telling name is not read",
          "[go][binary]") {
  KENSA_REQUIRE_GO(build);
  fs::path folder = scratch_dir("go-binaries-plain-file");
  fs::copy_file(build->binaries.at("linux-amd64").path, folder / "hello.data");
  fs::permissions(folder / "hello.data", fs::perms::owner_read | fs::perms::owner_write);
  auto document = native::scan_with(folder, "go");
  CHECK(document.components.empty());
  // Scanned on its own, the same file is read.
  auto single = native::scan_with(folder / "hello.data", "go");
  CHECK(native::components_named(single, "example.com/greeting").size() == 1);
}

namespace {

// What a scan should give for a binary, from `go version -m`: the main
// module (its pseudo-version when VCS-stamped), each dependency as its
// replacement says, and the standard library; purls where there is a
// version, paths where there is none.
std::set<std::string> expected_from_go(const golang::BuiltBinary& binary,
                                       const std::string& pseudo_version) {
  std::set<std::string> expected{"pkg:golang/stdlib@" + binary.go_version.substr(2)};
  const auto& lines = binary.modules;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    if (line.word == "mod") {
      expected.insert(line.version == "(devel)" && pseudo_version.empty()
                          ? line.path
                          : "pkg:golang/" + line.path + "@" +
                                (line.version == "(devel)" ? pseudo_version : line.version));
    } else if (line.word == "dep") {
      if (i + 1 < lines.size() && lines[i + 1].word == "=>") {
        // A folder ("../localdep", version "(devel)") is no module version:
        // the dependency keeps its path and has none.
        const auto& replacement = lines[i + 1];
        const bool folder = replacement.path.starts_with("./") ||
                            replacement.path.starts_with("../") ||
                            replacement.path.starts_with("/");
        expected.insert(folder ? line.path
                               : "pkg:golang/" + replacement.path + "@" + replacement.version);
      } else {
        expected.insert("pkg:golang/" + line.path + "@" + line.version);
      }
    }
  }
  return expected;
}

std::set<std::string> scanned_go(const fs::path& binary, const std::string& folder_name,
                                 const std::string& name) {
  fs::path folder = scratch_dir("go-binaries-exact-" + folder_name);
  fs::copy_file(binary, folder / name);
  auto document = native::scan_with(folder, "go");
  CHECK(native::warnings(document).empty());
  std::set<std::string> found;
  for (const auto& component : document.components) {
    found.insert(!component.purl.empty()   ? component.purl
                 : component.group.empty() ? component.name
                                           : component.group + "/" + component.name);
  }
  return found;
}

} // namespace

TEST_CASE("go binaries: a scan lists exactly what go version -m lists, plus the standard library",
          "[go][binary]") {
  KENSA_REQUIRE_GO(build);
  for (const auto& [target, binary] : build->binaries) {
    INFO(target);
    auto info = read_info(binary.path);
    std::string pseudo =
        scanner::golang::pseudo_version(info.setting("vcs.time"), info.setting("vcs.revision"));
    CHECK(scanned_go(binary.path, target, target) == expected_from_go(binary, pseudo));
    // What go 1.19.8 printed when these fixtures were made: the build is
    // reproducible, so the same toolchain prints the same.
    fs::path recorded = fixture("golang/build/expected/" + target + ".txt");
    if (binary.go_version == "go1.19.8") {
      CHECK(binary.text == read_file(recorded));
    }
  }
  // The cases the fixtures were made for.
  const auto tools = scanned_go(build->binaries.at("tools-linux-amd64").path, "module", "tools");
  CHECK(tools.count("pkg:golang/example.net@v0.1.0") == 1);
  CHECK(tools.count("pkg:golang/example.com/words-fork@v0.3.1") == 1);
  CHECK(tools.count("example.com/tools") == 1);
  const auto files =
      scanned_go(build->binaries.at("tools-files-linux-amd64").path, "files", "tools");
  CHECK(files.count("example.com/tools") == 0);
  CHECK(files.count("command-line-arguments") == 0);
  CHECK(files.count("tools") == 0);
  CHECK(files.count("pkg:golang/example.net@v0.1.0") == 1);
}
