#include "mod_project.hpp"

#include "go_component.hpp"
#include "mod_files.hpp"
#include "module_folders.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace kensa::scanner::golang {

namespace {

// Go 1.17 made go.mod list every module the build needs ("pruned module
// graphs"); older ones list direct requirements only.
bool lists_all_requirements(std::string_view go_directive) {
  return compare_versions("v" + std::string(go_directive), "v1.17") >= 0;
}

struct Workspace {
  std::string location;
  ModFile file;
};

const Replacement* find_replacement(const std::vector<Replacement>& replaces,
                                    const Requirement& requirement) {
  const Replacement* any_version = nullptr;
  for (const auto& replacement : replaces) {
    if (replacement.old_path != requirement.path) {
      continue;
    }
    if (replacement.old_version == requirement.version) {
      return &replacement;
    }
    if (replacement.old_version.empty()) {
      any_version = &replacement;
    }
  }
  return any_version;
}

class ProjectBuilder {
 public:
  ProjectBuilder(ScanContext& context, const source::SourceFile& mod_file, const SumFile* sums,
                 const Workspace* workspace, const ModuleFolderFiles& folders)
      : m_context(context), m_sums(sums), m_workspace(workspace),
        m_evidence(context.evidence_for(mod_file)), m_folders(folders),
        m_folder(folder_of(mod_file.location)) {}

  void add(const ModFile& mod) {
    auto& graph = m_context.graph();
    model::Component main = make_module_component(mod.module, "", "", m_evidence);
    main.type = model::ComponentType::application;
    main.scope = model::Scope::unknown;
    if (!mod.go.empty()) {
      main.add_property(std::string(k_property_go_directive), mod.go);
    }
    if (!mod.toolchain.empty()) {
      main.add_property(std::string(k_property_toolchain), mod.toolchain);
    }
    if (m_workspace != nullptr) {
      main.add_property(std::string(k_property_workspace), m_workspace->location);
    }
    std::string main_id = graph.add(std::move(main));
    graph.relate(m_context.subject_id(), main_id, model::RelationshipType::describes);

    // Before Go 1.17 go.mod is not the build list: go.sum, which names every
    // module version of the module graph, gives the version minimal version
    // selection picks (the highest) and the modules go.mod leaves out.
    const bool from_graph = m_sums != nullptr && !lists_all_requirements(mod.go);
    const auto selected =
        from_graph ? selected_versions(*m_sums) : std::map<std::string, std::string>();
    std::set<std::string> listed;
    for (Requirement requirement : mod.requirements) {
      listed.insert(requirement.path);
      if (excluded(mod, requirement)) {
        continue;
      }
      if (auto found = selected.find(requirement.path);
          found != selected.end() && compare_versions(found->second, requirement.version) > 0) {
        requirement.version = found->second;
      }
      model::Component component = component_for(mod, requirement);
      add_vendored_license_evidence(component, m_folders, m_folder, requirement.path,
                                    requirement.version);
      std::string id = graph.add(std::move(component));
      if (!requirement.indirect) {
        graph.relate(main_id, id, model::RelationshipType::depends_on);
      }
    }
    if (from_graph) {
      add_graph_modules(mod, listed, selected);
    }
  }

 private:
  static bool excluded(const ModFile& mod, const Requirement& requirement) {
    for (const auto& [path, version] : mod.excludes) {
      if (path == requirement.path && version == requirement.version) {
        return true;
      }
    }
    return false;
  }

  std::string sum_of(const std::string& path, const std::string& version) const {
    if (m_sums == nullptr) {
      return {};
    }
    auto it = m_sums->module_hashes.find({path, version});
    return it == m_sums->module_hashes.end() ? std::string() : it->second;
  }

  model::Component component_for(const ModFile& mod, const Requirement& requirement) const {
    // A go.work's replace directives win over the module's own.
    const Replacement* replacement = nullptr;
    if (m_workspace != nullptr) {
      replacement = find_replacement(m_workspace->file.replaces, requirement);
    }
    if (replacement == nullptr) {
      replacement = find_replacement(mod.replaces, requirement);
    }
    model::Component component;
    if (replacement == nullptr) {
      component = make_module_component(requirement.path, requirement.version,
                                        sum_of(requirement.path, requirement.version), m_evidence);
    } else if (replacement->is_local()) {
      component = make_module_component(requirement.path, "", "", m_evidence);
      component.add_property(std::string(k_property_replaced_by), replacement->new_path);
    } else {
      component = make_module_component(replacement->new_path, replacement->new_version,
                                        sum_of(replacement->new_path, replacement->new_version),
                                        m_evidence);
      component.add_property(std::string(k_property_replaces),
                             requirement.path + "@" + requirement.version);
    }
    if (requirement.indirect) {
      component.add_property(std::string(k_property_indirect), "true");
    }
    return component;
  }

