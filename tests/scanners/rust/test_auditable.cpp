// cargo-auditable data in real executables. cargo-auditable is not packaged
// for Debian, so the tests build a real Rust binary with cargo (when it is
// installed) and put the dependency list into it the way cargo-auditable
// does: a .dep-v0 section holding zlib-compressed JSON, added with objcopy.
// The JSON (tests/fixtures/rust/auditable/hello-rs.json) lists the crates
// of tests/fixtures/rust/project/hello-rs in cargo-auditable's format.
#include "../../../src/scanners/rust/auditable.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"
#include "../golang/go_build_fixture.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

std::string zlib_compress(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                    reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                    9) == Z_OK);
  out.resize(size);
  return out;
}

// `binary` with a .dep-v0 section holding `payload`, written to `output`.
void add_dep_section(const fs::path& objcopy, const fs::path& binary, const std::string& payload,
                     const fs::path& output) {
  fs::path section = output.parent_path() / "dep-v0.bin";
  native::write_bytes(section, payload);
  fs::path log = output.parent_path() / "objcopy.log";
  bool added = native::run_shell(
      native::shell_quote(objcopy.string()) +
          " --add-section .dep-v0=" + native::shell_quote(section.string()) + " " +
          native::shell_quote(binary.string()) + " " + native::shell_quote(output.string()),
      log);
  INFO(native::read_bytes(log));
  REQUIRE(added);
}

// hello-rs built by cargo, offline (it has path dependencies only) and
// --locked (its Cargo.lock is in the fixture, so nothing is written there),
// or nullopt when cargo is not installed. The target folder is shared by
// every test process (cargo locks it); each process copies the binary out.
std::optional<fs::path> rust_binary(std::string& reason) {
  static std::optional<fs::path> built;
  static bool tried = false;
  static std::string why;
  if (!tried) {
    tried = true;
    const char* home = std::getenv("HOME");
    auto cargo = native::find_program(
        "cargo", {std::string(home != nullptr ? home : "/root") + "/.cargo/bin"});
    if (!cargo) {
      why = "cargo is not installed (scripts/setup.sh installs it)";
    } else {
      fs::path folder = scratch_dir("rust-binary-" + std::to_string(::getpid()));
      fs::path target = fs::temp_directory_path() / "kensa-tests-cargo-target";
      fs::path log = folder / "cargo.log";
      bool ok = native::run_shell(
          "cd " + native::shell_quote(fixture("rust/project/hello-rs").string()) +
              " && CARGO_TARGET_DIR=" + native::shell_quote(target.string()) + " " +
              native::shell_quote(cargo->string()) + " build --offline --locked --release -q",
          log);
      INFO(native::read_bytes(log));
      REQUIRE(ok);
      fs::copy_file(target / "release" / "hello-rs", folder / "hello-rs");
      built = folder / "hello-rs";
    }
  }
  reason = why;
  return built;
}

// The "rustc version ..." string in a binary's bytes, or "" (read the
// plain way, to check kensa's reader against).
std::string rustc_comment(const fs::path& binary) {
  const std::string bytes = native::read_bytes(binary);
  const std::size_t at = bytes.find("rustc version ");
  if (at == std::string::npos) {
    return {};
  }
  return bytes.substr(at, bytes.find('\0', at) - at);
}

// The crates of a binary at bin/app whose .dep-v0 section decompresses to
// `dependencies`, read from what the scan keeps of it
// (condense_auditable_binary's envelope).
model::Document crates_from(const std::string& dependencies) {
  const std::string condensed = nlohmann::json{
      {"images", {{{"machine", "x86_64"}, {"dependencies", dependencies}}}},
      {"warnings",
       nlohmann::json::array()}}.dump();
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "rust", "subject");
  const source::SourceFile file{"bin/app", "bin/app", "", condensed};
  scanner::FileReport report(context, file);
  scanner::rust::add_auditable_crates(report, file);
  return std::move(graph).finish({});
}

} // namespace

