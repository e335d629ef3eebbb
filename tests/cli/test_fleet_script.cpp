// scripts/fleet-scan.sh, the local stand-in for the fan-out of
// docs/scale.md: artifacts of four ecosystems scanned in parallel, merged
// hierarchically, and the merge checked by the script itself.
#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

} // namespace

TEST_CASE("fleet script: parallel scans of several artifacts, one checked merge", "[cli][fleet]") {
  const fs::path folder = kensa::testing::scratch_dir("fleet-script");
  std::string command = quoted(std::string(KENSA_SOURCE_DIR) + "/scripts/fleet-scan.sh") + " -k " +
                        quoted(KENSA_BINARY) + " -j 2 " + quoted((folder / "out").string());
  for (const char* artifact : {"npm/lockfile-v3", "python/poetry-v2.1", "rust/lockfile-v4",
                               "golang/manifests/hello", "pnpm/v9"}) {
    command += " " + quoted(kensa::testing::fixture(artifact).string());
  }
  command += " > " + quoted((folder / "log").string()) + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string log = kensa::testing::read_file(folder / "log");
  INFO(log);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(log.find("fleet-scan: 5 artifacts") != std::string::npos);
  CHECK(fs::exists(folder / "out" / "merged.cdx.json"));
  // Each artifact is an assembly of the merged SBOM.
  const std::string merged = kensa::testing::read_file(folder / "out" / "merged.cdx.json");
  CHECK(merged.find("\"name\": \"fleet\"") != std::string::npos);
}
