// bun.lock: "workspaces" maps each workspace folder ("" is the project) to
// its declared dependencies by kind; "packages" maps install paths to
// [resolution, registry, metadata, integrity]. An install path is a chain of
// package names ("debug/ms": the ms nested under debug), and dependencies
// are found the way node finds them: nested first, then each level up.
#include "bun_scanner.hpp"

#include "../common/javascript/lockfile_graph.hpp"
#include "../common/javascript/paths.hpp"
#include "../common/javascript/project_lockfile.hpp"
#include "../common/parsers/json_file.hpp"
#include "trailing_commas.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>

#include <map>
#include <optional>
#include <set>

namespace kensa::scanner::bun {

using javascript::EdgeKind;
using javascript::PackageGraph;
using json::Value;

namespace {

// "debug/ms" -> "debug"; "@types/debug/@types/ms" -> "@types/debug"; "ms" -> "".
std::string_view parent_path(std::string_view path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) {
    return {};
  }
  std::string_view parent = path.substr(0, slash);
  // The last segment was the name half of "@scope/name".
  std::size_t scope = parent.rfind('/');
  std::string_view last = scope == std::string_view::npos ? parent : parent.substr(scope + 1);
  if (last.starts_with('@')) {
    return scope == std::string_view::npos ? std::string_view{} : parent.substr(0, scope);
  }
  return parent;
}

struct DeclaredDependency {
  std::string name;
  EdgeKind kind;
};

// The dependencies an object declares, later kinds winning as in npm.
std::vector<DeclaredDependency> declared(Value object, bool with_dev) {
  std::map<std::string, EdgeKind, std::less<>> wanted;
  std::set<std::string, std::less<>> optional_peers;
  for (const auto& [name, entry] : members_by_name(object["peerDependenciesMeta"])) {
    if (entry["optional"].boolean()) {
      optional_peers.emplace(name);
    }
  }
  if (const Value list = object["optionalPeers"]; list.is_array()) {
    for (const auto name : list) {
      if (name.is_string()) {
        optional_peers.emplace(name.string());
      }
    }
  }
  auto take = [&](const char* field, EdgeKind kind) {
    for (const auto& [name, spec] : members_by_name(object[field])) {
      wanted[std::string(name)] =
          kind == EdgeKind::peer && optional_peers.count(name) ? EdgeKind::peer_optional : kind;
    }
  };
  take("peerDependencies", EdgeKind::peer);
  if (with_dev) {
    take("devDependencies", EdgeKind::dev);
  }
  take("dependencies", EdgeKind::prod);
  take("optionalDependencies", EdgeKind::optional);
  std::vector<DeclaredDependency> result;
  for (auto& [name, kind] : wanted) {
    result.push_back({name, kind});
  }
  return result;
}

class BunLock : javascript::LockfileGraph {
 public:
  using LockfileGraph::LockfileGraph;

  void read(Value document) {
    const Value version = document["lockfileVersion"];
    if (version.exists() && !(version.is_number_integer() && version.integer() <= 1)) {
      // A nested value is named by its type: dumped, it could be as large
      // as the file.
      const std::string shown =
          version.is_structured() ? std::string(json_type_name(version)) : version.dump();
      m_report.warn("lockfileVersion " + shown + " is newer than 1; read as version 1");
    }
    Value packages = document["packages"];
    if (packages.exists() && !packages.is_object()) {
      m_report.warn("\"packages\" is not an object");
      packages = Value();
    }
    read_workspaces(document["workspaces"]);
    read_packages(packages);
    for (const auto& [from, path, object, with_dev] : m_declarations) {
      for (const auto& [name, kind] : declared(object, with_dev)) {
        if (const auto target = resolve(path, name)) {
          m_graph.relate(from, *target, kind);
        } else if (kind == EdgeKind::prod || kind == EdgeKind::dev) {
          // Named copies: clang 14 cannot capture structured bindings.
          const std::string& from_path = path;
          const std::string& to_name = name;
          count_unresolved([&] {
            return (from_path.empty() ? std::string("(root)") : from_path) + " -> " + to_name;
          });
        }
      }
    }
    finish();
  }

 private:
  std::map<std::string, PackageGraph::NodeId, std::less<>> m_by_path;
  std::map<std::string, PackageGraph::NodeId, std::less<>> m_workspace_by_folder;
  struct Declaration {
    PackageGraph::NodeId node;
    // Install path the lookups start from ("" for the project).
    std::string path;
    Value object;
    bool with_dev;
  };
  std::vector<Declaration> m_declarations;

