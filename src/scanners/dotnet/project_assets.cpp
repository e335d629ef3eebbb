#include "project_assets.hpp"

#include "../common/parsers/json_file.hpp"
#include "nuget_component.hpp"

#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>
#include <set>

namespace kensa::scanner::dotnet {

namespace {

// The project the file belongs to: restore writes its name, and the file
// lies in <project>/obj/ when it does not.
std::string assets_project_name(const ScanContext& context, const source::SourceFile& file,
                                json::Value root) {
  std::string_view name = root["project"]["restore"]["projectName"].string();
  if (!name.empty()) {
    return std::string(name);
  }
  std::string_view folder = folder_of(file.location);
  if (file_name_of(folder) == "obj") {
    folder = folder_of(folder);
  }
  if (folder.empty() || folder.ends_with('/')) {
    return context.root_name().empty() ? std::string("project.assets.json") : context.root_name();
  }
  return std::string(file_name_of(folder));
}

// "Name >= 1.0.0" (projectFileDependencyGroups): the name.
std::string_view requirement_name(std::string_view requirement) {
  return trim(requirement.substr(0, requirement.find(' ')));
}

class AssetsReader {
 public:
  AssetsReader(FileReport& report, const source::SourceFile& file)
      : m_report(report), m_graph(report.context().graph()),
        m_evidence(report.context().evidence_for(file)) {}

  void read_libraries(json::Value libraries) {
    std::size_t count = 0;
    for (auto [key, library] : members_by_name(libraries)) {
      if (++count > k_max_packages) {
        m_report.omit("more than " + std::to_string(k_max_packages) +
                      " libraries; the rest are not read");
        return;
      }
      auto [name, version] = split_library_key(key);
      if (!library.is_object() || name.empty() || version.empty()) {
        m_report.warn("library \"" + std::string(key.substr(0, 200)) +
                      "\" is not \"Name/Version\" with an object; skipped");
        continue;
      }
      std::string_view type = library["type"].string();
      std::string id;
      if (type == "package") {
        id = m_graph.add(make_package_component(name, version, library["sha512"].string(),
                                                m_evidence, m_report));
      } else if (type == "project") {
        id = m_graph.add(
            make_project_component(name, version, model::ComponentType::library, m_evidence));
      } else {
        continue;
      }
      m_ids[library_key(name, version)] = id;
    }
  }

  // Edges among the entries of each target; fills the names each target
  // resolved, for the project's direct dependencies.
  void read_targets(json::Value targets) {
    for (auto [framework, entries] : members_by_name(targets)) {
      auto& resolved = m_resolved[std::string(framework)];
      std::vector<std::pair<std::string, json::Value>> dependencies;
      for (auto [key, entry] : members_by_name(entries)) {
        auto [name, version] = split_library_key(key);
        auto found = m_ids.find(library_key(name, version));
        if (found == m_ids.end()) {
          continue;
        }
        resolved[to_lower_ascii(name)] = found->second;
        dependencies.emplace_back(found->second, entry["dependencies"]);
      }
      for (const auto& [from, names] : dependencies) {
        relate_names(from, names, resolved);
      }
    }
  }

  // The project's direct dependencies, per framework.
  void relate_project(const std::string& project_id, json::Value root) {
    for (auto [framework, settings] : members_by_name(root["project"]["frameworks"])) {
      std::set<std::string> names;
      for (auto [name, value] : members_by_name(settings["dependencies"])) {
        names.insert(to_lower_ascii(name));
      }
      relate_direct(project_id, framework, names);
    }
    for (auto [framework, group] : members_by_name(root["projectFileDependencyGroups"])) {
      std::set<std::string> names;
      for (auto it = group.begin(); it != group.end(); ++it) {
        names.insert(to_lower_ascii(requirement_name(it.value().string())));
      }
      relate_direct(project_id, framework, names);
    }
  }

 private:
  using Resolved = std::map<std::string, std::string>;

  static std::string library_key(std::string_view name, std::string_view version) {
    return to_lower_ascii(name) + "/" + to_lower_ascii(version);
  }

  void relate_names(const std::string& from, json::Value names, const Resolved& resolved) {
    std::size_t count = 0;
    for (auto it = names.begin(); it != names.end(); ++it) {
      if (++count > k_max_dependencies) {
        m_report.warn("a library has more than " + std::to_string(k_max_dependencies) +
                      " dependencies; the rest are left out");
        return;
      }
      auto to = resolved.find(to_lower_ascii(it.key()));
      if (to != resolved.end() && to->second != from) {
        m_graph.relate(from, to->second, model::RelationshipType::depends_on);
      }
    }
  }

  // projectFileDependencyGroups and project.frameworks name a framework by
  // its alias ("net8.0") or, in files of older SDKs, by its full name
  // (".NETCoreApp,Version=v3.1"); targets mostly use the same spelling,
  // with runtime-specific ones ("net8.0/linux-x64") beside it.
  void relate_direct(const std::string& project_id, std::string_view framework,
                     const std::set<std::string>& names) {
    std::vector<const Resolved*> targets;
    for (const auto& [target, resolved] : m_resolved) {
      if (target == framework ||
          std::string_view(target).starts_with(std::string(framework) + "/")) {
        targets.push_back(&resolved);
      }
    }
    // A framework spelled differently from the targets ("netcoreapp3.1"
    // beside ".NETCoreApp,Version=v3.1"): with one target, it is that one.
    if (targets.empty() && m_resolved.size() == 1) {
      targets.push_back(&m_resolved.begin()->second);
    }
    for (const auto* resolved : targets) {
      for (const auto& name : names) {
        auto to = resolved->find(name);
        if (to != resolved->end()) {
          m_graph.relate(project_id, to->second, model::RelationshipType::depends_on);
        }
      }
    }
  }

  FileReport& m_report;
  model::ComponentGraph& m_graph;
  model::Evidence m_evidence;
  std::map<std::string, std::string> m_ids;
  std::map<std::string, Resolved> m_resolved;
};

} // namespace

void parse_project_assets(FileReport& report, const source::SourceFile& file) {
  auto document = read_json_object(report, file.contents, "a project.assets.json");
  if (!document) {
    return;
  }
  json::Value root = document->root();
  json::Value libraries = root["libraries"];
  if (!libraries.is_object()) {
    report.omit("not a project.assets.json: no \"libraries\" object");
    return;
  }
  ScanContext& context = report.context();
  std::string project_id = context.graph().add(make_project_component(
      assets_project_name(context, file, root), root["project"]["version"].string(),
      model::ComponentType::application, context.evidence_for(file)));
  if (!context.subject_id().empty()) {
    context.graph().relate(context.subject_id(), project_id, model::RelationshipType::describes);
  }
  AssetsReader reader(report, file);
  reader.read_libraries(libraries);
  reader.read_targets(root["targets"]);
  reader.relate_project(project_id, root);
}

} // namespace kensa::scanner::dotnet
