#pragma once

#include <kensa/util/result.hpp>

#include <string>
#include <string_view>

namespace kensa::source {

// An image platform as OCI image indexes state it: "linux/arm64/v8".
struct Platform {
  std::string os;
  std::string architecture;
  // Empty when not stated ("v7" for 32-bit ARM, "v8" for arm64, ...).
  std::string variant;

  // "os/architecture[/variant]".
  std::string text() const;
  // Whether an image of platform `candidate` satisfies this request: os and
  // architecture equal, variant equal when the request names one.
  bool accepts(const Platform& candidate) const;
};

// Parses "os/arch[/variant]" (as --platform takes it); fails on anything else.
Result<Platform> parse_platform(std::string_view text);

} // namespace kensa::source
