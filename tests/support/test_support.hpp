#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// Helpers shared by the tests: where fixtures live, reading files, running
// the kensa binary.
namespace kensa::testing {

// tests/fixtures/<relative>
std::filesystem::path fixture(const std::string& relative);

// The folder of official conformance data and reference fixtures beside the
// checkout (../shared), or nullopt when it is not there. KENSA_SHARED_DIR
// overrides the location.
std::optional<std::filesystem::path> shared_dir();

std::string read_file(const std::filesystem::path& path);

// The number of lines of `text` (its newline characters).
std::size_t line_count(const std::string& text);

// A fresh, empty folder under $TMPDIR/kensa-tests-<hash of the build folder>,
// named after `name`; removed first if it exists so each test starts clean.
std::filesystem::path scratch_dir(const std::string& name);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built kensa binary with `arguments` (no shell), capturing stdout
// and stderr. `environment` entries ("NAME=value") are added to the
// current environment.
CommandResult run_kensa(const std::vector<std::string>& arguments,
                        const std::vector<std::string>& environment = {});

// Where the kensa binary's standard output goes when it is not captured.
enum class StandardOutput {
  captured,
  // /dev/full: every write fails with ENOSPC.
  full_device,
  // Descriptor 1 closed: every write fails with EBADF.
  closed,
};

// run_kensa with standard output sent to `output` (stderr is captured;
// `out` stays empty unless output is `captured`).
CommandResult run_kensa_with_output(const std::vector<std::string>& arguments,
                                    StandardOutput output);

} // namespace kensa::testing
