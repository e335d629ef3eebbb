// One pnpm-lock.yaml: the importers (the project and its workspaces, with
// their direct dependencies by kind), the packages (5.x, 6.x: everything;
// 9.x: resolution and metadata) and the snapshots (9.x: one per package and
// set of resolved peers, with its dependencies).
#include "pnpm_scanner.hpp"

#include "../common/javascript/lockfile_graph.hpp"
#include "../common/javascript/paths.hpp"
#include "../common/javascript/project_lockfile.hpp"
#include "../common/parsers/yaml_text.hpp"
#include "pnpm_key.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>

#include <map>

namespace kensa::scanner::pnpm {

using javascript::EdgeKind;
using javascript::PackageGraph;
using scanner::child;
using scanner::scalar;

namespace {

std::size_t line_of(const YAML::Node& node) {
  return node.Mark().is_null() ? 0 : static_cast<std::size_t>(node.Mark().line) + 1;
}

class PnpmLock : javascript::LockfileGraph {
 public:
  PnpmLock(FileReport& report, const source::SourceFile& file,
           javascript::ProjectManifests& projects)
      : LockfileGraph(report, file), m_projects(projects) {}

  void read(const YAML::Node& document) {
    std::string version = scalar(child(document, "lockfileVersion"));
    m_style = version.starts_with("5") || version.starts_with("4") || version.starts_with("3")
                  ? KeyStyle::slash
                  : KeyStyle::at;
    if (!version.empty() && !version.starts_with("5") && !version.starts_with("6") &&
        !version.starts_with("7") && !version.starts_with("9")) {
      m_report.warn("lockfileVersion " + version + " is not one of 5.x, 6.x, 9.x; read as " +
                    (m_style == KeyStyle::slash ? "5.x" : "6.x/9.x"));
    }
    YAML::Node packages = child(document, "packages");
    YAML::Node snapshots = child(document, "snapshots");
    read_packages(packages, snapshots);

    YAML::Node importers = child(document, "importers");
    if (importers.IsMap()) {
      // Sorted so that "." (the project) comes first.
      std::map<std::string, YAML::Node> sorted;
      for (auto it = importers.begin(); it != importers.end(); ++it) {
        sorted.emplace(scalar(it->first), it->second);
      }
      for (auto& [path, importer] : sorted) {
        add_importer(path, importer);
      }
    } else {
      // A single project: 5.x and 6.x keep its dependencies at the top.
      add_importer(".", document);
    }
    for (auto& [path, node] : m_importer_nodes) {
      if (node != m_root) {
        m_graph.relate(m_root, node, EdgeKind::prod);
      }
    }
    for (auto& [path, importer] : m_importer_yaml) {
      relate_importer(m_importer_nodes[path], path, importer);
    }
    for (const auto& [node, entry] : m_package_entries) {
      relate_package(node, entry);
    }
    finish();
  }

 private:
  javascript::ProjectManifests& m_projects;
  KeyStyle m_style = KeyStyle::at;
  PackageGraph::NodeId m_root = 0;
  std::map<std::string, PackageGraph::NodeId, std::less<>> m_by_key;
  std::map<std::string, PackageGraph::NodeId, std::less<>> m_importer_nodes;
  std::map<std::string, YAML::Node, std::less<>> m_importer_yaml;
  // Each package's entry, to relate once every package is known. yaml-cpp
  // shares an aliased node, and so does this: a crafted lockfile whose
  // snapshots all name one big map through an alias costs one map, not
  // one copy per snapshot.
  std::vector<std::pair<PackageGraph::NodeId, YAML::Node>> m_package_entries;

  void relate_package(PackageGraph::NodeId from, const YAML::Node& entry) {
    for (auto [field, kind] : {std::pair{"dependencies", EdgeKind::prod},
                               std::pair{"optionalDependencies", EdgeKind::optional}}) {
      YAML::Node map = child(entry, field);
      if (!map.IsMap()) {
        continue;
      }
      for (auto it = map.begin(); it != map.end(); ++it) {
        relate_key(from, scalar(it->first), scalar(it->second), kind, "");
      }
    }
  }

  javascript::PackageFacts facts_for(const std::string& key, const YAML::Node& entry) {
    PackageKey parsed = parse_package_key(key, m_style);
    javascript::PackageFacts facts;
    facts.name = scalar(child(entry, "name"));
    facts.version = scalar(child(entry, "version"));
    if (facts.name.empty()) {
      facts.name = parsed.name;
    }
    if (facts.version.empty()) {
      facts.version = parsed.version;
    }
    YAML::Node resolution = child(entry, "resolution");
    facts.integrity = scalar(child(resolution, "integrity"));
    facts.resolved = scalar(child(resolution, "tarball"));
    if (std::string repo = scalar(child(resolution, "repo")); !repo.empty()) {
      facts.source = repo;
      if (std::string commit = scalar(child(resolution, "commit")); !commit.empty()) {
        facts.source += "#" + commit;
      }
    }
    if (std::string directory = scalar(child(resolution, "directory")); !directory.empty()) {
      facts.link = true;
      facts.source = "file:" + directory;
    }
    return facts;
  }

