#pragma once

#include <kensa/source/source.hpp>
#include <kensa/util/result.hpp>

#include <string>

namespace CLI {
class App;
}

// The limit flags of the commands that read a delivery (scan, verify):
// --max-depth, --max-file-size, --max-executable-size, --max-nested-size,
// --max-total-size, --max-ratio and --max-entries, registered and checked
// in one place so that both commands take the same values (docs/cli.md).
namespace kensa::cli {

// The flags as given; empty when not given.
struct SourceLimitFlags {
  std::string max_depth;
  std::string max_file_size;
  std::string max_executable_size;
  std::string max_nested_size;
  std::string max_total_size;
  std::string max_ratio;
  std::string max_entries;
};

// Whether the command registers --max-file-size itself: verify's caps the
// SBOM it reads as well as the files its scan reads.
enum class FileSizeFlag {
  registered_here,
  registered_by_command,
};

// Adds the flags to `command`, stored as text in `flags`.
void add_source_limit_flags(CLI::App& command, SourceLimitFlags& flags,
                            FileSizeFlag file_size = FileSizeFlag::registered_here);

// Sets the limits given in `flags`, leaving the others as they are. Fails
// with one line naming the first flag whose value is malformed or out of
// range.
Status apply_source_limit_flags(const SourceLimitFlags& flags, source::Limits& limits);

} // namespace kensa::cli
