#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// package.json: what every JavaScript scanner reads from it. The project's
// own package.json gives the direct dependencies and the workspaces; an
// installed package's gives its metadata (license, authors, links) and its
// dependencies.
namespace kensa::scanner::javascript {

// (name, spec) pairs in file order.
using DependencyList = std::vector<std::pair<std::string, std::string>>;

struct Manifest {
  std::string name;
  std::string version;
  std::string description;
  // "license", the old {"type", "url"} object, or the legacy "licenses"
  // array; each through the license engine.
  std::vector<model::License> licenses;
  // "author", then "maintainers".
  std::vector<model::Party> authors;
  // "repository" (vcs), "homepage" (website), "bugs" (issue-tracker).
  std::vector<model::ExternalReference> references;
  // npm writes these into installed package.json files (old releases do).
  std::string integrity;
  std::string resolved;

  DependencyList dependencies;
  DependencyList dev_dependencies;
  DependencyList optional_dependencies;
  DependencyList peer_dependencies;
  // Peers marked {"optional": true} in peerDependenciesMeta.
  std::set<std::string> optional_peers;
  // "workspaces" as an array, or yarn's {"packages": [...]}.
  std::vector<std::string> workspaces;
};

// Largest package.json read; real ones are a few kilobytes.
inline constexpr std::size_t k_max_manifest_size = 4u << 20;

// Parses package.json text. Returns false (with a warning naming the line)
// when it is not a JSON object; fields of the wrong type are warnings and
// are left empty.
bool parse_manifest(std::string_view text, FileReport& report, Manifest& manifest);

// "Jane Doe <jane@example.com> (https://jane.example)" -> a Party.
model::Party parse_person(std::string_view text);

// A repository as package.json writes it ("github:user/repo", "user/repo",
// "gitlab:user/repo", a URL) -> a URL; empty when it is none of these.
std::string repository_url(std::string_view text);

} // namespace kensa::scanner::javascript
