#pragma once

#include <string>
#include <string_view>

namespace kensa {

// Makes text that came from the input (file and folder names, package
// names, values read from documents) safe to print on a terminal or in a
// line-oriented log: every control character (C0, DEL, C1), every Unicode
// bidirectional control (which can make a line read differently from what
// it holds) and every byte that is not well-formed UTF-8 is written as an
// escape: \n, \r, \t, \e, \xNN for bytes and \u{NNNN} for code points.
// Everything else, including non-ASCII letters, is kept as it is. A
// backslash is kept too: the result is for people to read, not to be
// unescaped.
std::string escape_for_terminal(std::string_view text);

// Whether escape_for_terminal would change `text`.
bool needs_terminal_escape(std::string_view text);

} // namespace kensa
