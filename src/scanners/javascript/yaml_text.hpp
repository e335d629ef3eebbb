#pragma once

#include "file_report.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

// YAML as Yarn Berry and pnpm write their lockfiles, loaded through
// yaml-cpp with the caps yaml-cpp itself lacks.
namespace kensa::scanner::javascript {

// Deepest nesting accepted. yaml-cpp parses recursively, so a document
// nested deeper than this could exhaust the stack; real lockfiles nest four
// or five levels.
inline constexpr std::size_t k_max_yaml_depth = 128;

// Loads `text` into `document`. On a syntax error or a nesting deeper than
// k_max_yaml_depth, warns with the line and returns false. Never throws.
bool load_yaml(std::string_view text, FileReport& report, YAML::Node& document);

// The scalar text of `node`, or empty when it is not a scalar.
std::string scalar(const YAML::Node& node);

// The child `key` of map `node` (an invalid node when absent or when `node`
// is not a map); does not insert into `node`.
YAML::Node child(const YAML::Node& node, std::string_view key);

} // namespace kensa::scanner::javascript
