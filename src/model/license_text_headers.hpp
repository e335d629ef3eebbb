#pragma once

#include "license_text_words.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace kensa::model::license_text {

// A short license notice found in normalised words.
struct HeaderFound {
  // One SPDX id ("Apache-2.0", "GPL-2.0-or-later").
  std::string id;
  // Index of its first word.
  std::size_t position = 0;
};

// The notices that name a license ("Licensed under the Apache License,
// Version 2.0", the GNU notices with "version 2 of the License, or (at your
// option) any later version", "Mozilla Public License, v. 2.0", "under the
// MIT license") starting at a word that `covered` does not mark as part of a
// matched license text.
std::vector<HeaderFound> find_license_headers(const std::vector<Word>& words,
                                              const std::vector<bool>& covered);

} // namespace kensa::model::license_text
