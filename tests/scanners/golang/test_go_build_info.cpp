// The build information blob: the pre-1.18 pointer layout (in executables
// made here, since no Go older than 1.18 is packaged), module lines and
// quoting.
#include "../../../src/scanners/common/binary/executable.hpp"
#include "../../../src/scanners/golang/binary_modules.hpp"
#include "../../../src/scanners/golang/build_info.hpp"
#include "../../../src/scanners/golang/go_component.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/file_report.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace go_reader = kensa::scanner::golang;
using kensa::scanner::binary::read_executables;

namespace {

// The module text a real go1.19.8 build of tests/fixtures/golang/build/app
// carries (go version -m of it), with cmd/go's framing sentinels.
const std::string k_module_text =
    "path\texample.com/hello\n"
    "mod\texample.com/hello\t(devel)\t\n"
    "dep\texample.com/greeting\tv1.2.0\th1:qzCu2Drr04IOSm41OEkRkQFnd0m5DKiYhi/p1g8j/w8=\n"
    "dep\texample.com/localdep\tv0.1.0\n"
    "=>\t../localdep\t(devel)\t\n"
    "dep\texample.com/words\tv0.3.0\th1:JTNZ0RiOwDvGn75XoBYU4vHrCU2cMVTSfqwIPHN16vw=\n"
    "build\t-compiler=gc\n"
    "build\t-ldflags=\"-X main.version=1.0.0\"\n"
    "build\tGOARCH=amd64\n"
    "build\tGOOS=linux\n";
const std::string k_start_sentinel("0w\xaf\x0c\x92t\x08\x02\x41\xe1\xc1\x07\xe6\xd6\x18\xe6", 16);
const std::string k_end_sentinel("\xf9\x32\x43\x31\x86\x18\x20\x72\x00\x82\x42\x10\x41\x16\xd8\xf2",
                                 16);

void put(std::string& bytes, std::size_t at, std::uint64_t value, unsigned size, bool big) {
  if (bytes.size() < at + size) {
    bytes.resize(at + size, '\0');
  }
  for (unsigned i = 0; i < size; ++i) {
    unsigned shift = big ? 8 * (size - 1 - i) : 8 * i;
    bytes[at + i] = static_cast<char>((value >> shift) & 0xff);
  }
}

// An ELF executable with one loadable segment mapping the whole file at
// 0x400000, and a .go.buildinfo section holding a blob in Go 1.13-1.17's
// layout: two pointers to Go string headers (pointer, length).
std::string old_layout_elf(bool is_64, bool big, const std::string& version,
                           const std::string& modules) {
  const std::uint64_t base = 0x400000;
  unsigned word = is_64 ? 8 : 4;
  std::size_t header = is_64 ? 64 : 52;
  std::size_t program_header = is_64 ? 56 : 32;
  std::size_t section_header = is_64 ? 64 : 40;
  std::string bytes(header, '\0');
  bytes[0] = 0x7f;
  bytes[1] = 'E';
  bytes[2] = 'L';
  bytes[3] = 'F';
  bytes[4] = static_cast<char>(is_64 ? 2 : 1);
  bytes[5] = static_cast<char>(big ? 2 : 1);
  bytes[6] = 1;
  put(bytes, 16, 2, 2, big);               // ET_EXEC
  put(bytes, 18, is_64 ? 62 : 20, 2, big); // x86_64 or ppc
  put(bytes, 20, 1, 4, big);
  std::size_t phoff = header;
  bytes.resize(phoff + program_header, '\0');
  // The blob, 16-byte aligned, then the string headers, then the strings.
  std::size_t blob = (bytes.size() + 15) / 16 * 16;
  bytes.resize(blob + 32, '\0');
  bytes.replace(blob, 14, "\xff Go buildinf:");
  bytes[blob + 14] = static_cast<char>(word);
  bytes[blob + 15] = static_cast<char>(big ? 1 : 0);
  std::size_t headers = blob + 32;
  std::size_t strings = headers + 4 * word;
  std::string framed = k_start_sentinel + modules + k_end_sentinel;
  put(bytes, blob + 16, base + headers, word, big);
  put(bytes, blob + 16 + word, base + headers + 2 * word, word, big);
  put(bytes, headers, base + strings, word, big);
  put(bytes, headers + word, version.size(), word, big);
  put(bytes, headers + 2 * word, base + strings + version.size(), word, big);
  put(bytes, headers + 3 * word, framed.size(), word, big);
  bytes.resize(strings);
  bytes += version + framed;
  std::size_t blob_end = bytes.size();
  std::string names = std::string("\0", 1) + ".go.buildinfo" + std::string("\0", 1) + ".shstrtab" +
                      std::string("\0", 1);
  std::size_t names_at = bytes.size();
  bytes += names;
  std::size_t shoff = (bytes.size() + 7) / 8 * 8;
  bytes.resize(shoff + 3 * section_header, '\0');
  auto section = [&](std::size_t index, std::uint32_t name, std::uint32_t type,
                     std::uint64_t address, std::uint64_t offset, std::uint64_t size) {
    std::size_t at = shoff + index * section_header;
    put(bytes, at, name, 4, big);
    put(bytes, at + 4, type, 4, big);
    if (is_64) {
      put(bytes, at + 16, address, 8, big);
      put(bytes, at + 24, offset, 8, big);
      put(bytes, at + 32, size, 8, big);
    } else {
      put(bytes, at + 12, address, 4, big);
      put(bytes, at + 16, offset, 4, big);
      put(bytes, at + 20, size, 4, big);
    }
  };
  section(1, 1, 1, base + blob, blob, blob_end - blob);
  section(2, 15, 3, 0, names_at, names.size());
  // The program header: PT_LOAD, read + write, the whole file.
  if (is_64) {
    put(bytes, phoff, 1, 4, big);
    put(bytes, phoff + 4, 6, 4, big);
    put(bytes, phoff + 16, base, 8, big);
    put(bytes, phoff + 32, bytes.size(), 8, big);
    put(bytes, phoff + 40, bytes.size(), 8, big);
    put(bytes, 32, phoff, 8, big);
    put(bytes, 40, shoff, 8, big);
    put(bytes, 54, program_header, 2, big);
    put(bytes, 56, 1, 2, big);
    put(bytes, 58, section_header, 2, big);
    put(bytes, 60, 3, 2, big);
    put(bytes, 62, 2, 2, big);
  } else {
    put(bytes, phoff, 1, 4, big);
    put(bytes, phoff + 8, base, 4, big);
    put(bytes, phoff + 16, bytes.size(), 4, big);
    put(bytes, phoff + 20, bytes.size(), 4, big);
    put(bytes, phoff + 24, 6, 4, big);
    put(bytes, 28, phoff, 4, big);
    put(bytes, 32, shoff, 4, big);
    put(bytes, 42, program_header, 2, big);
    put(bytes, 44, 1, 2, big);
    put(bytes, 46, section_header, 2, big);
    put(bytes, 48, 3, 2, big);
    put(bytes, 50, 2, 2, big);
  }
  return bytes;
}

go_reader::RawBuildInfo read_one(const std::string& bytes) {
  auto images = read_executables(bytes);
  INFO(images.error());
  REQUIRE(images.ok());
  REQUIRE(images->size() == 1);
  auto info = go_reader::read_build_info(images->front());
  INFO(info.error());
  REQUIRE(info.ok());
  REQUIRE(info->has_value());
  return **info;
}

} // namespace

