// What kensa scan shows a person at a terminal: a progress line that goes
// away, a table that fits the terminal, warnings summed up by kind, the
// scanners and the kinds of evidence they read. A terminal is made with
// script(1).
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using kensa::testing::fixture;
using kensa::testing::line_count;
using kensa::testing::run_kensa;
using kensa::testing::scratch_dir;
namespace fs = std::filesystem;

namespace {

void write_to(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Runs `shell_command` (in which "kensa" is the built binary) on a pseudo
// terminal `columns` wide; what the terminal showed (stdout and stderr).
std::string on_terminal(const std::string& shell_command, int columns) {
  std::string inner = "stty cols " + std::to_string(columns) + " 2>/dev/null; " + shell_command;
  std::string replaced;
  for (std::size_t at = 0;;) {
    auto found = inner.find("kensa ", at);
    replaced += inner.substr(at, found - at);
    if (found == std::string::npos) {
      break;
    }
    replaced += std::string(KENSA_BINARY) + " ";
    at = found + 6;
  }
  std::string command = "script -qec '" + replaced + "' /dev/null 2>&1";
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
      output.append(buffer, got);
    }
    ::pclose(pipe);
  }
  return output;
}

bool have_script() {
  return std::system("command -v script >/dev/null 2>&1") == 0;
}

// A folder whose packages have long names.
fs::path long_names(const std::string& name) {
  auto root = scratch_dir(name);
  write_to(root / "requirements.txt",
           "a-package-with-a-name-long-enough-to-need-cutting-on-any-narrow-terminal==1.0.0\n"
           "short==2.0.0\n");
  return root;
}

// The display width of a line: code points, the terminal's \r left out.
std::size_t columns_of(std::string_view line) {
  std::size_t count = 0;
  for (char c : line) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\r' ? 1 : 0;
  }
  return count;
}

} // namespace

TEST_CASE("scan display: a table on a terminal fits its width", "[cli][display]") {
  if (!have_script()) {
    WARN("skipped: script(1) is not installed");
    return;
  }
  auto root = long_names("display-table");
  std::string shown = on_terminal("kensa scan " + root.string() + " -o table-wide -q", 70);
  INFO(shown);
  REQUIRE(shown.find("NAME") != std::string::npos);
  CHECK(shown.find("PURL") != std::string::npos);
  CHECK(shown.find("LOCATION") != std::string::npos);
  CHECK(shown.find("\u2026") != std::string::npos);
  std::string line;
  for (std::istringstream lines(shown); std::getline(lines, line);) {
    CHECK(columns_of(line) <= 70);
  }
  // Sent to a file or a pipe, nothing is cut.
  auto piped = run_kensa({"scan", root.string(), "-o", "table"});
  CHECK(
      piped.out.find("a-package-with-a-name-long-enough-to-need-cutting-on-any-narrow-terminal") !=
      std::string::npos);
  auto wide = run_kensa({"scan", root.string(), "-o", "table-wide"});
  CHECK(wide.out.find("pkg:pypi/short@2.0.0") != std::string::npos);
  CHECK(wide.out.find("requirements.txt") != std::string::npos);
}

TEST_CASE("scan display: a progress line on a terminal, erased at the end", "[cli][display]") {
  if (!have_script()) {
    WARN("skipped: script(1) is not installed");
    return;
  }
  auto root = long_names("display-progress");
  std::string shown = on_terminal("kensa scan " + root.string() + " -o purls", 100);
  INFO(shown);
  CHECK(shown.find("kensa: 1 entries") != std::string::npos);
  // Erased: a carriage return and "erase to the end of the line".
  CHECK(shown.find("\r\x1b[K") != std::string::npos);
  CHECK(shown.find("pkg:pypi/short@2.0.0") != std::string::npos);
  // -q, or stderr that is not a terminal: no progress at all.
  std::string quiet = on_terminal("kensa scan " + root.string() + " -q -o purls", 100);
  CHECK(quiet.find("entries") == std::string::npos);
  auto piped = run_kensa({"scan", root.string(), "-o", "purls"});
  CHECK(piped.err.empty());
}