TEST_CASE("cargo-auditable: crates and edges from a real Rust ELF binary", "[rust][binary]") {
  std::string reason;
  auto binary = rust_binary(reason);
  auto objcopy = native::find_program("objcopy");
  if (!binary || !objcopy) {
    WARN("skipped: " << (binary ? "objcopy is not installed" : reason));
    return;
  }
  fs::path folder = scratch_dir("rust-auditable");
  std::string json = native::read_bytes(fixture("rust/auditable/hello-rs.json"));
  add_dep_section(*objcopy, *binary, zlib_compress(json), folder / "hello-rs");

  auto document = native::scan_with(folder, "rust");
  CHECK(native::warnings(document).empty());
  // rustc 1.73 and later name themselves in .comment; the cargo here is
  // newer (the rust-std test checks the string against rustc --version).
  const std::string rustc = rustc_comment(*binary);
  const std::string with_std = "std@" + rustc.substr(14, rustc.find(" (") - 14);
  CHECK(document.components.size() == (rustc.empty() ? 4 : 5));
  auto roots = native::edges(document, model::RelationshipType::describes);
  REQUIRE(roots.size() == 1);
  CHECK(roots.begin()->ends_with("-> hello-rs@0.1.0"));
  std::set<std::string> expected_edges{"hello-rs@0.1.0 -> greeter@0.2.0",
                                       "greeter@0.2.0 -> smallword@1.0.3",
                                       "smallword@1.0.3 -> itoa-lite@0.4.1"};
  if (!rustc.empty()) {
    expected_edges.insert("hello-rs@0.1.0 -> " + with_std);
  }
  CHECK(native::edges(document, model::RelationshipType::depends_on) == expected_edges);
  auto root = native::components_named(document, "hello-rs");
  REQUIRE(root.size() == 1);
  CHECK(root[0]->type == model::ComponentType::application);
  CHECK(root[0]->evidence.at(0).location == "hello-rs");

  // Without the section the same binary says only which standard library
  // it holds, and warns about nothing.
  fs::path plain = scratch_dir("rust-plain");
  fs::copy_file(*binary, plain / "hello-rs");
  auto nothing = native::scan_with(plain, "rust");
  CHECK(nothing.components.size() == (rustc.empty() ? 0 : 1));
  CHECK(native::warnings(nothing).empty());
}

TEST_CASE("rust std: the rustc that built a binary, as rustc --version says", "[rust][binary]") {
  std::string reason;
  auto binary = rust_binary(reason);
  const char* home = std::getenv("HOME");
  auto rustc = native::find_program(
      "rustc", {std::string(home != nullptr ? home : "/root") + "/.cargo/bin"});
  if (!binary || !rustc) {
    WARN("skipped: " << (binary ? "rustc is not installed" : reason));
    return;
  }
  fs::path folder = scratch_dir("rust-std");
  fs::path log = folder / "rustc-version.txt";
  REQUIRE(native::run_shell(native::shell_quote(rustc->string()) + " --version", log));
  // "rustc 1.95.0 (59807616e 2026-04-14)"
  std::string version_line = std::string(trim(native::read_bytes(log)));
  const std::string comment = rustc_comment(*binary);
  if (comment.empty()) {
    WARN("skipped: " << version_line << " does not name itself in .comment (rustc 1.73 does)");
    return;
  }
  CHECK(comment == "rustc version " + version_line.substr(6));
  fs::copy_file(*binary, folder / "hello-rs");
  auto document = native::scan_with(folder, "rust");
  CHECK(native::warnings(document).empty());
  const auto& std_component = native::only(document, "std");
  const std::string release = version_line.substr(6, version_line.find(" (") - 6);
  CHECK(std_component.version == release);
  CHECK(std_component.purl.empty());
  CHECK(std_component.cpes ==
        std::vector<std::string>{"cpe:2.3:a:rust-lang:rust:" + release + ":*:*:*:*:*:*:*"});
  CHECK(native::property(std_component, "kensa:cargo:rustc") == comment);
  // A C program says nothing: its .comment names GCC.
  auto gcc = native::find_program("gcc");
  if (gcc) {
    fs::path c_folder = scratch_dir("rust-std-c");
    native::write_bytes(c_folder / "main.c", "int main(void) { return 0; }\n");
    REQUIRE(native::run_shell(native::shell_quote(gcc->string()) + " -o " +
                                  native::shell_quote((c_folder / "app").string()) + " " +
                                  native::shell_quote((c_folder / "main.c").string()),
                              c_folder / "gcc.log"));
    fs::remove(c_folder / "main.c");
    CHECK(native::scan_with(c_folder, "rust").components.empty());
  }
}

