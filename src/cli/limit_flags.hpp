#pragma once

#include <kensa/util/result.hpp>

#include <cstdint>
#include <string_view>

// The values of the limit flags (--max-file-size, --max-ratio, ...): read
// as text and range-checked here, since CLI11 would read "-5" into an
// unsigned limit as 2^64 - 5, which turns the limit off.
namespace kensa::cli {

// The values a limit flag accepts, both ends included (docs/cli.md).
struct FlagRange {
  std::uint64_t min = 1;
  std::uint64_t max = UINT64_MAX;
};

// A size such as "64MiB", "1G", "512k" or a plain number of bytes; units
// are binary (KiB, MiB, GiB, TiB, or K, M, G, T), case does not matter;
// within `range` once converted to bytes. Fails with a message naming
// `flag`.
Result<std::uint64_t> parse_size_flag(std::string_view flag, std::string_view text,
                                      FlagRange range = {});

// A whole number within `range`: digits only, no sign, no fraction. Fails
// with a message naming `flag`.
Result<std::uint64_t> parse_count_flag(std::string_view flag, std::string_view text,
                                       FlagRange range);

} // namespace kensa::cli