TEST_CASE("scan display: warnings are summed up by kind at the end", "[cli][display]") {
  auto root = scratch_dir("display-warnings");
  for (const char* project : {"a", "b"}) {
    write_to(root / project / "package-lock.json", "{ not json");
  }
  // The same mistake a line further down.
  write_to(root / "c/package-lock.json", "\n{ not json");
  write_to(root / "d/go.mod", "module example.org/d\nrequire\n");
  auto result = run_kensa({"scan", root.string(), "-o", "purls"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  auto summary = result.err.find("kensa: warning: 4 warnings in all, by kind:\n");
  REQUIRE(summary != std::string::npos);
  std::string tail = result.err.substr(summary);
  // The same kind of mistake: the numbers that differ are set aside.
  CHECK(tail.find("kensa: warning:   3  line N: not valid JSON: expected a member name in double "
                  "quotes (column N)") != std::string::npos);
  // A kind whose words never changed is shown as it is.
  CHECK(tail.find("kensa: warning:   1  line 2: require needs a module path") != std::string::npos);
}

TEST_CASE("scan display: kensa scanners lists each scanner's kinds of evidence", "[cli][display]") {
  auto result = run_kensa({"scanners"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.starts_with("NAME"));
  std::string line;
  bool npm = false;
  bool python = false;
  bool dpkg = false;
  for (std::istringstream lines(result.out); std::getline(lines, line);) {
    npm = npm || (line.starts_with("npm ") && line.find(" declared ") != std::string::npos &&
                  line.find("installed") == std::string::npos);
    python = python ||
             (line.starts_with("python ") && line.find("installed, declared") != std::string::npos);
    dpkg = dpkg ||
           (line.starts_with("dpkg ") && line.find("installed, declared") != std::string::npos);
  }
  CHECK(npm);
  CHECK(python);
  CHECK(dpkg);
}

TEST_CASE("scan display: --scanner takes a tag, --evidence and --include-declared choose kinds",
          "[cli][display]") {
  auto root = scratch_dir("display-kinds");
  write_to(root / "requirements.txt", "six==1.16.0\n");
  write_to(root / "lib/site-packages/attrs-25.4.0.dist-info/METADATA",
           "Metadata-Version: 2.1\nName: attrs\nVersion: 25.4.0\n");
  auto both = run_kensa({"scan", root.string(), "--scanner", "python", "-o", "purls"});
  CHECK(both.out == "pkg:pypi/attrs@25.4.0\npkg:pypi/six@1.16.0\n");
  auto installed = run_kensa(
      {"scan", root.string(), "--scanner", "python", "--evidence", "installed", "-o", "purls"});
  CHECK(installed.out == "pkg:pypi/attrs@25.4.0\n");
  auto declared = run_kensa({"scan", root.string(), "--evidence", "declared", "-o", "purls"});
  CHECK(declared.out == "pkg:pypi/six@1.16.0\n");
  auto tagged = run_kensa({"scan", root.string(), "--scanner", "os", "-o", "purls"});
  CHECK(tagged.exit_code == 0);
  CHECK(tagged.out.empty());
  auto unknown = run_kensa({"scan", root.string(), "--scanner", "nonesuch"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown scanner or tag 'nonesuch'") != std::string::npos);
  auto bad = run_kensa({"scan", root.string(), "--evidence", "some"});
  CHECK(bad.exit_code == 2);
  CHECK(line_count(bad.err) == 1);
}

TEST_CASE("scan display: file systems the kernel makes up are left out, once said",
          "[cli][display]") {
  std::error_code error;
  if (!fs::is_directory("/dev/pts", error) || fs::is_empty("/dev/pts", error)) {
    WARN("skipped: no /dev/pts here");
    return;
  }
  auto result = run_kensa({"scan", "/dev", "--scanner", "npm", "-o", "purls"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("not scanned: ") != std::string::npos);
  CHECK(result.err.find("pts (devpts)") != std::string::npos);
  CHECK(line_count(result.err) == 1);
  auto one = run_kensa({"scan", "/dev", "--one-file-system", "--scanner", "npm", "-o", "purls"});
  CHECK(one.exit_code == 0);
  CHECK(one.err.find("pts (devpts)") != std::string::npos);
}

TEST_CASE("scan display: --license-text none leaves license files unread", "[cli][display]") {
  const std::string root = fixture("rust/vendored").string();
  auto matched = run_kensa({"scan", root, "-o", "cyclonedx-json"});
  CHECK(matched.exit_code == 0);
  CHECK(matched.out.find("kensa:license:evidence") != std::string::npos);
  auto explicit_default =
      run_kensa({"scan", root, "--license-text", "evidence", "-o", "cyclonedx-json"});
  CHECK(explicit_default.out.find("kensa:license:evidence") != std::string::npos);
  auto none = run_kensa({"scan", root, "--license-text", "none", "-o", "cyclonedx-json"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.find("kensa:license:evidence") == std::string::npos);
  CHECK(none.out.find("pkg:cargo/itoa@1.0.1") != std::string::npos);
  auto bad = run_kensa({"scan", root, "--license-text", "some"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--license-text must be none, evidence or full") != std::string::npos);
}
