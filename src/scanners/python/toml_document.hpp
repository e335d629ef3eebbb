#pragma once

#include <kensa/scanner/file_report.hpp>

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Reading TOML lockfiles and pyproject.toml without letting toml++ throw out
// of a parser, and with typed field access that warns on the wrong type.
namespace kensa::scanner::python {

// Parses `text` (scanner::parse_toml, with its nesting cap); on a syntax
// error or nesting too deep, warns and returns nullopt.
std::optional<toml::table> parse_toml(std::string_view text, FileReport& warnings);

// The string at `key` of `table`; empty when absent, with a warning naming
// `where` when present with another type.
std::string toml_text(const toml::table& table, std::string_view key, std::string_view where,
                      FileReport& warnings);

// The strings of the array at `key`; non-strings are skipped with a warning.
std::vector<std::string> toml_texts(const toml::table& table, std::string_view key,
                                    std::string_view where, FileReport& warnings);

// The table at `key`, nullptr when absent or (with a warning) not a table.
const toml::table* toml_table(const toml::table& table, std::string_view key,
                              std::string_view where, FileReport& warnings);

// The array at `key`, nullptr when absent or (with a warning) not an array.
const toml::array* toml_array(const toml::table& table, std::string_view key,
                              std::string_view where, FileReport& warnings);

} // namespace kensa::scanner::python
