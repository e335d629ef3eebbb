// kensa scan on a tree built like a real root file system: what is
// installed (a dpkg database, npm packages installed globally, a Go binary)
// beside what only lies there (cached .deb files, requirement lists in
// /usr/share/doc, lockfiles shipped inside packages, Go's sparse tar test
// files, static libraries in a tarball). The default scan of a root gives
// exactly the installed packages, without a warning that is not true.
#include "../scanners/golang/go_build_fixture.hpp"
#include "../support/archive_writer.hpp"
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using kensa::testing::run_kensa;
using kensa::testing::scratch_dir;
namespace fs = std::filesystem;

namespace {

void put(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string stanza(const std::string& name, const std::string& version,
                   const std::string& architecture) {
  return "Package: " + name +
         "\nStatus: install ok installed\nPriority: optional\nSection: libs\n"
         "Installed-Size: 100\nMaintainer: Debian Maintainers <debian@example.org>\n"
         "Architecture: " +
         architecture + "\nVersion: " + version + "\nDescription: " + name + " for the test\n\n";
}

// 20 GiB of holes in a few kilobytes each: with the old count, two of them
// spent the 32 GiB budget and the walk stopped before var/.
constexpr std::uint64_t k_sparse_size = 20ull << 30;

// A static library as ar writes it: the symbol table "/" first.
std::string static_library_bytes(const fs::path& scratch) {
  fs::path file = scratch / "libexample.a";
  kensa::testing::write_ar(file, {{"/", std::string("\0\0\0\0", 4)}, {"example.o", "object"}});
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct RootTree {
  fs::path root;
  // The purls kensa finds in the Go binary alone; empty without Go.
  std::set<std::string> go_purls;
};

// A status file this large is over a --max-file-size of 12M, and nothing
// else in the tree is.
constexpr std::size_t k_status_padding = 16u << 20;

RootTree build_root(const std::string& name, bool large_status = false) {
  RootTree tree{scratch_dir(name), {}};
  const fs::path& root = tree.root;
  put(root / "etc/os-release",
      "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
      "VERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n"
      "HOME_URL=\"https://www.debian.org/\"\n");
  std::string padding;
  if (large_status) {
    // A long description: continuation lines, as dpkg writes them.
    std::string line = " " + std::string(78, 'd') + "\n";
    while (padding.size() < k_status_padding) {
      padding += line;
    }
  }
  std::string libc = stanza("libc6", "2.36-9+deb12u4", "amd64");
  libc.insert(libc.size() - 1, padding);
  put(root / "var/lib/dpkg/status", stanza("base-files", "12.4+deb12u5", "amd64") + libc +
                                        stanza("zlib1g", "1:1.2.13.dfsg-1", "amd64"));
  put(root / "var/lib/dpkg/info/zlib1g:amd64.list",
      "/usr/lib/x86_64-linux-gnu/libz.so.1\n/usr/share/doc/zlib1g/copyright\n");
  put(root / "usr/share/doc/zlib1g/copyright", "Files: *\nLicense: Zlib\n");

  // npm install -g: the packages, and a lockfile one of them ships.
  put(root / "usr/lib/node_modules/npm/package.json",
      R"({"name": "npm", "version": "9.2.0", "dependencies": {"abbrev": "^2.0.0"}})");
  put(root / "usr/lib/node_modules/npm/node_modules/abbrev/package.json",
      R"({"name": "abbrev", "version": "2.0.0", "license": "ISC"})");
  put(root / "usr/lib/node_modules/npm/node_modules/abbrev/package-lock.json",
      R"({"name": "abbrev", "version": "2.0.0", "lockfileVersion": 3, "packages": {
           "": {"name": "abbrev", "version": "2.0.0", "devDependencies": {"tap": "^16.3.0"}},
           "node_modules/tap": {"version": "16.3.0", "dev": true}}})");
  put(root / "usr/lib/node_modules/corepack/package.json",
      R"({"name": "corepack", "version": "0.24.0"})");

  // Lying on disk, not installed: a cached package file, a requirement
  // list in the documentation.
  std::string control = "Package: cached-tool\nVersion: 3.1-1\nArchitecture: all\n"
                        "Maintainer: Someone <someone@example.org>\nDescription: not installed\n";
  kensa::testing::write_ar(
      root / "var/cache/apt/archives/cached-tool_3.1-1_all.deb",
      {{"debian-binary", "2.0\n"},
       {"control.tar.gz", kensa::testing::tar_bytes({{"./control", control}}, true)},
       {"data.tar.gz", kensa::testing::tar_bytes(
                           {{"./usr/lib/python3/dist-packages/cached_tool-3.1.dist-info/METADATA",
                             "Metadata-Version: 2.1\nName: cached-tool\nVersion: 3.1\n"}},
                           true)}});
  put(root / "usr/share/doc/python3-example/requirements.txt", ".\nrequests\nsix>=1.16\n");

  // Go's tar test files, in four places, and static libraries in a tarball.
  for (const char* folder :
       {"usr/lib/go-1.19/src/archive/tar/testdata", "usr/share/go-1.19/src/archive/tar/testdata",
        "opt/go/testdata", "home/user/go/testdata"}) {
    fs::create_directories(root / folder);
    kensa::testing::write_sparse_tar(root / folder / "gnu-sparse-big.tar", "gnu-sparse",
                                     k_sparse_size, std::string(512, 'x'));
  }
  std::string library = static_library_bytes(root.parent_path());
  kensa::testing::write_tar(root / "usr/share/doc/example/libraries.tar",
                            {{"lib/libexample.a", library}, {"lib/libother.rlib", library}});

  std::string reason;
  if (const auto* go = kensa::testing::golang::go_build(reason)) {
    fs::path binary = root / "usr/bin/fixture-tool";
    fs::create_directories(binary.parent_path());
    fs::copy_file(go->binaries.at("linux-amd64").path, binary);
    auto alone = run_kensa({"scan", binary.string(), "-o", "purls"});
    REQUIRE(alone.exit_code == 0);
    std::string line;
    for (std::istringstream lines(alone.out); std::getline(lines, line);) {
      tree.go_purls.insert(line);
    }
    REQUIRE_FALSE(tree.go_purls.empty());
  } else {
    WARN("no Go binary in the tree: " << reason);
  }
  return tree;
}

struct Found {
  // "found-by name@version" of every component.
  std::set<std::string> components;
  std::set<std::string> go_purls;
  nlohmann::json document;
};

Found found_in(const std::string& out) {
  Found found;
  found.document = nlohmann::json::parse(out);
  for (const auto& component : found.document["components"]) {
    std::string found_by = component["evidence"][0].value("foundBy", "");
    std::string name =
        component.value("group", "").empty()
            ? component["name"].get<std::string>()
            : component["group"].get<std::string>() + "/" + component["name"].get<std::string>();
    if (found_by == "go") {
      // `-o purls` of the binary alone lists those with a purl.
      if (component.contains("purl")) {
        found.go_purls.insert(component["purl"].get<std::string>());
      }
      continue;
    }
    found.components.insert(found_by + " " + name + "@" + component.value("version", ""));
  }
  return found;
}

const std::set<std::string> k_installed{
    "os-release debian@12",         "dpkg base-files@12.4+deb12u5", "dpkg libc6@2.36-9+deb12u4",
    "dpkg zlib1g@1:1.2.13.dfsg-1",  "node-modules npm@9.2.0",       "node-modules abbrev@2.0.0",
    "node-modules corepack@0.24.0",
};

} // namespace

