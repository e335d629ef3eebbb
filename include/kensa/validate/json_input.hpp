#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/util/result.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Reading a JSON document that may be hostile: nesting is capped while
// parsing, so a 100,000-deep document is a clear error and never becomes a
// deep tree; members given twice in one object are reported (the last one
// wins, as in every JSON library).
namespace kensa::validate {

// The same limits and duplicate reports as kensa's flat document parser.
using JsonParseLimits = kensa::json::ParseLimits;
using DuplicateKey = kensa::json::DuplicateMember;

struct ParsedJson {
  nlohmann::json value;
  std::vector<DuplicateKey> duplicate_keys;
};

// Parses `text` as one JSON document (RFC 8259; invalid UTF-8 is an error).
// Fails with "line L, column C: <what>" when the text is not JSON, and with
// a message naming the limit when it nests deeper than `limits.max_depth`.
Result<ParsedJson> parse_json(std::string_view text, const JsonParseLimits& limits = {});

} // namespace kensa::validate
