#pragma once

#include <kensa/util/json_document.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// JSON Pointer (RFC 6901) as schemas use it: in `$ref` fragments, where it is
// also percent-encoded, and in the locations findings report.
namespace kensa::validate::schema {

// One reference token escaped for a pointer ("a/b" gives "a~1b").
std::string escape_pointer_token(std::string_view token);

// Appends "/" and the escaped token to `pointer`.
using kensa::json::append_pointer_token;

// The tokens of a pointer, unescaped; nullopt when it is malformed.
using kensa::json::parse_pointer;

// Decodes %XX sequences, as a URI fragment holding a pointer needs. Returns
// nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);

// The value `tokens` lead to inside `root`, or the absent value.
kensa::json::Value resolve_pointer(const kensa::json::Value& root,
                                   const std::vector<std::string>& tokens);

} // namespace kensa::validate::schema