TEST_CASE("root scan: a root file system gives exactly its installed packages", "[cli][root]") {
  auto tree = build_root("root-installed");
  auto result = run_kensa({"scan", tree.root.string(), "-o", "kensa-json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // Nothing in the tree is wrong, so nothing is said.
  CHECK(result.err.empty());
  Found found = found_in(result.out);
  CHECK(found.components == k_installed);
  CHECK(found.go_purls == tree.go_purls);
  // The subject is the distribution; the document is not incomplete.
  const auto& metadata = found.document["metadata"];
  CHECK(metadata["subject"]["name"] == "debian");
  CHECK(metadata["subject"]["version"] == "12");
  CHECK(metadata["subject"]["type"] == "operating-system");
  CHECK(metadata["completeness"] == "unknown");
  CHECK_FALSE(metadata.contains("omissions"));
}

TEST_CASE("root scan: --include-declared adds what lies there, saying what it is", "[cli][root]") {
  auto tree = build_root("root-declared");
  auto result = run_kensa({"scan", tree.root.string(), "--include-declared", "-o", "kensa-json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // The sparse test files are read in no time and spend no budget; the
  // static libraries' symbol tables are not members that leave anything.
  CHECK(result.err.empty());
  Found found = found_in(result.out);
  std::set<std::string> expected = k_installed;
  // The cached .deb is a package file, not an installed package, and what
  // its data holds is not installed either.
  expected.insert("deb-file cached-tool@3.1-1");
  // Declared, unpinned: no version. "." is a folder, not a package.
  expected.insert("python requests@");
  expected.insert("python six@");
  // The lockfile npm ships inside abbrev is abbrev's authors', never read.
  CHECK(found.components == expected);
  for (const auto& component : found.document["components"]) {
    for (const auto& evidence : component["evidence"]) {
      CHECK(evidence.value("location", "").find("dist-info") == std::string::npos);
    }
  }
  CHECK(found.document["metadata"]["completeness"] == "unknown");
}

TEST_CASE("root scan: a limit forced low makes the document say it is incomplete", "[cli][root]") {
  auto tree = build_root("root-limited", true);
  auto out = tree.root.parent_path() / "root-limited.cdx.json";
  fs::remove(out);
  // The dpkg database is over the file size limit: the scan goes on, and
  // everything else is still found.
  std::vector<std::string> arguments{"scan",
                                     tree.root.string(),
                                     "--max-file-size",
                                     "12M",
                                     "-o",
                                     "kensa-json",
                                     "-o",
                                     "cyclonedx-json=" + out.string()};
  // A fixed timestamp: the run with --fail-on below must write the same.
  kensa::testing::RunOptions fixed_time;
  fixed_time.environment = {"SOURCE_DATE_EPOCH=1700000000"};
  auto result = kensa::testing::run_kensa_with(arguments, fixed_time);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("var/lib/dpkg/status: file is") != std::string::npos);
  // The last line of stderr says the SBOM is incomplete.
  CHECK(result.err.ends_with(
      "kensa: warning: the SBOM is incomplete: 1 place was skipped or cut short "
      "(var/lib/dpkg/status); the document says so\n"));
  Found found = found_in(result.out);
  CHECK(found.components.count("node-modules npm@9.2.0") == 1);
  CHECK(found.components.count("dpkg zlib1g@1:1.2.13.dfsg-1") == 0);
  const auto& metadata = found.document["metadata"];
  CHECK(metadata["completeness"] == "incomplete");
  REQUIRE(metadata["omissions"].size() == 1);
  CHECK(metadata["omissions"][0]["location"] == "var/lib/dpkg/status");

  // CycloneDX: an incomplete composition for the subject, and what made it
  // so in the metadata.
  auto cyclonedx = nlohmann::json::parse(kensa::testing::read_file(out));
  REQUIRE(cyclonedx["compositions"].size() == 1);
  CHECK(cyclonedx["compositions"][0]["aggregate"] == "incomplete");
  CHECK(cyclonedx["compositions"][0]["assemblies"][0] ==
        cyclonedx["metadata"]["component"]["bom-ref"]);
  bool named = false;
  for (const auto& property : cyclonedx["metadata"]["properties"]) {
    named =
        named || (property["name"] == "kensa:incomplete:omitted" &&
                  property["value"].get<std::string>().starts_with("var/lib/dpkg/status: file is"));
  }
  CHECK(named);

  // SPDX 2 and 3: an annotation says it, and the documents stay valid.
  auto spdx2 = tree.root.parent_path() / "root-limited.spdx.json";
  auto spdx3 = tree.root.parent_path() / "root-limited.spdx3.json";
  fs::remove(spdx2);
  fs::remove(spdx3);
  auto spdx = run_kensa({"scan", tree.root.string(), "--max-file-size", "12M", "-o",
                         "spdx-json=" + spdx2.string(), "-o", "spdx-json@3.0=" + spdx3.string()});
  REQUIRE(spdx.exit_code == 0);
  auto spdx2_document = nlohmann::json::parse(kensa::testing::read_file(spdx2));
  REQUIRE(spdx2_document["annotations"].size() == 1);
  CHECK(spdx2_document["annotations"][0]["comment"].get<std::string>().starts_with(
      "kensa: this SBOM is incomplete; the scan skipped or cut short 1 place:\n"
      "var/lib/dpkg/status: file is"));
  CHECK(kensa::testing::read_file(spdx3).find("kensa: this SBOM is incomplete") !=
        std::string::npos);
  for (const auto& document : {spdx2, spdx3, out}) {
    INFO(document);
    auto validated = run_kensa({"validate", document.string()});
    CHECK(validated.exit_code == 0);
  }

  // --fail-on incomplete: the same outputs, and exit 1 for CI.
  arguments.insert(arguments.end(), {"--fail-on", "incomplete"});
  auto failing = kensa::testing::run_kensa_with(arguments, fixed_time);
  CHECK(failing.exit_code == 1);
  CHECK(failing.out == result.out);
}
