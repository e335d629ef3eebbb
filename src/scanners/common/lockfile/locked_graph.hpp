#pragma once

#include <kensa/model/component.hpp>
#include <kensa/model/document.hpp>
#include <kensa/model/hash.hpp>
#include <kensa/scanner/file_report.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The packages of one lockfile whose entries name their dependencies by
// package name (Podfile.lock, pubspec.lock, mix.lock, ...), turned into
// components and edges: the bookkeeping every such lockfile needs, with its
// caps, in one place.
namespace kensa::scanner {

// Far above real lockfiles (the largest have a few thousand packages).
inline constexpr std::size_t k_max_locked_graph_packages = 200'000;
// Dependency entries of one lockfile, all packages together.
inline constexpr std::size_t k_max_locked_graph_edges = 2'000'000;

// A library component of purl type `purl_type`: group `purl_namespace`,
// name, version, and the purl
// made from `purl_namespace`, `name`, `version`, `qualifiers` and
// `subpath` (none when the purl rules refuse them, which is a warning in
// `report`, or when `purl_type` is empty). Scope required; no evidence yet.
model::Component
make_locked_component(FileReport& report, std::string_view ecosystem, std::string_view purl_type,
                      std::string_view purl_namespace, std::string_view name,
                      std::string_view version,
                      std::vector<std::pair<std::string, std::string>> qualifiers = {},
                      std::string_view subpath = {});

// Adds `hex` to `component` as a digest of `algorithm` (md5, sha1, sha256
// or sha512) when it has the digest's length in hex digits (either case,
// kept in lowercase); otherwise warns in `report` and adds nothing.
void add_hex_hash(FileReport& report, model::Component& component, model::HashAlgorithm algorithm,
                  std::string_view hex);

// Collects the packages of the lockfile `report` is about, then adds them
// to the scan's graph in one go (finish).
class LockedGraph {
 public:
  // `file` is the lockfile: every component gets its evidence.
  LockedGraph(FileReport& report, const source::SourceFile& file);

  // Adds `component` under `key`, the name dependency lists use for it.
  // False past k_max_locked_graph_packages (one omission says so: the
  // caller stops reading); a key given twice is a warning and the first
  // package is kept (true).
  bool add(std::string key, model::Component component);
  // Whether a package was added under `key`.
  bool contains(std::string_view key) const { return m_index.count(key) != 0; }
  // The component added under `key`, to change before finish(); nullptr
  // when there is none.
  model::Component* find(std::string_view key);
  // An edge from package `from` to the package called `to`, resolved in
  // finish(). Past k_max_locked_graph_edges, one omission and no more edges.
  void depend(std::string_view from, std::string to,
              model::RelationshipType type = model::RelationshipType::depends_on);
  // A dependency of the project itself: an edge from the project's root.
  void direct(std::string to, model::RelationshipType type = model::RelationshipType::depends_on);

  // Adds the components and the edges to the graph. When some direct
  // dependency was given, the project is a root `application` component
  // named `root_name` (the lockfile's folder when empty), which the subject
  // describes. An edge to a name no package has is a warning, once per
  // name, unless `unknown_expected` (formats that list dependencies for
  // other platforms than those they lock).
  void finish(std::string root_name = {}, bool unknown_expected = false);

 private:
  struct Edge {
    std::size_t from;
    std::string to;
    model::RelationshipType type;
  };
  static constexpr std::size_t k_root = static_cast<std::size_t>(-1);

  bool edge_room();

  FileReport& m_report;
  const source::SourceFile& m_file;
  std::vector<model::Component> m_components;
  std::map<std::string, std::size_t, std::less<>> m_index;
  std::vector<Edge> m_edges;
  bool m_edges_capped = false;
  bool m_packages_capped = false;
};

} // namespace kensa::scanner
