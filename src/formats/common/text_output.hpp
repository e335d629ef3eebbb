#pragma once

#include <ostream>
#include <string>

namespace kensa::format::common {

// Writes `text`, a whole document built in memory (SPDX writers must finish
// the text before its namespace hash is known), to `out`. When `out` is an
// empty std::ostringstream, as render() passes, the string is handed over
// instead of copied: for a 300 MB document that saves a copy and the
// memory it briefly needs.
void put_text(std::ostream& out, std::string text);

} // namespace kensa::format::common
