#include "cargo_lock.hpp"

#include "../common/parsers/toml_text.hpp"
#include "cargo_workspace.hpp"
#include "rust_component.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace kensa::scanner::rust {

namespace {

// Far above real lockfiles (large workspaces have a few thousand packages).
constexpr std::size_t k_max_packages = 200'000;

struct LockedPackage {
  std::string name;
  std::string version;
  std::string source;
  std::string checksum;
  std::vector<std::string> dependencies;
  std::string id;
};

// "name", "name version" or "name version (source)".
struct DependencyReference {
  std::string name;
  std::string version;
  std::string source;
};

std::optional<DependencyReference> parse_reference(std::string_view text) {
  DependencyReference reference;
  std::size_t space = text.find(' ');
  reference.name = std::string(text.substr(0, space));
  if (reference.name.empty()) {
    return std::nullopt;
  }
  if (space == std::string_view::npos) {
    return reference;
  }
  std::string_view rest = text.substr(space + 1);
  space = rest.find(' ');
  reference.version = std::string(rest.substr(0, space));
  if (space != std::string_view::npos) {
    std::string_view source = rest.substr(space + 1);
    if (source.size() < 2 || source.front() != '(' || source.back() != ')') {
      return std::nullopt;
    }
    reference.source = std::string(source.substr(1, source.size() - 2));
  }
  return reference;
}

// Version 1 references name a git source without its query and revision
// ("git+https://host/repo" for "git+https://host/repo?branch=x#<rev>").
std::string_view source_key(std::string_view source) {
  if (source.starts_with("git+")) {
    return source.substr(0, std::min(source.find('?'), source.find('#')));
  }
  return source;
}

std::string text_at(const toml::table& table, std::string_view key) {
  if (auto value = table[key].value<std::string>()) {
    return *value;
  }
  return {};
}

// Version 1 lockfiles keep checksums apart: [metadata] "checksum <name>
// <version> (<source>)" = "<hex>".
std::map<std::string, std::string> metadata_checksums(const toml::table& root) {
  std::map<std::string, std::string> checksums;
  const auto* metadata = root["metadata"].as_table();
  if (metadata == nullptr) {
    return checksums;
  }
  for (const auto& [key, value] : *metadata) {
    std::string_view text = key.str();
    if (!text.starts_with("checksum ")) {
      continue;
    }
    if (auto checksum = value.value<std::string>(); checksum && *checksum != "<none>") {
      checksums.emplace(std::string(text.substr(9)), *checksum);
    }
  }
  return checksums;
}

std::string reference_text(const LockedPackage& package) {
  std::string text = package.name + " " + package.version;
  if (!package.source.empty()) {
    text += " (" + std::string(source_key(package.source)) + ")";
  }
  return text;
}

// The [[package]] tables, malformed ones reported and skipped.
std::vector<LockedPackage> read_packages(FileReport& report, const toml::array& packages,
                                         const std::map<std::string, std::string>& checksums) {
  std::vector<LockedPackage> locked;
  std::size_t index = 0;
  for (const auto& node : packages) {
    ++index;
    const auto* table = node.as_table();
    if (table == nullptr) {
      report.warn("package " + std::to_string(index) + " is not a table");
      continue;
    }
    LockedPackage package;
    package.name = text_at(*table, "name");
    package.version = text_at(*table, "version");
    package.source = text_at(*table, "source");
    package.checksum = text_at(*table, "checksum");
    if (package.name.empty()) {
      report.warn("package " + std::to_string(index) + " has no name; skipped");
      continue;
    }
    if (package.checksum.empty()) {
      auto found = checksums.find(reference_text(package));
      if (found != checksums.end()) {
        package.checksum = found->second;
      }
    }
    if (const auto* dependencies = (*table)["dependencies"].as_array()) {
      for (const auto& dependency : *dependencies) {
        if (auto text = dependency.value<std::string>()) {
          package.dependencies.push_back(*text);
        } else {
          report.warn("package " + package.name + ": a dependency is not a string; skipped");
        }
      }
    }
    locked.push_back(std::move(package));
  }
  return locked;
}

// The packages a dependency reference can mean.
std::vector<std::size_t> matches_of(const std::vector<LockedPackage>& locked,
                                    const std::multimap<std::string, std::size_t>& by_name,
                                    const DependencyReference& reference) {
  std::vector<std::size_t> matches;
  auto [begin, end] = by_name.equal_range(reference.name);
  for (auto it = begin; it != end; ++it) {
    const auto& candidate = locked[it->second];
    if ((reference.version.empty() || candidate.version == reference.version) &&
        (reference.source.empty() ||
         source_key(candidate.source) == source_key(reference.source))) {
      matches.push_back(it->second);
    }
  }
  // Path packages have no source, and cargo writes none in references
  // to them: "name version" then means the path package even when a
  // registry package of the same name and version exists.
  if (matches.size() > 1 && reference.source.empty()) {
    std::erase_if(matches, [&](std::size_t match) { return !locked[match].source.empty(); });
  }
  return matches;
}

// Each package's dependencies as indices into `locked`; a reference that
// does not name exactly one package is reported and left out.
std::vector<std::vector<std::size_t>> resolve_edges(FileReport& report,
                                                    const std::vector<LockedPackage>& locked) {
  std::multimap<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < locked.size(); ++i) {
    by_name.emplace(locked[i].name, i);
  }
  std::vector<std::vector<std::size_t>> edges(locked.size());
  for (std::size_t i = 0; i < locked.size(); ++i) {
    for (const auto& text : locked[i].dependencies) {
      auto reference = parse_reference(text);
      if (!reference) {
        report.warn("package " + locked[i].name + ": dependency \"" + text +
                    "\" is not 'name [version [(source)]]'");
        continue;
      }
      std::vector<std::size_t> matches = matches_of(locked, by_name, *reference);
      if (matches.size() != 1) {
        report.warn("package " + locked[i].name + " " + locked[i].version + ": dependency \"" +
                    text + "\" matches " + std::to_string(matches.size()) + " packages");
        continue;
      }
      edges[i].push_back(matches.front());
    }
  }
  return edges;
}

