#include "project.hpp"

#include "../common/parsers/json_file.hpp"
#include "composer_package.hpp"
#include "package_set.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/path_text.hpp>

#include <map>
#include <optional>

namespace kensa::scanner::composer {

namespace {

constexpr std::size_t k_max_project_requires = 10'000;

struct ProjectFolder {
  const source::SourceFile* manifest = nullptr;
  const source::SourceFile* lockfile = nullptr;
};

struct Requirement {
  std::string name;
  std::string constraint;
  bool development = false;
};

std::vector<Requirement> requirements_of(FileReport& report, json::Value manifest) {
  std::vector<Requirement> requirements;
  for (auto [key, development] : {std::pair{"require", false}, std::pair{"require-dev", true}}) {
    json::Value list = manifest[key];
    for (auto it = list.begin(); it != list.end(); ++it) {
      if (requirements.size() >= k_max_project_requires) {
        report.warn("more than " + std::to_string(k_max_project_requires) +
                    " requirements; the rest are left out");
        return requirements;
      }
      if (names_package(it.key())) {
        requirements.push_back(
            Requirement{std::string(it.key()), std::string(it.value().string()), development});
      }
    }
  }
  return requirements;
}

std::string folder_name(const ScanContext& context, const source::SourceFile& file) {
  std::string_view folder = folder_of(file.location);
  if (folder.empty() || folder.ends_with('/')) {
    return context.root_name().empty() ? std::string("composer.json") : context.root_name();
  }
  return std::string(file_name_of(folder));
}

// The project itself: its name, version, licenses and description as
// composer.json gives them, without a purl (it is the code being scanned).
std::string add_project(FileReport& report, const source::SourceFile& file, json::Value manifest) {
  ScanContext& context = report.context();
  model::Component project;
  project.type = model::ComponentType::application;
  project.ecosystem = "composer";
  std::string name(manifest["name"].string());
  if (name.empty()) {
    name = folder_name(context, file);
  }
  std::size_t slash = name.find('/');
  if (slash != std::string::npos) {
    project.group = name.substr(0, slash);
    project.name = name.substr(slash + 1);
  } else {
    project.name = name;
  }
  project.version = std::string(manifest["version"].string());
  project.description = std::string(manifest["description"].string());
  json::Value license = manifest["license"];
  if (license.is_string()) {
    project.licenses_declared.push_back(model::license_from_text(license.string()));
  }
  for (json::Value item : license.is_array() ? license : json::Value()) {
    if (item.is_string()) {
      project.licenses_declared.push_back(model::license_from_text(item.string()));
    }
  }
  project.evidence.push_back(context.evidence_for(file));
  std::string id = context.graph().add(std::move(project));
  if (!context.subject_id().empty()) {
    context.graph().relate(context.subject_id(), id, model::RelationshipType::describes);
  }
  return id;
}

// A requirement no lockfile pins: the package by name, without a version.
std::string add_declared(FileReport& report, const source::SourceFile& file,
                         const Requirement& requirement) {
  ComposerPackage package;
  package.name = requirement.name;
  package.development = requirement.development;
  model::Component component =
      make_package_component(package, report.context().evidence_for(file), report);
  if (!component.group.empty()) {
    if (auto purl = model::make_purl("composer", component.group, component.name, "")) {
      component.purl = purl->to_string();
    }
  }
  if (!requirement.constraint.empty()) {
    component.add_property("kensa:composer:constraint", requirement.constraint);
  }
  return report.context().graph().add(std::move(component));
}

void read_folder(ScanContext& context, const ProjectFolder& folder) {
  std::optional<PackageSet> locked;
  if (folder.lockfile != nullptr) {
    FileReport report(context, *folder.lockfile);
    read_guarded(report, [&] {
      auto document = read_json_object(report, folder.lockfile->contents, "a composer.lock");
      if (!document) {
        return;
      }
      PackageSet packages;
      packages.read(report, document->root()["packages"], "packages", false);
      packages.read(report, document->root()["packages-dev"], "packages-dev", true);
      packages.add_to_graph(report, context.evidence_for(*folder.lockfile));
      locked = std::move(packages);
    });
  }
  if (folder.manifest == nullptr) {
    return;
  }
  FileReport report(context, *folder.manifest);
  read_guarded(report, [&] {
    auto document = read_json_object(report, folder.manifest->contents, "a composer.json");
    if (!document) {
      return;
    }
    json::Value manifest = document->root();
    std::string project_id = add_project(report, *folder.manifest, manifest);
    for (const auto& requirement : requirements_of(report, manifest)) {
      std::string target = locked ? locked->id_of(requirement.name) : std::string();
      if (target.empty()) {
        target = add_declared(report, *folder.manifest, requirement);
      }
      context.graph().relate(project_id, target,
                             requirement.development ? model::RelationshipType::dev_depends_on
                                                     : model::RelationshipType::depends_on);
    }
  });
}

bool has_vendor_segment(std::string_view path) {
  return path.starts_with("vendor/") || path.find("/vendor/") != std::string_view::npos;
}

} // namespace

void read_projects(ScanContext& context, const FileSet& files) {
  std::map<std::string, ProjectFolder> folders;
  for (const auto& file : files) {
    auto& folder = folders[std::string(folder_of(file.location))];
    (file_name_of(file.path) == "composer.lock" ? folder.lockfile : folder.manifest) = &file;
  }
  for (const auto& [location, folder] : folders) {
    FileReport report(context, location.empty() ? "the top folder" : location);
    read_guarded(report, [&context, &project = folder] { read_folder(context, project); });
  }
}

bool is_project_file(const ScanContext& context, const source::SourceFile& file) {
  (void)context;
  return !has_vendor_segment(file.path);
}

} // namespace kensa::scanner::composer
