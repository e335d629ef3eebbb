#pragma once

#include <kensa/util/result.hpp>

#include <string>
#include <string_view>

// The text of XML elements and attributes as the XML readers take it from
// pugixml, which is told to leave references undecoded: pugixml decodes
// &#0; into a NUL that silently ends the text there, and lets through what
// XML 1.0 does not allow (control characters, invalid UTF-8, entities no
// DTD declares). Decoding here finds those and fails, so that a document
// that is not well-formed is refused instead of read short.
namespace kensa::format::common {

// Decodes the references in the raw text `raw` (XML's five entities and
// character references) and checks every character against XML 1.0's
// Char production. Gives `raw` itself when it holds no reference, else a
// view of `scratch`, which holds the decoded text until the next call with
// it. Fails, saying what is wrong, at a reference to a character XML does
// not allow (&#0;, &#xFFFE;, a surrogate), an entity other than the five, a
// '&' that starts no reference, a control character, invalid UTF-8, U+FFFE
// or U+FFFF.
Result<std::string_view> decode_xml_text(std::string_view raw, std::string& scratch);

// Checks the text of a CDATA section, where references are not decoded:
// the characters only, as decode_xml_text() does.
Status check_xml_characters(std::string_view text);

} // namespace kensa::format::common
