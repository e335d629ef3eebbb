#pragma once

#include <kensa/util/result.hpp>

#include <string>
#include <string_view>

// Standard base64 (RFC 4648 section 4, the '+' and '/' alphabet).
namespace kensa {

enum class Base64Padding {
  // '=' padding may be given or left out (lockfiles, RECORD files and apk
  // databases write both ways).
  optional,
  // The text is whole groups of four characters, the last one padded with
  // one or two '=' when needed (JSON Schema's contentEncoding).
  required,
};

// Decodes `text`. Fails on a character outside the alphabet, a misplaced
// '=' or an impossible length.
Result<std::string> decode_base64(std::string_view text,
                                  Base64Padding padding = Base64Padding::optional);

} // namespace kensa