  void read_packages(const YAML::Node& packages, const YAML::Node& snapshots) {
    if (packages.IsDefined() && !packages.IsNull() && !packages.IsMap()) {
      m_report.warn_at(line_of(packages), "\"packages\" is not a map");
      return;
    }
    // 9.x: a snapshot per (package, peers), its metadata in packages under
    // the key without peers. Before 9.x, packages holds both.
    bool split = snapshots.IsMap();
    const YAML::Node& listing = split ? snapshots : packages;
    if (!listing.IsMap()) {
      return;
    }
    std::map<std::string, YAML::Node, std::less<>> metadata;
    if (split && packages.IsMap()) {
      for (auto it = packages.begin(); it != packages.end(); ++it) {
        metadata.emplace(scalar(it->first), it->second);
      }
    }
    std::size_t count = 0;
    for (auto it = listing.begin(); it != listing.end(); ++it) {
      if (++count > javascript::k_max_lockfile_packages) {
        m_report.omit("more than " + std::to_string(javascript::k_max_lockfile_packages) +
                      " packages; the rest of the lockfile is not read");
        break;
      }
      std::string key(strip_slash(scalar(it->first)));
      YAML::Node entry = it->second;
      if (key.empty() || !(entry.IsMap() || entry.IsNull())) {
        m_report.warn_at(line_of(it->first), "a package entry that is not \"key: {fields}\"");
        continue;
      }
      // yaml-cpp's Node::operator= writes through to the node referred to,
      // so the metadata node is chosen without assigning to `entry`'s.
      auto found = metadata.end();
      if (split) {
        PackageKey parsed = parse_package_key(key, m_style);
        std::string base = parsed.name.empty() ? key : parsed.name + "@" + parsed.version;
        found = metadata.find(base);
        if (found == metadata.end()) {
          found = metadata.find(key);
        }
      }
      javascript::PackageFacts facts =
          facts_for(key, found != metadata.end() ? found->second : entry);
      if (facts.name.empty()) {
        m_report.warn_at(line_of(it->first), "package \"" + key + "\" has no name; skipped");
        continue;
      }
      PackageGraph::NodeId node = m_graph.add(std::move(facts), m_evidence);
      m_by_key[key] = node;
      m_package_entries.emplace_back(node, entry);
    }
  }

  void add_importer(const std::string& path, const YAML::Node& importer) {
    std::string relative = javascript::normalize_folder(path);
    std::string folder = join_path(m_folder, relative);
    bool root = relative.empty();
    javascript::PackageFacts facts;
    facts.role = root ? javascript::PackageRole::root : javascript::PackageRole::workspace;
    facts.link = !root;
    javascript::PackageDetails details;
    if (const auto* manifest = m_projects.find(folder)) {
      facts.name = manifest->name;
      facts.version = manifest->version;
      javascript::add_manifest_details(*manifest, details);
    }
    if (facts.name.empty()) {
      std::string_view base = std::string_view(folder).substr(folder.rfind('/') + 1);
      facts.name = base.empty() ? std::string("(project)") : std::string(base);
    }
    PackageGraph::NodeId node = m_graph.add(std::move(facts), m_evidence, std::move(details));
    if (root) {
      m_root = node;
    }
    m_importer_nodes[relative.empty() ? "." : relative] = node;
    m_importer_yaml.emplace(relative.empty() ? "." : relative, importer);
  }

  void relate_key(PackageGraph::NodeId from, const std::string& name, const std::string& value,
                  EdgeKind kind, std::string_view importer) {
    if (value.starts_with("link:")) {
      std::string target = javascript::normalize_folder(value.substr(5));
      // Relative to the importer's folder; a folder outside the lockfile's
      // is no importer.
      auto joined = resolve_inside(importer == "." ? std::string_view{} : importer, target);
      auto it =
          joined ? m_importer_nodes.find(joined->empty() ? "." : *joined) : m_importer_nodes.end();
      if (it != m_importer_nodes.end()) {
        m_graph.relate(from, it->second, kind);
      }
      return;
    }
    std::string key = dependency_key(name, value, m_style);
    auto it = m_by_key.find(key);
    if (it != m_by_key.end()) {
      m_graph.relate(from, it->second, kind);
    } else if (kind != EdgeKind::optional) {
      count_unresolved([&] { return name + " " + value; });
    }
  }

  void relate_importer(PackageGraph::NodeId node, const std::string& path,
                       const YAML::Node& importer) {
    for (auto [field, kind] :
         {std::pair{"dependencies", EdgeKind::prod}, std::pair{"devDependencies", EdgeKind::dev},
          std::pair{"optionalDependencies", EdgeKind::optional}}) {
      YAML::Node map = child(importer, field);
      if (!map.IsMap()) {
        continue;
      }
      for (auto it = map.begin(); it != map.end(); ++it) {
        // 6.x and 9.x: {specifier, version}; 5.x: the version alone.
        std::string value =
            it->second.IsMap() ? scalar(child(it->second, "version")) : scalar(it->second);
        relate_key(node, scalar(it->first), value, kind, path);
      }
    }
  }
};

// One pnpm-lock.yaml, its project's package.json files at hand.
void read_pnpm_lock(FileReport& report, const source::SourceFile& file,
                    javascript::ProjectManifests& projects) {
  YAML::Node document;
  if (!load_yaml(file.contents, report, document)) {
    return;
  }
  if (!document.IsMap()) {
    report.omit("not a pnpm lockfile: the top level is not a map");
    return;
  }
  PnpmLock(report, file, projects).read(document);
}

// Each pnpm-lock.yaml with the package.json files of its project and
// workspaces.
void read_pnpm_projects(ScanContext& context, const FileSet& files) {
  javascript::read_project_lockfiles(context, files, "**/pnpm-lock.yaml", &read_pnpm_lock);
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("pnpm projects",
               patterns_of_kind({"**/pnpm-lock.yaml", "**/package.json"}, EvidenceKind::declared),
               &read_pnpm_projects),
  }});
}

} // namespace kensa::scanner::pnpm
