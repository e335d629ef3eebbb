#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

using kensa::testing::line_count;
using kensa::testing::run_kensa;
using kensa::testing::run_kensa_with_output;
using kensa::testing::StandardOutput;
namespace fs = std::filesystem;

namespace {

// A folder with one real lockfile, so that a scan has a document to write.
fs::path project_with_a_lockfile(const std::string& name) {
  auto dir = kensa::testing::scratch_dir(name);
  auto project = dir / "project";
  fs::create_directories(project);
  fs::copy_file(kensa::testing::fixture("npm/lockfile-v3/package-lock.json"),
                project / "package-lock.json");
  return dir;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("cli: a document that cannot be written to standard output is exit 2, not 0",
          "[cli][output]") {
  auto dir = project_with_a_lockfile("cli-stdout-fails");
  auto full = run_kensa_with_output({"scan", (dir / "project").string(), "-o", "cyclonedx-json"},
                                    StandardOutput::full_device);
  CHECK(full.exit_code == 2);
  CHECK(full.err == "kensa: error: cannot write to standard output: No space left on device\n");

  auto closed = run_kensa_with_output({"scan", (dir / "project").string(), "-o", "spdx-json"},
                                      StandardOutput::closed);
  CHECK(closed.exit_code == 2);
  CHECK(closed.err == "kensa: error: cannot write to standard output: Bad file descriptor\n");

  write_text(dir / "bom.json", kensa::testing::read_file(kensa::testing::fixture(
                                   "formats/golden/every-field.cyclonedx-json-1.6.cdx.json")));
  auto convert = run_kensa_with_output({"convert", (dir / "bom.json").string(), "-o", "spdx-json"},
                                       StandardOutput::full_device);
  CHECK(convert.exit_code == 2);
  CHECK(convert.err.find("cannot write to standard output") != std::string::npos);

  auto validate =
      run_kensa_with_output({"validate", (dir / "bom.json").string()}, StandardOutput::closed);
  CHECK(validate.exit_code == 2);
  CHECK(validate.err.find("cannot write to standard output") != std::string::npos);
}

TEST_CASE("cli: -o through a symlink is refused before the scan, the link's target untouched",
          "[cli][output]") {
  auto dir = project_with_a_lockfile("cli-output-symlink");
  write_text(dir / "passwd", "root:x:0:0:root:/root:/bin/sh\n");
  fs::create_symlink(dir / "passwd", dir / "sbom.json");

  auto refused = run_kensa(
      {"scan", (dir / "project").string(), "-o", "cyclonedx-json=" + (dir / "sbom.json").string()});
  CHECK(refused.exit_code == 2);
  CHECK(line_count(refused.err) == 1);
  CHECK(refused.err.find("it is a symbolic link") != std::string::npos);
  CHECK(refused.err.find("--allow-special-output") != std::string::npos);
  CHECK(kensa::testing::read_file(dir / "passwd") == "root:x:0:0:root:/root:/bin/sh\n");
  CHECK(fs::is_symlink(dir / "sbom.json"));

  // Asked for, the link is written through and stays a link.
  auto allowed = run_kensa({"scan", (dir / "project").string(), "-q", "--allow-special-output",
                            "-o", "cyclonedx-json=" + (dir / "sbom.json").string()});
  CHECK(allowed.exit_code == 0);
  CHECK(fs::is_symlink(dir / "sbom.json"));
  CHECK(kensa::testing::read_file(dir / "passwd").find("\"bomFormat\"") != std::string::npos);
}

TEST_CASE("cli: a read-only output file is never replaced, whatever the flags", "[cli][output]") {
  auto dir = project_with_a_lockfile("cli-output-read-only");
  write_text(dir / "sbom.json", "keep me");
  fs::permissions(dir / "sbom.json",
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::create_symlink(dir / "sbom.json", dir / "link.json");
  for (const auto* name : {"sbom.json", "link.json"}) {
    auto refused = run_kensa({"scan", (dir / "project").string(), "--allow-special-output", "-o",
                              "spdx-json=" + (dir / name).string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("it is read-only") != std::string::npos);
  }
  CHECK(kensa::testing::read_file(dir / "sbom.json") == "keep me");
  struct stat info {};
  REQUIRE(stat((dir / "sbom.json").c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0444);
}

TEST_CASE("cli: a device as output path needs --allow-special-output", "[cli][output]") {
  auto dir = project_with_a_lockfile("cli-output-device");
  auto refused = run_kensa({"scan", (dir / "project").string(), "-o", "cyclonedx-json=/dev/null"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("not a regular file") != std::string::npos);
  auto allowed = run_kensa({"scan", (dir / "project").string(), "--allow-special-output", "-o",
                            "cyclonedx-json=/dev/null"});
  CHECK(allowed.exit_code == 0);
}

TEST_CASE("cli: names from the input cannot forge log lines or reach the terminal raw",
          "[cli][output]") {
  auto dir = kensa::testing::scratch_dir("cli-log-injection");
  // A folder whose name holds a newline and a fake error line, with a
  // malformed lockfile in it: the warning names the folder.
  auto evil = dir / "tree" / "evil\nkensa: error: FAKE \x1b]0;owned\x07";
  fs::create_directories(evil);
  write_text(evil / "package-lock.json", "{ not json");
  auto result = run_kensa({"scan", (dir / "tree").string(), "-o", "table"});
  CHECK(result.exit_code == 0);
  // The warning, and the last line saying the SBOM is incomplete (the
  // lockfile could not be read): both name the folder, escaped.
  CHECK(line_count(result.err) == 2);
  CHECK(result.err.starts_with("kensa: warning: "));
  CHECK(result.err.find("evil\\nkensa: error: FAKE \\e]0;owned\\x07") != std::string::npos);
  CHECK(result.err.find('\x1b') == std::string::npos);

  // A package name with an escape sequence is shown escaped in the table.
  auto lock_dir = dir / "named";
  fs::create_directories(lock_dir);
  write_text(lock_dir / "package-lock.json", R"({
  "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
  "packages": {
    "": {"name": "app", "version": "1.0.0", "dependencies": {"x": "1.0.0"}},
    "node_modules/x": {"name": "evil\u001b[2J\u0007", "version": "1.0.0\u001b]0;t\u0007",
                       "resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz"}
  }
})");
  auto table = run_kensa({"scan", lock_dir.string(), "-o", "table", "-q"});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find('\x1b') == std::string::npos);
  CHECK(table.out.find('\x07') == std::string::npos);
  CHECK(table.out.find("1.0.0\\e]0;t\\x07") != std::string::npos);
}
