#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

// A text held in pieces, in order (util::TextSink::pieces): what a writer
// needs to finish it in place (find its placeholders, hash it, fill them)
// without first joining it into one string. Offsets count from the start of
// the whole text.
namespace kensa::util {

using TextPieces = std::span<const std::span<char>>;

std::size_t total_size(TextPieces pieces);

// Calls visit(part) for the parts of [begin, begin + length) in each piece,
// in order.
void for_each_part(TextPieces pieces, std::size_t begin, std::size_t length,
                   const std::function<void(std::string_view)>& visit);

// Where `pattern` starts, every time (or the first `most` times), also
// across the joins between pieces; occurrences do not overlap (the search
// goes on after each one).
std::vector<std::size_t> find_all(TextPieces pieces, std::string_view pattern,
                                  std::size_t most = SIZE_MAX);

// Replaces the bytes at [at, at + bytes.size()) with `bytes`.
void overwrite(TextPieces pieces, std::size_t at, std::string_view bytes);

} // namespace kensa::util
