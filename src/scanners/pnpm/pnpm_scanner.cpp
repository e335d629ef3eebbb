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

class PnpmLock : javascript::LockfileGraph {
 public:
  PnpmLock(FileReport& report, const source::SourceFile& file,
           javascript::ProjectManifests& projects)
      : LockfileGraph(report, file), m_projects(projects) {}

  void read(const YamlNode& document) {
    std::string version = scalar(child(document, "lockfileVersion"));
    m_style = version.starts_with("5") || version.starts_with("4") || version.starts_with("3")
                  ? KeyStyle::slash
                  : KeyStyle::at;
    if (!version.empty() && !version.starts_with("5") && !version.starts_with("6") &&
        !version.starts_with("7") && !version.starts_with("9")) {
      m_report.warn("lockfileVersion " + version + " is not one of 5.x, 6.x, 9.x; read as " +
                    (m_style == KeyStyle::slash ? "5.x" : "6.x/9.x"));
    }
    YamlNode packages = child(document, "packages");
    YamlNode snapshots = child(document, "snapshots");
    read_packages(packages, snapshots);

    YamlNode importers = child(document, "importers");
    if (importers.is_map()) {
      // Sorted so that "." (the project) comes first.
      std::map<std::string, YamlNode> sorted;
      for (const YamlEntry entry : importers.entries()) {
        sorted.emplace(scalar(entry.key), entry.value);
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
  std::map<std::string, YamlNode, std::less<>> m_importer_yaml;
  // Each package's entry, to relate once every package is known. The YAML
  // tree shares an aliased node, and so does this: a crafted lockfile whose
  // snapshots all name one big map through an alias costs one map, not
  // one copy per snapshot.
  std::vector<std::pair<PackageGraph::NodeId, YamlNode>> m_package_entries;

  void relate_package(PackageGraph::NodeId from, const YamlNode& entry) {
    for (auto [field, kind] : {std::pair{"dependencies", EdgeKind::prod},
                               std::pair{"optionalDependencies", EdgeKind::optional}}) {
      YamlNode map = child(entry, field);
      if (!map.is_map()) {
        continue;
      }
      for (const YamlEntry dependency : map.entries()) {
        relate_key(from, scalar(dependency.key), scalar(dependency.value), kind, "");
      }
    }
  }

  javascript::PackageFacts facts_for(const std::string& key, const YamlNode& entry) {
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
    YamlNode resolution = child(entry, "resolution");
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

  void read_packages(const YamlNode& packages, const YamlNode& snapshots) {
    if (packages.defined() && !packages.is_null() && !packages.is_map()) {
      m_report.warn_at(packages.line(), "\"packages\" is not a map");
      return;
    }
    // 9.x: a snapshot per (package, peers), its metadata in packages under
    // the key without peers. Before 9.x, packages holds both.
    bool split = snapshots.is_map();
    const YamlNode& listing = split ? snapshots : packages;
    if (!listing.is_map()) {
      return;
    }
    std::map<std::string, YamlNode, std::less<>> metadata;
    if (split) {
      for (const YamlEntry package : packages.entries()) {
        metadata.emplace(scalar(package.key), package.value);
      }
    }
    std::size_t count = 0;
    for (const YamlEntry listed : listing.entries()) {
      if (++count > javascript::k_max_lockfile_packages) {
        m_report.omit("more than " + std::to_string(javascript::k_max_lockfile_packages) +
                      " packages; the rest of the lockfile is not read");
        break;
      }
      std::string key(strip_slash(scalar(listed.key)));
      const YamlNode entry = listed.value;
      if (key.empty() || !(entry.is_map() || entry.is_null())) {
        m_report.warn_at(listed.key.line(), "a package entry that is not \"key: {fields}\"");
        continue;
      }
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
        m_report.warn_at(listed.key.line(), "package \"" + key + "\" has no name; skipped");
        continue;
      }
      PackageGraph::NodeId node = m_graph.add(std::move(facts), m_evidence);
      m_by_key[key] = node;
      m_package_entries.emplace_back(node, entry);
    }
  }

  void add_importer(const std::string& path, const YamlNode& importer) {
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
                       const YamlNode& importer) {
    for (auto [field, kind] :
         {std::pair{"dependencies", EdgeKind::prod}, std::pair{"devDependencies", EdgeKind::dev},
          std::pair{"optionalDependencies", EdgeKind::optional}}) {
      YamlNode map = child(importer, field);
      if (!map.is_map()) {
        continue;
      }
      for (const YamlEntry dependency : map.entries()) {
        // 6.x and 9.x: {specifier, version}; 5.x: the version alone.
        std::string value = dependency.value.is_map() ? scalar(child(dependency.value, "version"))
                                                      : scalar(dependency.value);
        relate_key(node, scalar(dependency.key), value, kind, path);
      }
    }
  }
};

// One pnpm-lock.yaml, its project's package.json files at hand.
void read_pnpm_lock(FileReport& report, const source::SourceFile& file,
                    javascript::ProjectManifests& projects) {
  auto document = load_yaml_map(file.contents, report, "a pnpm lockfile");
  if (!document) {
    return;
  }
  PnpmLock(report, file, projects).read(document->root());
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
