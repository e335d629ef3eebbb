// Lockfile versions 2 and 3: "packages" maps each install location to what is
// there. "" is the project, "node_modules/a/node_modules/b" a package nested
// under another, "packages/util" a folder of the project (a workspace or a
// "file:" dependency) that a "link": true entry under node_modules points at.
#include "../common/javascript/paths.hpp"
#include "../common/parsers/json_file.hpp"
#include "lockfile.hpp"

#include <kensa/util/glob.hpp>

#include <map>

namespace kensa::scanner::npm {

namespace {

constexpr std::string_view k_node_modules = "node_modules/";
// A link pointing at another link is not something npm writes; following a
// few hops is enough and keeps a crafted cycle finite.
constexpr int k_max_link_hops = 8;

struct Node {
  json::Value entry;
  // Empty for link entries, which are not components themselves.
  std::string id;
  // For link entries: the key of the folder entry the link points at.
  std::string link_target;
  PackageRole role = PackageRole::dependency;
};

// Ordered, so that edges and the first unresolved dependency named in a
// warning are the same from run to run.
using Nodes = std::map<std::string, Node, std::less<>>;

// The install name in a key: what follows the last "node_modules/" segment
// ("node_modules/a/node_modules/@s/b" -> "@s/b"); empty for folder keys.
std::string_view installed_name(std::string_view key) {
  std::size_t pos = key.rfind(k_node_modules);
  // Only a whole segment counts: "my_node_modules/x" is a folder.
  while (pos != std::string_view::npos && pos != 0 && key[pos - 1] != '/') {
    pos = key.rfind(k_node_modules, pos - 1);
  }
  return pos == std::string_view::npos ? std::string_view{}
                                       : key.substr(pos + k_node_modules.size());
}

// The root's "workspaces": an array of globs, or {"packages": [...]} as yarn
// writes it and npm accepts.
std::vector<std::string> workspace_patterns(Lockfile& lock, json::Value root) {
  std::vector<std::string> patterns;
  json::Value value = root["workspaces"];
  if (value.is_object()) {
    value = value["packages"];
  }
  if (value.is_null()) {
    return patterns;
  }
  if (!value.is_array()) {
    lock.report().warn("packages entry \"\": \"workspaces\" is not an array");
    return patterns;
  }
  for (const auto pattern : value) {
    if (pattern.is_string()) {
      patterns.push_back(javascript::normalize_folder(pattern.string()));
    }
  }
  return patterns;
}

bool is_workspace(const std::vector<std::string>& patterns, std::string_view key) {
  for (const auto& pattern : patterns) {
    if (glob_match(pattern, key)) {
      return true;
    }
  }
  return false;
}

std::string where_of(std::string_view key) {
  std::string where = "packages entry \"";
  where += key;
  where += '"';
  return where;
}

PackageFacts root_facts(Lockfile& lock, json::Value document, json::Value root) {
  PackageFacts facts;
  facts.role = PackageRole::root;
  if (root.exists()) {
    facts.name = lock.text(root, "name", where_of(""));
    facts.version = lock.text(root, "version", where_of(""));
    lock.read_common_facts(root, where_of(""), facts);
  }
  // Old npm 7 lockfiles may leave the name out of "": the top level has it.
  if (facts.name.empty()) {
    facts.name = lock.text(document, "name", "the lockfile");
  }
  if (facts.version.empty()) {
    facts.version = lock.text(document, "version", "the lockfile");
  }
  return facts;
}

// Follows link entries to the folder entry they point at.
const Node* follow_links(const Nodes& nodes, const Node* node) {
  for (int hop = 0; node != nullptr && node->id.empty(); ++hop) {
    if (hop == k_max_link_hops || node->link_target.empty()) {
      return nullptr;
    }
    auto it = nodes.find(node->link_target);
    node = it == nodes.end() ? nullptr : &it->second;
  }
  return node;
}

// Where node finds `name` when required from the package at `from`: in
// from/node_modules, then in the node_modules of each folder above.
// nullptr when not found, or when the work budget is spent.
const Node* resolve(Lockfile& lock, const Nodes& nodes, std::string_view from,
                    std::string_view name) {
  std::string candidate;
  std::string_view dir = from;
  while (true) {
    candidate.assign(dir);
    if (!candidate.empty()) {
      candidate += '/';
    }
    candidate += k_node_modules;
    candidate += name;
    if (!lock.spend(candidate.size() + 1)) {
      return nullptr;
    }
    if (auto it = nodes.find(candidate); it != nodes.end()) {
      return follow_links(nodes, &it->second);
    }
    if (dir.empty()) {
      return nullptr;
    }
    dir = javascript::parent_folder(dir);
  }
}

struct Wanted {
  model::RelationshipType type;
  // Missing is normal: optional dependencies skipped on this platform, peers
  // npm was told not to install, dev dependencies of an outside folder.
  bool may_be_missing;
};

// The dependencies `node` declares, each with the edge type it gets. Later
// kinds override earlier ones as npm does: optionalDependencies wins over
// dependencies, which wins over devDependencies and peerDependencies.
std::map<std::string, Wanted> wanted_dependencies(Lockfile& lock, const Node& node,
                                                  std::string_view where) {
  using model::RelationshipType;
  std::map<std::string, Wanted> wanted;
  const json::Value entry = node.entry;
  const json::Value peer_meta = entry["peerDependenciesMeta"];
  for (auto& [name, spec] : lock.dependency_specs(entry, "peerDependencies", where)) {
    const json::Value meta = peer_meta[name];
    bool optional = meta.exists() && lock.flag(meta, "optional", where);
    wanted[name] = Wanted{
        optional ? RelationshipType::optional_depends_on : RelationshipType::depends_on, true};
  }
  bool installs_dev = node.role != PackageRole::dependency;
  for (auto& [name, spec] : lock.dependency_specs(entry, "devDependencies", where)) {
    wanted[name] = Wanted{RelationshipType::dev_depends_on, !installs_dev};
  }
  for (auto& [name, spec] : lock.dependency_specs(entry, "dependencies", where)) {
    wanted[name] = Wanted{RelationshipType::depends_on, false};
  }
  for (auto& [name, spec] : lock.dependency_specs(entry, "optionalDependencies", where)) {
    wanted[name] = Wanted{RelationshipType::optional_depends_on, true};
  }
  return wanted;
}

// Adds the component of one non-root entry, or records where a link points.
void add_entry(Lockfile& lock, const std::vector<std::string>& workspaces, const std::string& key,
               json::Value entry, Nodes& nodes) {
  std::string where = where_of(key);
  if (!entry.is_object()) {
    lock.report().warn(where + " is not an object");
    return;
  }
  if (lock.flag(entry, "link", where)) {
    std::string target = javascript::normalize_folder(lock.text(entry, "resolved", where));
    if (target.empty()) {
      lock.report().warn(where + ": a link without \"resolved\"");
      return;
    }
    nodes[key] = Node{entry, "", std::move(target), PackageRole::dependency};
    return;
  }

  PackageFacts facts;
  std::string_view installed = installed_name(key);
  facts.name = lock.text(entry, "name", where);
  if (installed.empty()) {
    // A folder of the project, or outside it: reached through a link.
    facts.link = true;
    facts.role = is_workspace(workspaces, key) ? PackageRole::workspace : PackageRole::dependency;
    if (facts.name.empty()) {
      facts.name = key.substr(key.rfind('/') + 1);
    }
  } else if (facts.name.empty()) {
    facts.name = installed;
  } else if (facts.name != installed) {
    facts.alias = installed;
  }
  facts.version = lock.text(entry, "version", where);
  lock.read_common_facts(entry, where, facts);
  nodes[key] = Node{entry, lock.add(facts), "", facts.role};
}

} // namespace

void read_packages_map(Lockfile& lock, json::Value document, json::Value packages) {
  json::Value root = packages[""];
  if (root.exists() && !root.is_object()) {
    lock.report().warn(where_of("") + " is not an object");
    root = json::Value();
  }
  auto workspaces = workspace_patterns(lock, root);

  Nodes nodes;
  std::string root_id = lock.add_root(root_facts(lock, document, root));
  nodes[""] = Node{root, root_id, "", PackageRole::root};

  std::size_t count = 0;
  for (const auto& [key, entry] : members_by_name(packages)) {
    if (key.empty()) {
      continue;
    }
    if (++count > k_max_packages) {
      lock.report().omit("more than " + std::to_string(k_max_packages) +
                         " packages; the rest of the lockfile is not read");
      break;
    }
    add_entry(lock, workspaces, std::string(key), entry, nodes);
  }

  for (const auto& [key, node] : nodes) {
    if (node.id.empty()) {
      continue;
    }
    if (node.role == PackageRole::workspace) {
      // npm installs every workspace with the project, so the project needs
      // it the way it needs a dependency.
      lock.context().graph().relate(root_id, node.id, model::RelationshipType::depends_on);
    }
    std::string where = where_of(key);
    for (const auto& [name, wanted] : wanted_dependencies(lock, node, where)) {
      const Node* target = resolve(lock, nodes, key, name);
      if (target != nullptr) {
        lock.context().graph().relate(node.id, target->id, wanted.type);
      } else if (lock.out_of_budget()) {
        return;
      } else if (!wanted.may_be_missing) {
        lock.count_unresolved(key.empty() ? std::string("(root)") : key, name);
      }
    }
  }
}

} // namespace kensa::scanner::npm
