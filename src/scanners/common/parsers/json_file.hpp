#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/json_document.hpp>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

// Every JSON file a scanner reads (package-lock.json, package.json, bun.lock,
// deno.lock, Pipfile.lock, direct_url.json, the data condensed from an
// executable) is parsed here, with the flat parser and its caps
// (json::ParseLimits): one reader, one way to say a file is broken.
namespace kensa::scanner {

// Parses `text`, the contents of the file `report` is about. `text` must
// outlive the document, whose strings point into it. On a syntax error,
// omits "line L: not valid JSON: <what> (column C)"; past a cap, omits
// "not read: <which cap>"; either way returns nullopt. Never throws for
// bad input.
std::optional<json::Document> read_json_file(FileReport& report, std::string_view text,
                                             const json::ParseLimits& limits = {});

// The same, for a file whose top level must be an object: when it is not,
// omits "not <what>: the top level is not a JSON object" (`what`: "a
// bun.lock", "an npm lockfile") and returns nullopt.
std::optional<json::Document> read_json_object(FileReport& report, std::string_view text,
                                               std::string_view what,
                                               const json::ParseLimits& limits = {});

// The members of an object as a map (util/json_document.hpp).
using json::members_by_name;

// "a string", "a number", "an object"...: how a message names the type of
// `value`.
std::string_view json_type_name(json::Value value);

} // namespace kensa::scanner
