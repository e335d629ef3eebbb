#pragma once

#include <ostream>
#include <string>

namespace kensa::format::common {

// Writes `text`, a whole document built in memory (SPDX and CycloneDX
// writers finish the text before its namespace hash or serial number is
// known), to `out`. When `out` is an empty util::TextSink, as render()
// passes, the string is handed over instead of copied.
void put_text(std::ostream& out, std::string text);

} // namespace kensa::format::common
