#pragma once

#include <kensa/util/result.hpp>

#include <toml++/toml.h>

#include <cstddef>
#include <string_view>

// Every TOML file a scanner reads (Cargo.lock, poetry.lock, uv.lock,
// pdm.lock, pylock.toml, pyproject.toml) is parsed here, so the caps that
// keep toml++ safe on hostile input hold for all of them.
namespace kensa::scanner {

// Deepest nesting accepted: table header segments, dotted-key segments and
// inline tables and arrays, added up along one path. toml++ builds and
// frees nested tables recursively, so tens of thousands of levels
// (`a.a.a.…b = 1`, 100 KB) exhaust the stack; real lockfiles and
// pyproject.toml files nest fewer than ten.
inline constexpr std::size_t k_max_toml_depth = 100;

// Parses `text`. Fails with "nested deeper than 100 levels (line L); not
// read" when some path is deeper than k_max_toml_depth, found by a scan of
// the text before toml++ sees it, or with "not valid TOML: <what> (line L,
// column C)" on a syntax error. Never throws.
Result<toml::table> parse_toml(std::string_view text);

// The line (1-based) of the first place in `text` nested deeper than
// `max_depth` levels, or 0 when there is none. A lexical scan (strings and
// comments skipped, brackets and key dots counted) that needs no valid
// TOML: what it cannot make sense of, toml++ rejects afterwards.
std::size_t first_line_nested_deeper(std::string_view text, std::size_t max_depth);

} // namespace kensa::scanner
