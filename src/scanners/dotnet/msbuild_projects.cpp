#include "msbuild_projects.hpp"

#include "msbuild_file.hpp"
#include "nuget_component.hpp"

#include <kensa/source/source.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>

namespace kensa::scanner::dotnet {

namespace {

constexpr std::string_view k_central_file = "Directory.Packages.props";
constexpr std::string_view k_build_file = "Directory.Build.props";
constexpr std::string_view k_property_requested = "kensa:dotnet:requested-version";
// Far deeper than real trees; bounds a chain however the files import.
constexpr std::size_t k_max_chain = 64;

using Properties = std::map<std::string, std::string>;

// A Directory.*.props file, with its PackageVersions by lower-case name.
struct PropsFile {
  MsbuildFile file;
  std::map<std::string, std::string> versions;
};
// The Directory.*.props files read, by location.
using PropsFiles = std::map<std::string, PropsFile>;

// "1.2.3" is exact; "[1.2.3]" pins it; anything else (a range, a floating
// version, an unresolved property) names no single version.
std::optional<std::string> exact_version(std::string_view written) {
  written = trim(written);
  if (written.size() > 2 && written.front() == '[' && written.back() == ']' &&
      written.find(',') == std::string_view::npos) {
    written = trim(written.substr(1, written.size() - 2));
  }
  if (written.empty() || written.find_first_of("[]()*,$ ") != std::string_view::npos) {
    return std::nullopt;
  }
  return std::string(written);
}

// "..\Lib\Lib.csproj" -> "Lib".
std::string project_name_of(std::string_view path) {
  std::string name(path);
  for (char& c : name) {
    if (c == '\\') {
      c = '/';
    }
  }
  std::string_view file = file_name_of(name);
  std::size_t dot = file.rfind('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? file : file.substr(0, dot));
}

// Whether `file` imports the file of the same name above its own folder.
bool imports_above(const MsbuildFile& file, std::string_view name) {
  for (const auto& project : file.imports) {
    if (project.find("GetPathOfFileAbove") != std::string::npos &&
        project.find(name) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The files named `name` MSBuild imports for something in `folder` of the
// container `prefix`: the nearest at or above `folder`, then, while each
// imports the one above it, that one. Nearest first.
std::vector<const PropsFile*> chain_of(const PropsFiles& files, std::string_view prefix,
                                       std::string_view folder, std::string_view name) {
  std::vector<const PropsFile*> chain;
  bool searching = true;
  while (searching && chain.size() < k_max_chain) {
    auto found = files.find(std::string(prefix) + join_path(folder, name));
    if (found != files.end()) {
      chain.push_back(&found->second);
      searching = imports_above(found->second.file, name);
    }
    if (folder.empty()) {
      break;
    }
    folder = folder_of(folder);
  }
  return chain;
}

class ProjectReader {
 public:
  ProjectReader(FileReport& report, const source::SourceFile& file)
      : m_report(report), m_context(report.context()), m_graph(m_context.graph()),
        m_evidence(m_context.evidence_for(file)) {}

  void read(const MsbuildFile& project, std::string_view file_path,
            const std::vector<const PropsFile*>& build_chain,
            const std::vector<const PropsFile*>& central_chain) {
    m_central = &central_chain;
    m_properties = {&project.properties};
    for (const auto* chain : {&build_chain, &central_chain}) {
      for (const auto* props : *chain) {
        m_properties.push_back(&props->file.properties);
      }
    }
    std::string version;
    if (auto written = project.properties.find("version"); written != project.properties.end()) {
      version = exact_version(expand(written->second).value_or("")).value_or("");
    }
    std::string project_id = m_graph.add(make_project_component(
        project_name_of(file_path), version, model::ComponentType::application, m_evidence));
    if (!m_context.subject_id().empty()) {
      m_graph.relate(m_context.subject_id(), project_id, model::RelationshipType::describes);
    }
    for (const auto& reference : project.references) {
      add_reference(project_id, reference);
    }
    for (const auto* props : build_chain) {
      for (const auto& reference : props->file.references) {
        add_reference(project_id, reference);
      }
    }
    for (const auto* props : central_chain) {
      for (const auto& reference : props->file.global_references) {
        PackageItem global = reference;
        // NuGet treats every global reference as PrivateAssets="all":
        // they are build tools (analyzers, versioning) by design.
        global.private_assets = true;
        add_reference(project_id, global);
      }
    }
    for (const auto& reference : project.project_references) {
      std::string id = m_graph.add(make_project_component(
          project_name_of(reference.name), "", model::ComponentType::library, m_evidence));
      m_graph.relate(project_id, id, model::RelationshipType::depends_on);
    }
    report_unresolved();
  }

 private:
  std::optional<std::string> expand(std::string_view text) const {
    return expand_properties(text, m_properties);
  }

  // The version as written: VersionOverride, else Version, else the
  // nearest central PackageVersion.
  std::string written_version(const PackageItem& reference) const {
    if (!reference.version_override.empty()) {
      return reference.version_override;
    }
    if (!reference.version.empty()) {
      return reference.version;
    }
    std::string name = to_lower_ascii(reference.name);
    for (const auto* props : *m_central) {
      auto found = props->versions.find(name);
      if (found != props->versions.end()) {
        return found->second;
      }
    }
    return {};
  }

  void add_reference(const std::string& project_id, const PackageItem& reference) {
    std::string written = written_version(reference);
    std::optional<std::string> version;
    if (auto expanded = expand(written)) {
      version = exact_version(*expanded);
    }
    model::Component component;
    if (version) {
      component = make_package_component(reference.name, *version, "", m_evidence, m_report);
    } else {
      component = make_unversioned_package(reference.name, m_evidence);
      if (!written.empty()) {
        component.add_property(std::string(k_property_requested), written);
      }
      m_unresolved.push_back(reference.name +
                             (written.empty() ? " (no version)" : " (" + written + ")"));
    }
    if (reference.private_assets) {
      component.scope = model::Scope::excluded;
    }
    std::string id = m_graph.add(std::move(component));
    m_graph.relate(project_id, id, model::RelationshipType::depends_on);
  }

  void report_unresolved() {
    if (m_unresolved.empty()) {
      return;
    }
    std::string names;
    for (const auto& name : m_unresolved) {
      names += (names.empty() ? "" : ", ") + name;
    }
    m_report.warn(std::to_string(m_unresolved.size()) +
                  " package reference(s) name no exact version, so none is reported: " + names);
  }

  FileReport& m_report;
  ScanContext& m_context;
  model::ComponentGraph& m_graph;
  model::Evidence m_evidence;
  const std::vector<const PropsFile*>* m_central = nullptr;
  std::vector<const Properties*> m_properties;
  std::vector<std::string> m_unresolved;
};

} // namespace

void read_msbuild_projects(ScanContext& context, const FileSet& files) {
  PropsFiles props;
  for (std::string_view glob : {"**/Directory.Packages.props", "**/Directory.Build.props"}) {
    files.read_each(context, glob, [&](FileReport& report, const source::SourceFile& file) {
      if (auto read = read_msbuild_file(report, file.contents)) {
        PropsFile read_props;
        // The first PackageVersion of a name is the one NuGet takes (it
        // reports the others as duplicates).
        for (const auto& item : read->central_versions) {
          read_props.versions.emplace(to_lower_ascii(item.name), item.version);
        }
        read_props.file = std::move(*read);
        props.emplace(file.location, std::move(read_props));
      }
    });
  }
  for (std::string_view glob : {"**/*.csproj", "**/*.fsproj", "**/*.vbproj"}) {
    files.read_each(context, glob, [&](FileReport& report, const source::SourceFile& file) {
      auto project = read_msbuild_file(report, file.contents);
      if (!project) {
        return;
      }
      std::string_view prefix = source::container_prefix(file);
      std::string_view folder = folder_of(file.path);
      ProjectReader(report, file)
          .read(*project, file.path, chain_of(props, prefix, folder, k_build_file),
                chain_of(props, prefix, folder, k_central_file));
    });
  }
}

} // namespace kensa::scanner::dotnet
