// Lockfile version 1 (npm 5 and 6): "dependencies" is a tree mirroring
// node_modules. Each entry says what it "requires" by name; node finds a name
// in the entry's own "dependencies", then in its parent's, and so on up to
// the top level.
#include "../common/parsers/json_file.hpp"
#include "lockfile.hpp"

#include <map>
#include <set>

namespace kensa::scanner::npm {

namespace {

constexpr std::size_t k_top = static_cast<std::size_t>(-1);

struct TreeNode {
  std::size_t parent = k_top;
  std::string name;
  json::Value entry;
  std::string id;
  bool dev = false;
  bool optional = false;
  // This entry or one above it is optional: npm may have left out what it
  // requires when it was not installed.
  bool under_optional = false;
};

class Tree {
 public:
  explicit Tree(Lockfile& lock) : m_lock(lock) {}

  // Reads every entry with an explicit stack rather than recursion, so that
  // the depth of a crafted file cannot exhaust the call stack.
  void read(json::Value top) {
    struct Pending {
      json::Value dependencies;
      std::size_t parent;
      std::size_t depth;
    };
    std::vector<Pending> pending{{top, k_top, 1}};
    bool depth_warned = false;
    while (!pending.empty()) {
      Pending current = pending.back();
      pending.pop_back();
      for (const auto& [key, entry] : members_by_name(current.dependencies)) {
        const std::string name(key);
        if (m_nodes.size() >= k_max_packages) {
          m_lock.report().omit("more than " + std::to_string(k_max_packages) +
                               " packages; the rest of the lockfile is not read");
          return;
        }
        std::string where = describe(current.parent, name);
        if (!entry.is_object()) {
          m_lock.report().warn(where + " is not an object");
          continue;
        }
        std::size_t index = add(current.parent, name, entry, where);
        const json::Value nested = entry["dependencies"];
        if (nested.is_null()) {
          continue;
        }
        if (!nested.is_object()) {
          m_lock.report().warn(where + ": \"dependencies\" is not an object");
        } else if (current.depth >= k_max_tree_depth) {
          if (!depth_warned) {
            m_lock.report().omit(where + ": nested deeper than " +
                                 std::to_string(k_max_tree_depth) +
                                 " levels; the deeper entries are not read");
            depth_warned = true;
          }
        } else {
          pending.push_back(Pending{nested, index, current.depth + 1});
        }
      }
    }
  }

  // Relates each entry to what it requires, and the project to the top-level
  // entries nothing requires.
  void relate(const std::string& root_id) {
    std::set<std::size_t> required;
    auto& graph = m_lock.context().graph();
    for (std::size_t index = 0; index < m_nodes.size(); ++index) {
      const TreeNode& node = m_nodes[index];
      std::string where = describe(node.parent, node.name);
      for (const auto& [name, spec] : m_lock.dependency_specs(node.entry, "requires", where)) {
        std::size_t target = resolve(index, name);
        if (target != k_top) {
          graph.relate(node.id, m_nodes[target].id, model::RelationshipType::depends_on);
          required.insert(target);
        } else if (m_lock.out_of_budget()) {
          break;
        } else if (!node.under_optional) {
          m_lock.count_unresolved(where, name);
        }
      }
    }
    // Version 1 does not record what the project itself depends on. A
    // top-level entry nothing else requires can only be there because the
    // project asked for it; entries also required by others may be direct
    // dependencies too, but the lockfile cannot tell.
    for (std::size_t index = 0; index < m_nodes.size(); ++index) {
      const TreeNode& node = m_nodes[index];
      if (node.parent != k_top || required.count(index) > 0) {
        continue;
      }
      auto type = node.dev        ? model::RelationshipType::dev_depends_on
                  : node.optional ? model::RelationshipType::optional_depends_on
                                  : model::RelationshipType::depends_on;
      graph.relate(root_id, node.id, type);
    }
  }

 private:
  std::size_t add(std::size_t parent, const std::string& name, json::Value entry,
                  const std::string& where) {
    PackageFacts facts;
    facts.name = name;
    std::string version = m_lock.text(entry, "version", where);
    if (auto alias = javascript::parse_alias_spec(version)) {
      facts.name = std::move(alias->name);
      facts.version = std::move(alias->version);
      facts.alias = name;
    } else if (javascript::looks_like_version(version)) {
      facts.version = std::move(version);
    } else {
      // A git, tarball or folder dependency: v1 writes where it came from
      // in place of the version, and the version itself is not recorded.
      facts.link = version.starts_with("file:");
      facts.source = std::move(version);
    }
    m_lock.read_common_facts(entry, where, facts);

    bool optional = facts.optional || facts.dev_optional;
    bool under_optional = optional || (parent != k_top && m_nodes[parent].under_optional);
    std::size_t index = m_nodes.size();
    m_nodes.push_back(
        TreeNode{parent, name, entry, m_lock.add(facts), facts.dev, optional, under_optional});
    m_children.emplace(std::make_pair(parent, name), index);
    return index;
  }

  // Index of the entry node finds for `name` required from `from`, or k_top.
  std::size_t resolve(std::size_t from, const std::string& name) {
    for (std::size_t scope = from;; scope = m_nodes[scope].parent) {
      if (!m_lock.spend(1)) {
        return k_top;
      }
      if (auto it = m_children.find(std::make_pair(scope, name)); it != m_children.end()) {
        return it->second;
      }
      if (scope == k_top) {
        return k_top;
      }
    }
  }

  // "dependencies entry \"a > b > c\"", shortened for deep entries so that a
  // crafted file cannot make messages as large as itself.
  std::string describe(std::size_t parent, const std::string& name) const {
    constexpr std::size_t k_shown = 6;
    std::vector<const std::string*> path{&name};
    std::size_t at = parent;
    for (; at != k_top && path.size() < k_shown; at = m_nodes[at].parent) {
      path.push_back(&m_nodes[at].name);
    }
    std::string text = "dependencies entry \"";
    if (at != k_top) {
      text += "... > ";
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      text += **it;
      if (std::next(it) != path.rend()) {
        text += " > ";
      }
    }
    text += '"';
    return text;
  }

  Lockfile& m_lock;
  std::vector<TreeNode> m_nodes;
  std::map<std::pair<std::size_t, std::string>, std::size_t> m_children;
};

} // namespace

void read_dependency_tree(Lockfile& lock, json::Value document, json::Value dependencies) {
  PackageFacts root;
  root.role = PackageRole::root;
  root.name = lock.text(document, "name", "the lockfile");
  root.version = lock.text(document, "version", "the lockfile");
  std::string root_id = lock.add_root(root);

  Tree tree(lock);
  tree.read(dependencies);
  tree.relate(root_id);
}

} // namespace kensa::scanner::npm