TEST_CASE("cargo-auditable: the section in a PE binary", "[rust][binary]") {
  std::string reason;
  const auto* build = golang::go_build(reason);
  auto objcopy = native::find_program("objcopy");
  if (build == nullptr || !objcopy) {
    WARN("skipped: " << (build == nullptr ? reason : "objcopy is not installed"));
    return;
  }
  // Any PE image will do to carry the section; the Go build makes one.
  fs::path folder = scratch_dir("rust-auditable-pe");
  std::string json = native::read_bytes(fixture("rust/auditable/hello-rs.json"));
  add_dep_section(*objcopy, build->binaries.at("windows-amd64").path, zlib_compress(json),
                  folder / "hello.exe");
  auto document = native::scan_with(folder, "rust");
  CHECK(native::warnings(document).empty());
  CHECK(native::components_named(document, "smallword").size() == 1);
}

TEST_CASE("cargo-auditable: damaged sections are warnings, bombs are refused", "[rust][binary]") {
  std::string reason;
  auto binary = rust_binary(reason);
  auto objcopy = native::find_program("objcopy");
  if (!binary || !objcopy) {
    WARN("skipped: " << (binary ? "objcopy is not installed" : reason));
    return;
  }
  fs::path folder = scratch_dir("rust-auditable-damaged");
  std::string json = native::read_bytes(fixture("rust/auditable/hello-rs.json"));
  std::string compressed = zlib_compress(json);
  add_dep_section(*objcopy, *binary, compressed.substr(0, compressed.size() / 2),
                  folder / "truncated");
  add_dep_section(*objcopy, *binary, "not zlib at all", folder / "garbage");
  // 64 MiB of spaces compress to about 64 KiB: over the decompression cap.
  add_dep_section(*objcopy, *binary, zlib_compress(std::string(64 << 20, ' ')), folder / "bomb");
  add_dep_section(*objcopy, *binary,
                  zlib_compress("{\"packages\":[{\"name\":\"a\","
                                "\"dependencies\":[5]},{\"version\":\"1\"}]}"),
                  folder / "bad-json");
  auto document = native::scan_with(folder, "rust");
  auto messages = native::warnings(document);
  std::set<std::string> set(messages.begin(), messages.end());
  CHECK(set == std::set<std::string>{
                   "bad-json: cargo-auditable package 0 depends on a package that is not in "
                   "the list",
                   "bad-json: cargo-auditable package 1 has no name; skipped",
                   "bomb: ELF x86_64: cargo-auditable section .dep-v0 decompresses to more "
                   "than 33554432 bytes",
                   "garbage: ELF x86_64: cargo-auditable section .dep-v0 is not a complete zlib "
                   "stream",
                   "truncated: ELF x86_64: cargo-auditable section .dep-v0 is not a complete zlib "
                   "stream",
               });
  CHECK(native::components_named(document, "a").size() == 1);
}

TEST_CASE("cargo-auditable: build dependencies and sources", "[rust][binary]") {
  // The dependency list alone, as the section holds it.
  std::string json =
      "{\"packages\":[{\"name\":\"app\",\"version\":\"1.0.0\",\"source\":\"local\","
      "\"dependencies\":[1,2],\"root\":true},{\"name\":\"cc\",\"version\":\"1.0.83\","
      "\"source\":\"crates.io\",\"kind\":\"build\"},{\"name\":\"serde\",\"version\":"
      "\"1.0.190\",\"source\":\"crates.io\"}]}";
  auto document = crates_from(json);
  const auto* cc = native::component_with_purl(document, "pkg:cargo/cc@1.0.83");
  REQUIRE(cc != nullptr);
  CHECK(cc->scope == model::Scope::excluded);
  CHECK(native::property(*cc, "kensa:cargo:kind") == "build");
  CHECK(native::property(*cc, "kensa:cargo:source") == "crates.io");
  const auto* serde = native::component_with_purl(document, "pkg:cargo/serde@1.0.190");
  REQUIRE(serde != nullptr);
  CHECK(serde->scope == model::Scope::required);
}

TEST_CASE("cargo-auditable: data nested past the cap is refused with a warning", "[rust][binary]") {
  // The list cargo-auditable writes nests four levels; this one 18, as a
  // crafted section could, inside a package's dependencies.
  const std::string dependencies =
      "{\"packages\":[{\"name\":\"app\",\"version\":\"1.0.0\",\"dependencies\":" +
      std::string(15, '[') + std::string(15, ']') + "}]}";
  auto document = crates_from(dependencies);
  CHECK(document.components.empty());
  CHECK(native::warnings(document) ==
        std::vector<std::string>{"bin/app: cargo-auditable data: not read: the document nests "
                                 "deeper than 16 levels"});
}
