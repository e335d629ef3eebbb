// `kensa convert` end to end: reading any SBOM, writing several outputs,
// reporting losses, and its usage errors and exit codes.
#include "../formats/format_fixture.hpp"
#include "../support/chain_document.hpp"
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kensa::testing::line_count;
using kensa::testing::run_kensa;

// The scan of a real npm project, as CycloneDX 1.6 JSON.
fs::path scanned_bom(const fs::path& folder) {
  fs::path bom = folder / "project.cdx.json";
  auto scan = run_kensa({"scan", kensa::testing::fixture("npm/lockfile-v3").string(), "-o",
                         "cyclonedx-json=" + bom.string(), "-q"},
                        {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(scan.exit_code == 0);
  return bom;
}

} // namespace

TEST_CASE("convert cli: CycloneDX to SPDX and back keeps every purl, and the outputs validate",
          "[cli][convert]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-round-trip");
  const fs::path bom = scanned_bom(folder);
  const fs::path spdx = folder / "project.spdx.json";
  const fs::path tag_value = folder / "project.spdx";

  auto converted = run_kensa({"convert", bom.string(), "-o", "spdx-json@2.3=" + spdx.string(), "-o",
                              "spdx-tag-value@2.2=" + tag_value.string(), "-o", "purls"});
  INFO(converted.err);
  REQUIRE(converted.exit_code == 0);
  // The one output without a file went to stdout; the others did not.
  auto original_purls = run_kensa({"convert", bom.string(), "-o", "purls"});
  REQUIRE(original_purls.exit_code == 0);
  CHECK(converted.out == original_purls.out);
  CHECK(line_count(converted.out) > 10);

  auto validated = run_kensa({"validate", spdx.string(), tag_value.string()});
  INFO(validated.out);
  CHECK(validated.exit_code == 0);

  // Back to CycloneDX from the SPDX file: the same purls again.
  auto back = run_kensa({"convert", spdx.string(), "-o", "purls"});
  REQUIRE(back.exit_code == 0);
  CHECK(back.out == original_purls.out);
  auto back_from_tag_value = run_kensa({"convert", tag_value.string(), "-o", "purls"});
  REQUIRE(back_from_tag_value.exit_code == 0);
  CHECK(back_from_tag_value.out == original_purls.out);
}

TEST_CASE("convert cli: what the target cannot hold is listed as a warning", "[cli][convert]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-losses");
  const fs::path bom = scanned_bom(folder);
  // kensa's own CycloneDX loses nothing on its way to another CycloneDX
  // version or to SPDX: the subject's dependsOn are read back as what it
  // describes, and kensa's tool vendor is kensa. No warning then.
  for (const std::string target : {"cyclonedx-json@1.4", "cyclonedx-xml@1.6", "spdx-json@2.3",
                                   "spdx-tag-value@2.3", "spdx-json@3.0"}) {
    INFO(target);
    auto converted = run_kensa({"convert", bom.string(), "-o", target});
    REQUIRE(converted.exit_code == 0);
    CHECK(converted.err.empty());
  }
  // SPDX tells a development dependency from another; CycloneDX 1.4 does
  // not: the kind is lost, and the loss is named with its count.
  const fs::path spdx = folder / "project.spdx.json";
  REQUIRE(run_kensa({"scan", kensa::testing::fixture("npm/lockfile-v3").string(), "-o",
                     "spdx-json=" + spdx.string(), "-q"})
              .exit_code == 0);
  auto converted = run_kensa({"convert", spdx.string(), "-o", "cyclonedx-json@1.4"});
  REQUIRE(converted.exit_code == 0);
  CHECK(converted.err.find("not written to cyclonedx-json@1.4: dev-depends-on relationships "
                           "written as plain dependsOn (2 times)") != std::string::npos);
  CHECK(converted.err.find("describes") == std::string::npos);
  CHECK(converted.out.find("\"specVersion\": \"1.4\"") != std::string::npos);
}

TEST_CASE("convert cli: usage errors and unreadable input exit 2 with one line", "[cli][convert]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-errors");
  const fs::path bom = scanned_bom(folder);
  const fs::path not_sbom = folder / "notes.json";
  { std::ofstream(not_sbom) << "{\"hello\": \"world\"}"; }
  for (const auto& arguments : std::vector<std::vector<std::string>>{
           {"convert", (folder / "missing.json").string(), "-o", "purls"},
           {"convert", not_sbom.string(), "-o", "purls"},
           {"convert", bom.string(), "-o", "no-such-format"},
           {"convert", bom.string(), "-o", "purls", "-o", "table"},
           {"convert", bom.string()},
       }) {
    auto result = run_kensa(arguments);
    INFO(arguments[1] << " " << (arguments.size() > 3 ? arguments[3] : ""));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(line_count(result.err) == 1);
  }
  // A failed conversion leaves no output file behind.
  const fs::path target = folder / "out.spdx.json";
  auto failed = run_kensa({"convert", not_sbom.string(), "-o", "spdx-json=" + target.string()});
  CHECK(failed.exit_code == 2);
  CHECK_FALSE(fs::exists(target));
}

