#include "source_limit_flags.hpp"

#include "limit_flags.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string_view>

namespace kensa::cli {

namespace {

// The range each limit flag accepts (docs/cli.md).
constexpr FlagRange k_depth_range{0, 100};
constexpr FlagRange k_ratio_range{1, 1'000'000};
constexpr FlagRange k_entries_range{1, UINT64_MAX};
constexpr FlagRange k_file_size_range{1, UINT64_MAX};
constexpr FlagRange k_nested_size_range{0, UINT64_MAX};
constexpr FlagRange k_total_size_range{1, UINT64_MAX};

} // namespace

void add_source_limit_flags(CLI::App& command, SourceLimitFlags& flags, FileSizeFlag file_size) {
  command
      .add_option("--max-depth", flags.max_depth,
                  "Open archives inside archives down to this many levels, 0 to 100 (default: "
                  "8; 0 opens no archive)")
      ->type_name("N");
  if (file_size == FileSizeFlag::registered_here) {
    command
        .add_option("--max-file-size", flags.max_file_size,
                    "Largest file read for a scanner, at least 1 byte (default: 64MiB)")
        ->type_name("SIZE");
  }
  command
      .add_option("--max-executable-size", flags.max_executable_size,
                  "Largest executable read for its build information (mapped, not "
                  "buffered), at least 1 byte (default: 16GiB)")
      ->type_name("SIZE");
  command
      .add_option("--max-nested-size", flags.max_nested_size,
                  "Memory for archives inside archives, which are opened in memory; 0 opens "
                  "none (default: 256MiB)")
      ->type_name("SIZE");
  command
      .add_option("--max-total-size", flags.max_total_size,
                  "Decompress at most this much in one scan (the archive it runs out in stops, "
                  "no archive after it is opened), at least 1 byte (default: 32GiB)")
      ->type_name("SIZE");
  command
      .add_option("--max-ratio", flags.max_ratio,
                  "Skip the rest of an archive (with the archives inside it) that decompresses "
                  "to more than this many times its size, 1 to 1000000 (default: 200)")
      ->type_name("N");
  command
      .add_option("--max-entries", flags.max_entries,
                  "Stop after this many files, folders and archive members, at least 1 "
                  "(default: 10000000)")
      ->type_name("N");
}

Status apply_source_limit_flags(const SourceLimitFlags& flags, source::Limits& limits) {
  std::uint64_t depth = limits.max_archive_depth;
  struct LimitFlag {
    std::string_view flag;
    const std::string& text;
    std::uint64_t& target;
    FlagRange range;
    bool size;
  };
  for (const LimitFlag& limit :
       {LimitFlag{"--max-depth", flags.max_depth, depth, k_depth_range, false},
        LimitFlag{"--max-file-size", flags.max_file_size, limits.max_buffered_file_size,
                  k_file_size_range, true},
        LimitFlag{"--max-executable-size", flags.max_executable_size, limits.max_executable_size,
                  k_file_size_range, true},
        LimitFlag{"--max-nested-size", flags.max_nested_size, limits.max_nested_archive_size,
                  k_nested_size_range, true},
        LimitFlag{"--max-total-size", flags.max_total_size, limits.max_total_bytes,
                  k_total_size_range, true},
        LimitFlag{"--max-ratio", flags.max_ratio, limits.max_compression_ratio, k_ratio_range,
                  false},
        LimitFlag{"--max-entries", flags.max_entries, limits.max_entries, k_entries_range,
                  false}}) {
    if (limit.text.empty()) {
      continue;
    }
    auto parsed = limit.size ? parse_size_flag(limit.flag, limit.text, limit.range)
                             : parse_count_flag(limit.flag, limit.text, limit.range);
    if (!parsed) {
      return fail(parsed.error());
    }
    limit.target = *parsed;
  }
  limits.max_archive_depth = static_cast<std::uint32_t>(depth);
  return ok_status();
}

} // namespace kensa::cli
