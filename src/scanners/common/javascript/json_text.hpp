#pragma once

#include <kensa/scanner/file_report.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// JSON as JavaScript tools write it: strict JSON (package.json, deno.lock)
// and JSON with trailing commas (bun.lock).
namespace kensa::scanner::javascript {

// Parses `text` into `document`. On a syntax error, warns with the line and
// returns false. Never throws.
bool parse_json(std::string_view text, FileReport& report, nlohmann::json& document);

// `text` with the commas that end an object or array and // and /* */
// comments outside strings replaced by spaces, so the result is strict JSON
// with every byte (and so every line number) where it was.
std::string strip_trailing_commas(std::string_view text);

} // namespace kensa::scanner::javascript