TEST_CASE("go build info: the pre-1.18 pointer layout, 64-bit little-endian", "[go]") {
  std::string bytes = old_layout_elf(true, false, "go1.16.15", k_module_text);
  auto raw = read_one(bytes);
  CHECK(raw.go_version == "go1.16.15");
  CHECK(raw.module_info == k_module_text);
}

TEST_CASE("go build info: the pre-1.18 pointer layout, 32-bit big-endian", "[go]") {
  std::string bytes = old_layout_elf(false, true, "go1.15.2", k_module_text);
  auto images = read_executables(bytes);
  REQUIRE(images.ok());
  CHECK(images->front().big_endian);
  CHECK(images->front().pointer_size == 4);
  CHECK(images->front().machine == "ppc");
  auto raw = read_one(bytes);
  CHECK(raw.go_version == "go1.15.2");
  CHECK(raw.module_info == k_module_text);
}

TEST_CASE("go build info: a pointer out of the file is a failure, not a crash", "[go]") {
  std::string bytes = old_layout_elf(true, false, "go1.16.15", k_module_text);
  std::size_t blob = bytes.find("\xff Go buildinf:");
  REQUIRE(blob != std::string::npos);
  // The modules pointer now points far past the segment.
  for (int i = 0; i < 8; ++i) {
    bytes[blob + 24 + i] = static_cast<char>(0x7f);
  }
  auto images = read_executables(bytes);
  REQUIRE(images.ok());
  auto info = go_reader::read_build_info(images->front());
  REQUIRE_FALSE(info.ok());
  CHECK(info.error().find("Go module information") != std::string::npos);
}

TEST_CASE("go build info: module lines, replacements and quoted settings", "[go]") {
  kensa::scanner::ProblemList problems;
  auto info = go_reader::parse_module_info("go1.19.8", k_module_text, problems);
  CHECK(problems.empty());
  CHECK(info.package_path == "example.com/hello");
  REQUIRE(info.main);
  CHECK(info.main->version == "(devel)");
  REQUIRE(info.dependencies.size() == 3);
  CHECK(info.dependencies[0].module.sum == "h1:qzCu2Drr04IOSm41OEkRkQFnd0m5DKiYhi/p1g8j/w8=");
  REQUIRE(info.dependencies[1].replacement);
  CHECK(info.dependencies[1].replacement->path == "../localdep");
  CHECK_FALSE(info.dependencies[2].replacement);
  CHECK(info.setting("-ldflags") == "-X main.version=1.0.0");
  CHECK(info.setting("GOOS") == "linux");

  auto bad =
      go_reader::parse_module_info("go1.19.8", "dep\n=>\tx\tv1\nbuild\tnoequals\n", problems);
  CHECK(bad.dependencies.empty());
  CHECK(problems.kept() == std::vector<std::string>{"line 1: dep line without a module path",
                                                    "line 2: replacement line without a module "
                                                    "before it",
                                                    "line 3: build setting without '='"});
}