// The components and edges; the roots are the workspace packages nothing
// depends on.
void add_to_graph(FileReport& report, const source::SourceFile& file,
                  std::vector<LockedPackage>& locked,
                  const std::vector<std::vector<std::size_t>>& edges,
                  const std::set<std::string>* members, const CrateFolderFiles* crates) {
  std::set<std::size_t> depended_on;
  for (const auto& targets : edges) {
    depended_on.insert(targets.begin(), targets.end());
  }
  ScanContext& context = report.context();
  model::Evidence evidence = context.evidence_for(file);
  auto& graph = context.graph();
  std::map<std::string, std::size_t, std::less<>> versions_of_name;
  for (const auto& package : locked) {
    ++versions_of_name[package.name];
  }
  for (std::size_t i = 0; i < locked.size(); ++i) {
    auto& package = locked[i];
    model::Component component =
        make_crate_component(package.name, package.version, CrateSource{package.source},
                             package.checksum, evidence, report);
    bool local = package.source.empty();
    bool is_root = local && (members != nullptr ? members->count(package.name) > 0
                                                : depended_on.count(i) == 0);
    if (is_root) {
      component.type = model::ComponentType::application;
      component.scope = model::Scope::unknown;
      if (members != nullptr) {
        component.add_property(std::string(k_property_workspace_member), "true");
      }
    } else if (local) {
      component.add_property(std::string(k_property_local), "true");
    } else if (crates != nullptr) {
      add_vendored_license_evidence(component, *crates, file.location,
                                    versions_of_name[package.name] == 1);
    }
    package.id = graph.add(std::move(component));
    if (is_root) {
      graph.relate(context.subject_id(), package.id, model::RelationshipType::describes);
    }
  }
  for (std::size_t i = 0; i < locked.size(); ++i) {
    for (std::size_t target : edges[i]) {
      graph.relate(locked[i].id, locked[target].id, model::RelationshipType::depends_on);
    }
  }
}

} // namespace

void parse_cargo_lock(FileReport& report, const source::SourceFile& file,
                      const std::set<std::string>* members, const CrateFolderFiles* crates) {
  auto parsed = parse_toml(file.contents);
  if (!parsed) {
    report.omit(parsed.error());
    return;
  }
  toml::table& root = *parsed;
  if (auto version = root["version"].value<std::int64_t>();
      version && (*version < 1 || *version > 4)) {
    report.warn("Cargo.lock version " + std::to_string(*version) +
                " is not one kensa knows (1 to 4); read as version 4");
  }
  const auto* packages = root["package"].as_array();
  if (packages == nullptr) {
    if (root.contains("package")) {
      report.omit("\"package\" is not an array of tables");
    }
    return;
  }
  if (packages->size() > k_max_packages) {
    report.warn("more than " + std::to_string(k_max_packages) + " packages; not scanned");
    return;
  }
  std::vector<LockedPackage> locked = read_packages(report, *packages, metadata_checksums(root));
  const auto edges = resolve_edges(report, locked);
  add_to_graph(report, file, locked, edges, members, crates);
}

void read_cargo_projects(ScanContext& context, const FileSet& files) {
  CargoManifests manifests;
  CrateFolderFiles crates;
  crates.keep_unlisted_texts = context.keeps_unlisted_license_texts();
  crates.manifests = &manifests;
  for (const auto* file : files.pointers()) {
    const std::string_view name = file_name_of(file->path);
    if (name == "Cargo.toml") {
      manifests.emplace(file->location, file);
    } else if (name != "Cargo.lock" && context.reads_license_files()) {
      add_license_file(crates.licenses, *file);
    }
  }
  files.read_each(context, "**/Cargo.lock",
                  [&](FileReport& report, const source::SourceFile& file) {
                    auto members = workspace_members(context, manifests, file.location);
                    parse_cargo_lock(report, file, members ? &*members : nullptr, &crates);
                  });
  add_registry_crates(context, crates);
}

} // namespace kensa::scanner::rust
