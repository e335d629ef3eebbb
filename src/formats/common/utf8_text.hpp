#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 as the writers and the text readers check it: overlong forms,
// surrogates, code points beyond U+10FFFF and truncated sequences are
// invalid.
namespace kensa::format::common {

// Appends `text` to `out` with invalid UTF-8 replaced by U+FFFD.
void append_valid_utf8(std::string& out, std::string_view text);

// Whether `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// The offset of the first byte of `text` that does not start a valid UTF-8
// sequence, searching from `from`; std::string_view::npos when there is
// none.
std::size_t find_invalid_utf8(std::string_view text, std::size_t from = 0);

} // namespace kensa::format::common
