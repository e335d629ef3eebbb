#pragma once

#include "../common/javascript/manifest.hpp"
#include "../common/javascript/project_manifests.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// yarn.lock, in both of its forms: the custom text format of Yarn 1 and the
// YAML of Yarn 2 and later (Berry). Each parser fills the same entries; one
// builder turns them into components and edges.
namespace kensa::scanner::yarn {

// Entries read from one yarn.lock; the rest are not read.
inline constexpr std::size_t k_max_entries = 1'000'000;

struct YarnEntry {
  // The requests this entry satisfies: "debug@^4.3.4", "ms@npm:2.1.2".
  std::vector<std::string> descriptors;
  // The real package name (an alias entry "ms-old@npm:ms@2.0.0" is "ms").
  std::string name;
  std::string version;
  // Yarn 1: where the tarball came from; the #fragment is its SHA-1.
  std::string resolved;
  // Yarn 1: Subresource Integrity of the tarball.
  std::string integrity;
  // Berry: "name@npm:1.2.3", "name@workspace:path", "name@patch:...".
  std::string resolution;
  // Berry: "<cacheKey>/<sha512 hex>" of Yarn's cache archive.
  std::string checksum;
  javascript::DependencyList dependencies;
  javascript::DependencyList optional_dependencies;
  // Berry: dependencies marked optional in dependenciesMeta.
  std::set<std::string> optional_names;
  // Berry: a workspace of the project ("." is the project itself), its
  // folder relative to the lockfile.
  bool workspace = false;
  std::string workspace_path;
  // Berry: link: and portal: entries, folders outside the cache.
  bool link = false;
  // Berry: patch: entries.
  bool patch = false;
  std::size_t line = 0;
};

// "@scope/name@range" -> {"@scope/name", "range"}; the name alone when there
// is no '@' after its first character.
std::pair<std::string_view, std::string_view> split_descriptor(std::string_view descriptor);

// Reads Yarn 1's text format. Malformed lines are warnings naming the line.
std::vector<YarnEntry> parse_yarn_v1(std::string_view text, FileReport& report);

// Reads Berry's YAML. Returns false when the file is not valid YAML.
bool parse_yarn_berry(std::string_view text, FileReport& report, std::vector<YarnEntry>& entries);

// Reads one yarn.lock (either form) and adds what it lists to the graph.
void scan_yarn_lock(FileReport& report, const source::SourceFile& file,
                    javascript::ProjectManifests& projects);

} // namespace kensa::scanner::yarn