  // Each module path go.sum names, at the highest version it names (a
  // code hash or a "/go.mod" line): the versions below it were read only
  // for their go.mod files while building the graph, and are not in the
  // build list (`go list -m all`).
  static std::map<std::string, std::string> selected_versions(const SumFile& sums) {
    std::map<std::string, std::string> highest;
    for (const auto* hashes : {&sums.module_hashes, &sums.go_mod_hashes}) {
      for (const auto& [key, hash] : *hashes) {
        auto& best = highest[key.first];
        if (best.empty() || compare_versions(key.second, best) > 0) {
          best = key.second;
        }
      }
    }
    return highest;
  }

  bool is_replacement_target(const ModFile& mod, const std::string& path) const {
    auto names = [&](const std::vector<Replacement>& replaces) {
      return std::any_of(replaces.begin(), replaces.end(), [&](const Replacement& replacement) {
        return replacement.new_path == path;
      });
    };
    return names(mod.replaces) || (m_workspace != nullptr && names(m_workspace->file.replaces));
  }

  // The modules of the build list go.mod does not name. One whose selected
  // version has no code hash in go.sum provides no package to the build:
  // it is in the graph (its go.mod was read), not in the binary.
  void add_graph_modules(const ModFile& mod, const std::set<std::string>& listed,
                         const std::map<std::string, std::string>& selected) {
    for (const auto& [path, version] : selected) {
      if (listed.count(path) > 0 || path == mod.module || is_replacement_target(mod, path)) {
        continue;
      }
      Requirement requirement{path, version, true};
      if (excluded(mod, requirement)) {
        continue;
      }
      model::Component component = component_for(mod, requirement);
      component.add_property(std::string(k_property_listed_in), "go.sum");
      if (m_sums->module_hashes.count({path, version}) == 0) {
        component.add_property(std::string(k_property_go_mod_only), "true");
        component.scope = model::Scope::excluded;
      }
      m_context.graph().add(std::move(component));
    }
  }

  ScanContext& m_context;
  const SumFile* m_sums;
  const Workspace* m_workspace;
  model::Evidence m_evidence;
  const ModuleFolderFiles& m_folders;
  std::string m_folder;
};

void report(ScanContext& context, const source::SourceFile& file, const ProblemList& problems) {
  FileReport(context, file).warn_all(problems);
}

} // namespace

void add_mod_projects(ScanContext& context, const FileSet& files) {
  std::map<std::string, SumFile, std::less<>> sums;
  std::vector<Workspace> workspaces;
  // The go.mod folders each workspace uses, by location.
  std::map<std::string, const Workspace*> workspace_of;
  ModuleFolderFiles folders;
  folders.keep_unlisted_texts = context.keeps_unlisted_license_texts();
  for (const auto* file : files.pointers()) {
    ProblemList problems;
    std::string_view name = file_name_of(file->path);
    if (name == "modules.txt") {
      folders.vendored.emplace(folder_of(folder_of(file->location)),
                               parse_vendor_modules(file->contents));
      continue;
    }
    if (name != "go.mod" && name != "go.sum" && name != "go.work") {
      if (context.reads_license_files()) {
        add_license_file(folders.licenses, *file);
      }
      continue;
    }
    if (name == "go.sum") {
      sums.emplace(folder_of(file->location), parse_sum_file(file->contents, problems));
    } else if (name == "go.work") {
      workspaces.push_back(Workspace{file->location, parse_mod_file(file->contents, problems)});
    }
    report(context, *file, problems);
  }
  for (const auto& workspace : workspaces) {
    for (const auto& use : workspace.file.uses) {
      if (auto folder = resolve_inside(folder_of(workspace.location), use)) {
        workspace_of.emplace(join_path(*folder, "go.mod"), &workspace);
      }
    }
  }
  for (const auto* file : files.pointers()) {
    if (file_name_of(file->path) != "go.mod") {
      continue;
    }
    ProblemList problems;
    ModFile mod = parse_mod_file(file->contents, problems);
    report(context, *file, problems);
    if (mod.module.empty()) {
      FileReport(context, *file).warn("go.mod has no module directive; not scanned");
      continue;
    }
    auto sum = sums.find(folder_of(file->location));
    auto workspace = workspace_of.find(file->location);
    ProjectBuilder builder(context, *file, sum == sums.end() ? nullptr : &sum->second,
                           workspace == workspace_of.end() ? nullptr : workspace->second, folders);
    builder.add(mod);
  }
  add_module_cache_modules(context, folders);
}

} // namespace kensa::scanner::golang
