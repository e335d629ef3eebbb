#pragma once

#include <kensa/scanner/file_report.hpp>

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <string_view>

// YAML as Yarn Berry and pnpm write their lockfiles, loaded through
// yaml-cpp with the caps yaml-cpp itself lacks.
namespace kensa::scanner {

// Deepest nesting accepted. yaml-cpp parses recursively, so a document
// nested deeper than this could exhaust the stack; real lockfiles nest four
// or five levels.
inline constexpr std::size_t k_max_yaml_depth = 128;

// Nodes that aliases may add to a document, counting each alias as the whole
// node it stands for. yaml-cpp shares an aliased node rather than copying
// it, but whatever walks the document visits it once per alias: a 2.9 MB
// pnpm-lock.yaml whose 16,000 snapshots share one 1,600-entry map is 51
// million nodes to walk. pnpm and Yarn never write anchors.
inline constexpr std::uint64_t k_max_yaml_alias_nodes = 1'000'000;

// Loads `text` into `document`. On a syntax error, a nesting deeper than
// k_max_yaml_depth, aliases adding more than k_max_yaml_alias_nodes nodes or
// an alias inside the node it names (a document that contains itself),
// warns with the line and returns false. Never throws.
bool load_yaml(std::string_view text, FileReport& report, YAML::Node& document);

// The scalar text of `node`, or empty when it is not a scalar.
std::string scalar(const YAML::Node& node);

// The child `key` of map `node` (an invalid node when absent or when `node`
// is not a map); does not insert into `node`.
YAML::Node child(const YAML::Node& node, std::string_view key);

} // namespace kensa::scanner
