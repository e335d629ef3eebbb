#pragma once

#include <string>
#include <string_view>

// bun.lock is JSON as JavaScript tools write it by hand: with commas before
// a closing bracket and with comments, which the JSON reader refuses.
namespace kensa::scanner::bun {

// `text` with the commas that end an object or array and // and /* */
// comments outside strings replaced by spaces, so the result is strict JSON
// with every byte (and so every line number) where it was.
std::string without_trailing_commas(std::string_view text);

} // namespace kensa::scanner::bun
