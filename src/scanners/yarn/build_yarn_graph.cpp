// From yarn.lock entries to components: one node per entry (per resolution
// in Berry), the project and its workspaces from their package.json, and
// edges found by looking each request up among the entries' requests.
#include "../common/javascript/lockfile_graph.hpp"
#include "../common/javascript/paths.hpp"
#include "yarn_lock.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace kensa::scanner::yarn {

using javascript::EdgeKind;
using javascript::Manifest;
using javascript::PackageGraph;

namespace {

constexpr std::string_view k_local_version = "0.0.0-use.local";

bool is_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

class YarnGraph : javascript::LockfileGraph {
 public:
  YarnGraph(FileReport& report, const source::SourceFile& file,
            javascript::ProjectManifests& projects)
      : LockfileGraph(report, file), m_projects(projects) {}

  void build(std::vector<YarnEntry>& entries, bool berry) {
    add_project(entries, berry);
    for (auto& entry : entries) {
      if (entry.workspace) {
        continue;
      }
      PackageGraph::NodeId node = add_entry(entry);
      for (const auto& descriptor : entry.descriptors) {
        m_by_descriptor.emplace(descriptor, node);
      }
      m_entry_nodes.emplace_back(&entry, node);
    }
    for (auto& [entry, node] : m_entry_nodes) {
      for (const auto& [name, range] : entry->dependencies) {
        relate(node, name, range,
               entry->optional_names.count(name) ? EdgeKind::optional : EdgeKind::prod);
      }
      for (const auto& [name, range] : entry->optional_dependencies) {
        relate(node, name, range, EdgeKind::optional);
      }
    }
    relate_folders();
    finish("request(s) have no entry in the lockfile");
  }

 private:
  javascript::ProjectManifests& m_projects;
  std::map<std::string, PackageGraph::NodeId, std::less<>> m_by_descriptor;
  std::map<std::string, PackageGraph::NodeId, std::less<>> m_workspace_by_name;
  std::vector<std::pair<YarnEntry*, PackageGraph::NodeId>> m_entry_nodes;

  // A project folder (the root, a workspace): from its package.json when
  // there is one, else from the lockfile's workspace entry.
  PackageGraph::NodeId add_folder(std::string_view folder, javascript::PackageRole role,
                                  const YarnEntry* entry) {
    const Manifest* manifest = m_projects.find(folder);
    javascript::PackageFacts facts;
    facts.role = role;
    facts.link = role == javascript::PackageRole::workspace;
    javascript::PackageDetails details;
    model::Evidence evidence = m_evidence;
    if (manifest != nullptr) {
      facts.name = manifest->name;
      facts.version = manifest->version;
      javascript::add_manifest_details(*manifest, details);
    }
    if (facts.name.empty() && entry != nullptr) {
      facts.name = entry->name;
    }
    if (facts.version.empty() && entry != nullptr && entry->version != k_local_version) {
      facts.version = entry->version;
    }
    if (facts.name.empty()) {
      // Yarn names an unnamed project after its folder, as npm does.
      std::string_view name = folder.substr(folder.rfind('/') + 1);
      facts.name = name.empty() ? std::string("(project)") : std::string(name);
    }
    PackageGraph::NodeId node = m_graph.add(std::move(facts), evidence, std::move(details));
    if (role == javascript::PackageRole::workspace) {
      m_workspace_by_name[m_graph.facts(node).name] = node;
    }
    m_folder_nodes.emplace_back(std::string(folder), node, entry);
    return node;
  }

  std::vector<std::tuple<std::string, PackageGraph::NodeId, const YarnEntry*>> m_folder_nodes;

  void add_project(std::vector<YarnEntry>& entries, bool berry) {
    const YarnEntry* root_entry = nullptr;
    std::vector<std::pair<std::string, const YarnEntry*>> workspaces;
    if (berry) {
      for (const auto& entry : entries) {
        if (!entry.workspace) {
          continue;
        }
        std::string relative = javascript::normalize_folder(entry.workspace_path);
        if (relative.empty()) {
          root_entry = &entry;
        } else {
          workspaces.emplace_back(join_path(m_folder, relative), &entry);
        }
      }
    } else {
      for (auto& folder : m_projects.workspaces(m_folder)) {
        workspaces.emplace_back(std::move(folder), nullptr);
      }
    }
    PackageGraph::NodeId root = add_folder(m_folder, javascript::PackageRole::root, root_entry);
    for (const auto& [folder, entry] : workspaces) {
      PackageGraph::NodeId workspace =
          add_folder(folder, javascript::PackageRole::workspace, entry);
      // Yarn installs every workspace with the project.
      m_graph.relate(root, workspace, EdgeKind::prod);
    }
  }