  std::optional<PackageGraph::NodeId> resolve(std::string_view from, std::string_view name) {
    std::string_view path = from;
    while (true) {
      std::string candidate = path.empty() ? std::string(name) : join_path(path, name);
      if (auto it = m_by_path.find(candidate); it != m_by_path.end()) {
        return it->second;
      }
      if (path.empty()) {
        return std::nullopt;
      }
      path = parent_path(path);
    }
  }

  void read_workspaces(Value workspaces) {
    std::optional<PackageGraph::NodeId> root;
    // "" sorts first: the project before its workspaces.
    for (const auto& [folder, entry] : members_by_name(workspaces)) {
      if (!entry.is_object()) {
        m_report.warn("workspace \"" + std::string(folder) + "\" is not an object");
        continue;
      }
      javascript::PackageFacts facts;
      facts.role =
          folder.empty() ? javascript::PackageRole::root : javascript::PackageRole::workspace;
      facts.link = !folder.empty();
      facts.name = entry["name"].string();
      facts.version = entry["version"].string();
      std::string location = join_path(m_folder, folder);
      if (facts.name.empty()) {
        std::string_view base = std::string_view(location).substr(location.rfind('/') + 1);
        facts.name = base.empty() ? std::string("(project)") : std::string(base);
      }
      PackageGraph::NodeId node = m_graph.add(std::move(facts), m_evidence);
      if (folder.empty()) {
        root = node;
      } else {
        m_workspace_by_folder.emplace(folder, node);
        if (root) {
          m_graph.relate(*root, node, EdgeKind::prod);
        }
      }
      m_declarations.push_back({node, "", entry, true});
    }
  }

  void read_packages(Value packages) {
    std::size_t count = 0;
    for (const auto& [path, entry] : members_by_name(packages)) {
      if (++count > javascript::k_max_lockfile_packages) {
        m_report.omit("more than " + std::to_string(javascript::k_max_lockfile_packages) +
                      " packages; the rest of the lockfile is not read");
        break;
      }
      std::string where = "package \"" + std::string(path) + "\"";
      if (!entry.is_array() || entry.empty() || !entry[0].is_string()) {
        m_report.warn(where + " is not [\"name@version\", ...]");
        continue;
      }
      const std::string resolution(entry[0].string());
      std::size_t at = resolution.find('@', 1);
      std::string name = resolution.substr(0, at);
      std::string reference = at == std::string::npos ? std::string() : resolution.substr(at + 1);
      if (reference.starts_with("workspace:")) {
        // Already a node from "workspaces": only its install path is new.
        auto workspace = m_workspace_by_folder.find(reference.substr(10));
        if (workspace != m_workspace_by_folder.end()) {
          m_by_path[std::string(path)] = workspace->second;
          for (auto& declaration : m_declarations) {
            if (declaration.node == workspace->second) {
              declaration.path = path;
            }
          }
        }
        continue;
      }
      javascript::PackageFacts facts;
      facts.name = name;
      // The install path ends with the name it is installed under.
      std::string_view last = path;
      if (std::string_view parent = parent_path(path); !parent.empty()) {
        last.remove_prefix(parent.size() + 1);
      }
      if (last != name) {
        facts.alias = std::string(last);
      }
      if (javascript::looks_like_version(reference)) {
        facts.version = reference;
      } else if (reference.starts_with("npm:")) {
        facts.version = reference.substr(4);
      } else {
        facts.source = reference;
        facts.link = reference.starts_with("file:") || reference.starts_with("link:");
      }
      Value metadata;
      for (std::size_t i = 1; i < entry.size(); ++i) {
        if (entry[i].is_object() && !metadata.exists()) {
          metadata = entry[i];
        } else if (entry[i].is_string() && i + 1 == entry.size() && i > 1) {
          const std::string_view last_field = entry[i].string();
          if (last_field.starts_with("sha")) {
            facts.integrity = last_field;
          }
        }
      }
      if (entry.size() > 1 && entry[1].is_string()) {
        const std::string_view registry = entry[1].string();
        if (registry.starts_with("http")) {
          facts.resolved = registry;
        }
      }
      PackageGraph::NodeId node = m_graph.add(std::move(facts), m_evidence);
      m_by_path[std::string(path)] = node;
      if (metadata.exists()) {
        m_declarations.push_back({node, std::string(path), metadata, false});
      }
    }
  }
};

void read_bun_lock(FileReport& report, const source::SourceFile& file) {
  const std::string text = without_trailing_commas(file.contents);
  if (auto document = read_json_object(report, text, "a bun.lock")) {
    BunLock(report, file).read(document->root());
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return javascript::lockfile_scanner({"**/bun.lock"}, &read_bun_lock);
}

} // namespace kensa::scanner::bun