TEST_CASE("go build info: Go string unquoting", "[go]") {
  CHECK(go_reader::unquote_go_string("plain") == "plain");
  CHECK(go_reader::unquote_go_string("\"a b\\tc\\\"d\\\\\"") == "a b\tc\"d\\");
  CHECK(go_reader::unquote_go_string("\"\\x41\\u00e9\\101\"") == "A\xc3\xa9"
                                                                 "A");
  CHECK_FALSE(go_reader::unquote_go_string("\"\\q\"").has_value());
  CHECK_FALSE(go_reader::unquote_go_string("\"\\x4\"").has_value());
}

TEST_CASE("go build info: pseudo-versions from vcs.time and vcs.revision", "[go]") {
  CHECK(go_reader::pseudo_version("2024-03-01T10:20:30Z",
                                  "0123456789abcdef0123456789abcdef01234567") ==
        "v0.0.0-20240301102030-0123456789ab");
  CHECK(go_reader::pseudo_version("2024-03-01T10:20:30.123Z", "0123456789abcdef") ==
        "v0.0.0-20240301102030-0123456789ab");
  CHECK(go_reader::pseudo_version("2024-03-01T10:20:30+02:00", "0123456789abcdef").empty());
  CHECK(go_reader::pseudo_version("2024-03-01T10:20:30Z", "short").empty());
  CHECK(go_reader::pseudo_version("", "0123456789abcdef").empty());
}

TEST_CASE("go build info: a binary built from files has no main module, as go version -m says",
          "[go]") {
  // What `go build main.go` records: no module line, the go tool's name for
  // the files' package.
  nlohmann::json condensed{{"images",
                            {{{"go", "go1.19.8"},
                              {"modules", "path\tcommand-line-arguments\n"
                                          "dep\tgolang.org/x/text\tv0.3.8\th1:abc=\n"
                                          "dep\tgo.opencensus.io\tv0.24.0\th1:def=\n"
                                          "build\t-compiler=gc\n"}}}},
                           {"warnings", nlohmann::json::array()}};
  kensa::model::ComponentGraph graph;
  kensa::scanner::ScanContext context(graph, "go", "subject");
  const kensa::source::SourceFile file{"usr/local/bin/hello", "usr/local/bin/hello", "",
                                       condensed.dump()};
  kensa::scanner::FileReport report(context, file);
  go_reader::add_binary_modules(report, file);
  auto document = std::move(graph).finish({});
  std::set<std::string> names;
  for (const auto& component : document.components) {
    names.insert(component.purl.empty() ? component.name : component.purl);
  }
  // No component for the files' package, and none named after the file:
  // what go version -m lists, plus the standard library. A one-segment
  // module path gets the purl the Go ecosystem writes.
  CHECK(names == std::set<std::string>{"pkg:golang/golang.org/x/text@v0.3.8",
                                       "pkg:golang/go.opencensus.io@v0.24.0",
                                       "pkg:golang/stdlib@1.19.8"});
}

TEST_CASE("go build info: a dependency at (devel) has no version", "[go]") {
  // The head of what `go version -m` prints for anthoscli as the Google
  // Cloud CLI's Debian package google-cloud-cli-anthoscli 528.0.0 installs it:
  // files built on their own inside the module anthoscli, which go 1.24
  // lists as a dependency at "(devel)", and a module replaced by a folder.
  nlohmann::json condensed{
      {"images",
       {{{"go", "go1.24.2"},
         {"modules", "path\tcommand-line-arguments\n"
                     "dep\tanthoscli\t(devel)\t\n"
                     "dep\tbitbucket.org/creachadair/stringset\tv0.0.8\t\n"
                     "dep\tcnrm.googlesource.com/cnrm\tv0.0.0\n"
                     "=>\t./private_repos/cnrm.googlesource.com/cnrm/\t(devel)\t\n"
                     "build\t-compiler=gc\n"}}}},
      {"warnings", nlohmann::json::array()}};
  kensa::model::ComponentGraph graph;
  kensa::scanner::ScanContext context(graph, "go", "subject");
  const kensa::source::SourceFile file{"usr/bin/anthoscli", "usr/bin/anthoscli", "",
                                       condensed.dump()};
  kensa::scanner::FileReport report(context, file);
  go_reader::add_binary_modules(report, file);
  auto document = std::move(graph).finish({});
  std::map<std::string, std::string> versions;
  std::set<std::string> purls;
  for (const auto& component : document.components) {
    versions[component.name] = component.version;
    purls.insert(component.purl);
  }
  CHECK(versions ==
        std::map<std::string, std::string>{
            {"anthoscli", ""}, {"stringset", "v0.0.8"}, {"cnrm", ""}, {"stdlib", "1.24.2"}});
  // Without a version, no purl: as for the module replaced by a folder.
  CHECK(purls == std::set<std::string>{"", "pkg:golang/bitbucket.org/creachadair/stringset@v0.0.8",
                                       "pkg:golang/stdlib@1.24.2"});
}
