#include "limit_flags.hpp"

#include <kensa/util/strings.hpp>

#include <charconv>
#include <cstdint>
#include <string>

namespace kensa::cli {

namespace {

std::string range_text(FlagRange range) {
  return range.max == UINT64_MAX
             ? "at least " + std::to_string(range.min)
             : "from " + std::to_string(range.min) + " to " + std::to_string(range.max);
}

} // namespace

Result<std::uint64_t> parse_size_flag(std::string_view flag, std::string_view text,
                                      FlagRange range) {
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data()) {
    return fail(std::string(flag) + " must be a size such as 64MiB, not '" + std::string(text) +
                "'");
  }
  const std::string unit = to_lower_ascii(std::string_view(end, text.data() + text.size() - end));
  int shift = 0;
  if (unit.empty() || unit == "b") {
    shift = 0;
  } else if (unit == "k" || unit == "kib") {
    shift = 10;
  } else if (unit == "m" || unit == "mib") {
    shift = 20;
  } else if (unit == "g" || unit == "gib") {
    shift = 30;
  } else if (unit == "t" || unit == "tib") {
    shift = 40;
  } else {
    return fail(std::string(flag) + ": unknown unit '" + unit + "' (use KiB, MiB, GiB or TiB)");
  }
  if (shift > 0 && value > (UINT64_MAX >> shift)) {
    return fail(std::string(flag) + " is too large");
  }
  value <<= shift;
  if (value < range.min || value > range.max) {
    return fail(std::string(flag) + " must be a size of " + range_text(range) + " byte" +
                (range.min == 1 && range.max == UINT64_MAX ? "" : "s") + ", not '" +
                std::string(text) + "'");
  }
  return value;
}

Result<std::uint64_t> parse_count_flag(std::string_view flag, std::string_view text,
                                       FlagRange range) {
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end == text.data() || end != text.data() + text.size() ||
      value < range.min || value > range.max) {
    return fail(std::string(flag) + " must be a whole number " + range_text(range) + ", not '" +
                std::string(text) + "'");
  }
  return value;
}

} // namespace kensa::cli
