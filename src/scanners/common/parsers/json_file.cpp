#include "json_file.hpp"

#include <algorithm>
#include <charconv>

namespace kensa::scanner {

namespace {

// "line 3, column 7: <what>", as the flat parser words a syntax error:
// the line, and the rest as "<what> (column 7)".
std::optional<std::pair<std::size_t, std::string>> split_position(std::string_view error) {
  constexpr std::string_view k_line = "line ";
  constexpr std::string_view k_column = ", column ";
  if (!error.starts_with(k_line)) {
    return std::nullopt;
  }
  std::size_t line = 0;
  const char* begin = error.data() + k_line.size();
  const char* end = error.data() + error.size();
  auto [after_line, line_error] = std::from_chars(begin, end, line);
  std::string_view rest(after_line, static_cast<std::size_t>(end - after_line));
  if (line_error != std::errc() || !rest.starts_with(k_column)) {
    return std::nullopt;
  }
  rest.remove_prefix(k_column.size());
  const std::size_t colon = rest.find(": ");
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  return std::pair{line, std::string(rest.substr(colon + 2)) + " (column " +
                             std::string(rest.substr(0, colon)) + ")"};
}

} // namespace

std::optional<json::Document> read_json_file(FileReport& report, std::string_view text,
                                             const json::ParseLimits& limits) {
  auto parsed = json::Document::parse_borrowed(text, limits);
  if (parsed) {
    return std::move(*parsed);
  }
  if (auto position = split_position(parsed.error())) {
    report.omit_at(position->first, "not valid JSON: " + position->second);
  } else {
    report.omit("not read: " + parsed.error());
  }
  return std::nullopt;
}

std::optional<json::Document> read_json_object(FileReport& report, std::string_view text,
                                               std::string_view what,
                                               const json::ParseLimits& limits) {
  auto document = read_json_file(report, text, limits);
  if (document && !document->root().is_object()) {
    report.omit("not " + std::string(what) + ": the top level is not a JSON object");
    return std::nullopt;
  }
  return document;
}

std::string_view json_type_name(json::Value value) {
  switch (value.type()) {
  case json::Type::null:
    return "null";
  case json::Type::boolean:
    return "a boolean";
  case json::Type::integer:
  case json::Type::unsigned_integer:
  case json::Type::real:
    return "a number";
  case json::Type::string:
    return "a string";
  case json::Type::array:
    return "an array";
  case json::Type::object:
    return "an object";
  }
  return "not JSON";
}

} // namespace kensa::scanner
