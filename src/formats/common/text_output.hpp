#pragma once

#include <kensa/util/text_sink.hpp>

#include <ostream>
#include <string>

namespace kensa::format::common {

// Writes `text`, a whole document built in memory (SPDX and CycloneDX
// writers finish the text before its namespace hash or serial number is
// known), to `out`. When `out` is an empty util::TextSink, as render()
// passes, the string is handed over instead of copied.
void put_text(std::ostream& out, std::string text);
// The same for a document finished in the chunks of `text`: when `out` is a
// util::TextSink the chunks themselves are handed over, so a document that
// goes to a file is never joined into one string. `text` is empty
// afterwards.
void put_text(std::ostream& out, util::TextSink& text);

} // namespace kensa::format::common
