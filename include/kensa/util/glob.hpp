#pragma once

#include <string_view>

namespace kensa {

// Matches a '/'-separated `path` against a glob `pattern`:
//   *   any run of characters except '/'
//   **  any run of characters including '/', when it is a whole path segment
//       ("**/x" also matches "x" at the root, "a/**" matches everything below a)
//   ?   one character except '/'
//   [abc], [a-z], [!a]  one character from (or not from) a set
// Matching is case-sensitive and needs the whole path to match.
bool glob_match(std::string_view pattern, std::string_view path);

} // namespace kensa