namespace {

// A CycloneDX JSON document of `components` components, about 60 bytes each.
std::string generated_bom(std::size_t components) {
  std::string text =
      R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [)";
  for (std::size_t i = 0; i < components; ++i) {
    text += (i == 0 ? "" : ",");
    text += R"({"type": "library", "name": "c)" + std::to_string(i) +
            R"(", "version": "1.0", "purl": "pkg:npm/c)" + std::to_string(i) + R"(@1.0"})";
  }
  return text + "]}";
}

fs::path write_file(const fs::path& folder, const std::string& name, const std::string& text) {
  const fs::path path = folder / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

} // namespace

TEST_CASE("convert cli: input is read no further than --max-file-size", "[cli][convert][hostile]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-size");
  // /dev/zero never ends: the default cap (512 MiB) stops it.
  auto zero = run_kensa({"convert", "/dev/zero", "-o", "spdx-json"});
  CHECK(zero.exit_code == 2);
  CHECK(zero.out.empty());
  CHECK(zero.err == "kensa: error: /dev/zero: larger than 536870912 bytes, the most kensa reads "
                    "of one SBOM\n");
  // Nor does standard input from it.
  kensa::testing::RunOptions from_zero;
  from_zero.standard_input = "/dev/zero";
  auto piped = kensa::testing::run_kensa_with(
      {"convert", "-", "--max-file-size", "1MiB", "-o", "spdx-json"}, from_zero);
  CHECK(piped.exit_code == 2);
  CHECK(piped.err == "kensa: error: standard input: larger than 1048576 bytes, the most kensa "
                     "reads of one SBOM\n");
  // A real document over the cap is refused by its size, and read once the
  // cap is raised.
  const fs::path bom = write_file(folder, "bom.cdx.json", generated_bom(20'000));
  auto refused = run_kensa({"convert", bom.string(), "--max-file-size", "1M", "-o", "purls"});
  CHECK(refused.exit_code == 2);
  CHECK(line_count(refused.err) == 1);
  auto raised = run_kensa({"convert", bom.string(), "--max-file-size", "2MiB", "-o", "purls"});
  CHECK(raised.exit_code == 0);
  CHECK(line_count(raised.out) == 20'000);
  auto bad_flag = run_kensa({"convert", bom.string(), "--max-file-size", "lots", "-o", "purls"});
  CHECK(bad_flag.exit_code == 2);
  CHECK(bad_flag.err == "kensa: error: --max-file-size must be a size such as 64MiB, not 'lots'\n");
}

// Allocations fail past the address-space limit: kensa says so in one line
// naming the input and exits 3, where it used to abort without a word.
TEST_CASE("convert cli: running out of memory is one line naming the input and exit 3",
          "[cli][convert][hostile]") {
  if (KENSA_SANITIZED) {
    // AddressSanitizer reserves terabytes of address space for its shadow
    // memory: a sanitized kensa cannot start under an address-space limit.
    WARN("skipped: an address-space limit and AddressSanitizer do not go together");
    return;
  }
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-memory");
  // About 35 MB: read within the limit, parsing it needs more.
  const fs::path bom = write_file(folder, "big.cdx.json", generated_bom(400'000));
  kensa::testing::RunOptions limited;
  limited.address_space = std::uint64_t{160} << 20;
  const fs::path output = folder / "out.spdx.json";
  for (const auto& arguments : std::vector<std::vector<std::string>>{
           {"convert", bom.string(), "-o", "spdx-json=" + output.string()},
           {"validate", bom.string()},
       }) {
    auto result = kensa::testing::run_kensa_with(arguments, limited);
    INFO(arguments[0] << ": " << result.err);
    CHECK(result.exit_code == 3);
    CHECK(result.err == "kensa: critical: out of memory while reading " + bom.string() + "\n");
  }
  // Nothing was written, not even a temporary file.
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
  // The limit leaves kensa room to start and read the document: what runs
  // out is what parsing it needs.
  CHECK(kensa::testing::run_kensa_with({"--version"}, limited).exit_code == 0);
}

TEST_CASE(
    "convert cli: XML with a reference to character 0 is one error line, not a name cut short",
    "[cli][convert][hostile]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-xml-nul");
  const fs::path nul =
      write_file(folder, "nul.cdx.xml",
                 "<?xml version=\"1.0\"?>\n"
                 "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">\n"
                 "<components><component type=\"library\">\n"
                 "<name>a&#0;b</name><version>1</version></component></components>"
                 "</bom>\n");
  auto refused = run_kensa({"convert", nul.string(), "-o", "purls"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "kensa: error: " + nul.string() +
                           ": line 4: not well-formed XML: the character reference &#0; names a "
                           "character XML does not allow\n");
}

TEST_CASE("convert cli: YAML aliases past the byte budget are one error line",
          "[cli][convert][hostile]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-yaml-aliases");
  // A megabyte aliased a thousand times: a gigabyte, were it expanded.
  std::string yaml = "spdxVersion: SPDX-2.3\ndataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\n"
                     "name: x\ncomment: &big \"" +
                     std::string(1 << 20, 'x') + "\"\npackages:\n";
  for (int i = 0; i < 1'000; ++i) {
    yaml += "  - {SPDXID: SPDXRef-p" + std::to_string(i) + ", name: p" + std::to_string(i) +
            ", downloadLocation: NOASSERTION, description: *big}\n";
  }
  const fs::path aliases = write_file(folder, "aliases.spdx.yaml", yaml);
  auto expanded = run_kensa({"convert", aliases.string(), "-o", "spdx-json"});
  CHECK(expanded.exit_code == 2);
  CHECK(line_count(expanded.err) == 1);
  CHECK(expanded.err.find("aliases expand the document by more than 67108864 bytes") !=
        std::string::npos);
}

TEST_CASE("convert cli: a byte order mark before JSON is skipped with a warning",
          "[cli][convert][hostile]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-byte-order-mark");
  const fs::path marked = write_file(folder, "marked.cdx.json", "\xEF\xBB\xBF" + generated_bom(2));
  auto read = run_kensa({"convert", marked.string(), "-o", "purls"});
  CHECK(read.exit_code == 0);
  CHECK(line_count(read.out) == 2);
  CHECK(read.err == "kensa: warning: " + marked.string() +
                        ": starts with a UTF-8 byte order mark, which JSON text must not have; "
                        "it was ignored\n");
}

TEST_CASE("convert cli: invalid UTF-8 in tag-value is read with a warning naming the line",
          "[cli][convert][hostile]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-tag-value-utf8");
  const fs::path tag_value = write_file(folder, "bad.spdx",
                                        "SPDXVersion: SPDX-2.3\n"
                                        "DataLicense: CC0-1.0\n"
                                        "SPDXID: SPDXRef-DOCUMENT\n"
                                        "DocumentName: caf\xE9\n"
                                        "PackageName: p\n"
                                        "SPDXID: SPDXRef-p\n"
                                        "PackageDownloadLocation: NOASSERTION\n");
  auto replaced = run_kensa({"convert", tag_value.string(), "-o", "spdx-json"});
  CHECK(replaced.exit_code == 0);
  CHECK(replaced.err.find("kensa: warning: " + tag_value.string() +
                          ": line 4: invalid UTF-8 (byte 0xE9 in column 18); a converted "
                          "document has U+FFFD in its place\n") != std::string::npos);
}

// A document written to a file is streamed there as it is rendered
// (util::FileSpill), the CycloneDX serial number put in its place once the
// whole text is known: the file is the same bytes as the document written
// to standard output, which is rendered whole first; it validates, and no
// temporary file is left.
TEST_CASE("convert cli: a document streamed to its file is the one written to standard output",
          "[cli][convert]") {
  const fs::path folder = kensa::testing::scratch_dir("convert-cli-streamed");
  const fs::path bom = folder / "big.cdx.json";
  // Past the two-thread threshold of the writers, and many chunks long.
  std::ofstream(bom) << kensa::testing::render_as(kensa::testing::chain_document(6000),
                                                  "cyclonedx-json");
  for (const std::string format : {"cyclonedx-json@1.6", "cyclonedx-xml@1.6", "spdx-json@2.3"}) {
    INFO(format);
    const fs::path output = folder / "out";
    auto to_file = run_kensa({"convert", bom.string(), "-o", format + "=" + output.string()});
    REQUIRE(to_file.exit_code == 0);
    auto to_stdout = run_kensa({"convert", bom.string(), "-o", format});
    REQUIRE(to_stdout.exit_code == 0);
    const std::string written = kensa::testing::read_file(output);
    CHECK(written.size() > (std::size_t{4} << 20));
    CHECK(written == to_stdout.out);
    CHECK(written.find("00000000-0000-0000-0000-000000000000") == std::string::npos);
    if (format.starts_with("cyclonedx-json")) {
      auto validated = run_kensa({"validate", output.string()});
      CHECK(validated.exit_code == 0);
    }
    CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 2);
  }
}
