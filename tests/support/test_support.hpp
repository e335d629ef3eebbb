#pragma once

#include <cstdint>
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

// Limits a bounded run of kensa is held to; past one the kernel ends it
// with a signal, which the test sees as the exit code 128 + signal.
struct Bounds {
  // CPU seconds (RLIMIT_CPU, SIGXCPU): a hang fails the test instead of
  // holding up the suite.
  unsigned cpu_seconds = 60;
  // Largest file kensa may write, its standard output and error included
  // (RLIMIT_FSIZE, SIGXFSZ): catches spills to temporary files, which are
  // unlinked as soon as they are made. 0 for no limit.
  std::uint64_t max_file_bytes = 0;
};

// The peak memory a bounded run of kensa may reach on a hostile input:
// AddressSanitizer's shadow memory and quarantine add a few hundred MiB.
inline constexpr long k_bounded_run_memory_kib = KENSA_SANITIZED ? 1024 * 1024 : 200 * 1024;

struct BoundedResult {
  int exit_code = -1;
  // Standard output, and the first MiB of standard error.
  std::string out;
  std::string err;
  std::uint64_t err_bytes = 0;
  long max_rss_kib = 0;
  double seconds = 0;
};

// Runs the built kensa binary like run_kensa, within `bounds`, measuring its
// peak memory and time. Standard error may be gigabytes: it goes to a file.
BoundedResult run_kensa_bounded(const std::vector<std::string>& arguments, const Bounds& bounds,
                                const std::vector<std::string>& environment = {});

// How run_kensa_with() starts kensa, beyond its arguments.
struct RunOptions {
  // Entries ("NAME=value") added to the current environment.
  std::vector<std::string> environment;
  // A file given to kensa as its standard input; none (/dev/null) when
  // empty.
  std::filesystem::path standard_input;
  // The most address space kensa may map (RLIMIT_AS), so that allocations
  // past it fail; 0 for no limit.
  std::uint64_t address_space = 0;
  StandardOutput output = StandardOutput::captured;
};

CommandResult run_kensa_with(const std::vector<std::string>& arguments, const RunOptions& options);

// The environment kensa runs in under test: this process's, without the
// user's kensa settings (KENSA_*, HOME, XDG_CONFIG_HOME: an empty
// configuration folder instead), with `extra` ("NAME=value") set over it.
std::vector<std::string> child_environment(const std::vector<std::string>& extra);

} // namespace kensa::testing