  PackageGraph::NodeId add_entry(const YarnEntry& entry) {
    javascript::PackageFacts facts;
    facts.name = entry.name;
    if (entry.version != k_local_version) {
      facts.version = entry.version;
    }
    facts.integrity = entry.integrity;
    facts.resolved = entry.resolved;
    facts.link = entry.link;
    javascript::PackageDetails details;
    // Yarn 1 puts the tarball's SHA-1 after '#' in the URL; it is the only
    // hash of packages from old registries that gave no integrity.
    if (auto hash = entry.resolved.rfind('#');
        facts.integrity.empty() && hash != std::string::npos) {
      std::string_view sha1 = std::string_view(entry.resolved).substr(hash + 1);
      if (sha1.size() == 40 && is_hex(sha1)) {
        details.hashes.push_back(model::Hash{model::HashAlgorithm::sha1, std::string(sha1)});
      }
    }
    if (!entry.resolved.empty()) {
      facts.resolved = entry.resolved.substr(0, entry.resolved.rfind('#'));
    }
    if (!entry.checksum.empty()) {
      details.properties.push_back({"kensa:yarn:checksum", entry.checksum});
    }
    if (entry.patch) {
      details.properties.push_back({"kensa:yarn:patch", entry.resolution});
    }
    auto [requested, range] = split_descriptor(entry.descriptors.front());
    if (requested != entry.name) {
      facts.alias = std::string(requested);
    }
    model::Evidence evidence = m_evidence;
    return m_graph.add(std::move(facts), std::move(evidence), std::move(details));
  }

  // Looks a request up: as written, then with Berry's default "npm:"
  // protocol, then among the workspaces by name.
  void relate(PackageGraph::NodeId from, std::string_view name, std::string_view range,
              EdgeKind kind) {
    std::string descriptor = std::string(name) + "@" + std::string(range);
    auto it = m_by_descriptor.find(descriptor);
    if (it == m_by_descriptor.end() && range.find(':') == std::string_view::npos) {
      it = m_by_descriptor.find(std::string(name) + "@npm:" + std::string(range));
    }
    if (it == m_by_descriptor.end()) {
      // Berry binds link: and portal: requests to the workspace asking for
      // them: "local@link:./local::locator=app%40workspace%3A.".
      auto bound = m_by_descriptor.lower_bound(descriptor + "::");
      if (bound != m_by_descriptor.end() && bound->first.starts_with(descriptor + "::")) {
        it = bound;
      }
    }
    if (it != m_by_descriptor.end()) {
      m_graph.relate(from, it->second, kind);
      return;
    }
    if (auto workspace = m_workspace_by_name.find(name); workspace != m_workspace_by_name.end()) {
      m_graph.relate(from, workspace->second, kind);
      return;
    }
    // Optional and peer dependencies may be left out on purpose.
    if (kind == EdgeKind::prod || kind == EdgeKind::dev) {
      count_unresolved([&] { return descriptor; });
    }
  }

 private:
  // The project's and workspaces' own requests, from package.json, or from
  // the lockfile's workspace entry when there is no package.json.
  void relate_folders() {
    for (const auto& [folder, node, entry] : m_folder_nodes) {
      const Manifest* manifest = m_projects.find(folder);
      if (manifest != nullptr) {
        std::map<std::string, std::pair<std::string, EdgeKind>> wanted;
        for (const auto& [name, range] : manifest->peer_dependencies) {
          wanted[name] = {range, manifest->optional_peers.count(name) ? EdgeKind::peer_optional
                                                                      : EdgeKind::peer};
        }
        for (const auto& [name, range] : manifest->dev_dependencies) {
          wanted[name] = {range, EdgeKind::dev};
        }
        for (const auto& [name, range] : manifest->dependencies) {
          wanted[name] = {range, EdgeKind::prod};
        }
        for (const auto& [name, range] : manifest->optional_dependencies) {
          wanted[name] = {range, EdgeKind::optional};
        }
        for (const auto& [name, request] : wanted) {
          // A peer the project lists is only a request to its own parent:
          // Yarn does not install it for the project.
          if (request.second == EdgeKind::peer || request.second == EdgeKind::peer_optional) {
            continue;
          }
          relate(node, name, request.first, request.second);
        }
      } else if (entry != nullptr) {
        for (const auto& [name, range] : entry->dependencies) {
          relate(node, name, range,
                 entry->optional_names.count(name) ? EdgeKind::optional : EdgeKind::prod);
        }
      }
    }
  }
};

} // namespace

void scan_yarn_lock(FileReport& report, const source::SourceFile& file,
                    javascript::ProjectManifests& projects) {
  std::string_view text = file.contents;
  std::vector<YarnEntry> entries;
  bool berry =
      text.find("\n__metadata:") != std::string_view::npos || text.starts_with("__metadata:");
  if (berry) {
    if (!parse_yarn_berry(text, report, entries)) {
      return;
    }
  } else {
    entries = parse_yarn_v1(text, report);
  }
  YarnGraph graph(report, file, projects);
  graph.build(entries, berry);
}

} // namespace kensa::scanner::yarn
