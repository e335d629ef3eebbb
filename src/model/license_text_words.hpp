#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// The normalisation both license texts and scanned files go through before
// they are compared (docs/licenses.md, "Normalisation").
namespace kensa::model::license_text {

// A normalised word, hashed. 0 stands for a placeholder of a license text
// ("<year>", "[name of copyright owner]"), which matches nothing.
using Word = std::uint32_t;
inline constexpr Word k_placeholder = 0;

struct NormalisedText {
  std::vector<Word> words;
  // The copyright lines, white space collapsed, in order (not deduplicated).
  std::vector<std::string> copyrights;
  // The raw "SPDX-License-Identifier:" values, in order.
  std::vector<std::string> identifiers;
  // The word count or the size cap cut the text short.
  bool truncated = false;
};

// Splits `text` into normalised words: lower case, punctuation and white
// space dropped, bullets and list numbering at the start of a line dropped,
// copyright lines left out (and collected), the SPDX equivalent words
// mapped to one spelling, "https" read as "http". With `placeholders`, text
// in <angle> or [square] brackets becomes k_placeholder (for license texts,
// where it marks what a real file replaces). Stops after `max_words` words.
NormalisedText normalise(std::string_view text, bool placeholders, std::size_t max_words);

// The hash of one already normalised word ("license"); never k_placeholder.
Word word_of(std::string_view normalised);

// Two consecutive words as one key.
inline std::uint64_t bigram(Word first, Word second) {
  return (static_cast<std::uint64_t>(first) << 32) | second;
}

} // namespace kensa::model::license_text
