#include "subject_name.hpp"

#include <algorithm>

namespace kensa::scanner {

namespace {

// The release files that describe a root file system itself, most
// authoritative first.
constexpr std::string_view k_root_release_files[] = {"etc/os-release", "usr/lib/os-release"};

const model::Component* distribution_of(const model::Document& document) {
  for (std::string_view file : k_root_release_files) {
    for (const auto& component : document.components) {
      if (component.type != model::ComponentType::operating_system) {
        continue;
      }
      for (const auto& evidence : component.evidence) {
        if (evidence.location == file) {
          return &component;
        }
      }
    }
  }
  return nullptr;
}

// Whether the component was found in a file at the top of the input.
bool found_at_top(const model::Component& component) {
  return std::any_of(component.evidence.begin(), component.evidence.end(),
                     [](const model::Evidence& evidence) {
                       return evidence.location.find('/') == std::string::npos;
                     });
}

// The one project a folder's top-level manifest declares, or nullptr.
const model::Component* project_of(const model::Document& document, const std::string& subject) {
  const model::Component* project = nullptr;
  for (const auto& relationship : document.relationships) {
    if (relationship.from != subject || relationship.type != model::RelationshipType::describes) {
      continue;
    }
    const model::Component* described = document.find(relationship.to);
    if (described == nullptr || !found_at_top(*described) || described->name.empty()) {
      continue;
    }
    if (project != nullptr &&
        (project->name != described->name || project->version != described->version)) {
      return nullptr; // Two projects: the folder is neither.
    }
    project = described;
  }
  return project;
}

} // namespace

void name_subject(model::Document& document, source::SourceKind kind) {
  if (!document.metadata.subject) {
    return;
  }
  model::Component& subject = *document.metadata.subject;
  if (kind == source::SourceKind::root_file_system) {
    if (const model::Component* distribution = distribution_of(document)) {
      subject.type = model::ComponentType::operating_system;
      subject.name = distribution->name;
      subject.version = distribution->version;
      subject.description = distribution->description;
      return;
    }
  }
  if (kind == source::SourceKind::folder || kind == source::SourceKind::root_file_system) {
    if (const model::Component* project = project_of(document, subject.id)) {
      subject.group = project->group;
      subject.name = project->name;
      subject.version = project->version;
      // The folder is that project: what its manifest declares as its
      // license is the subject's (package.json `license`, pyproject
      // `project.license`, Cargo.toml `package.license`, ...).
      if (subject.licenses_declared.empty()) {
        subject.licenses_declared = project->licenses_declared;
      }
      return;
    }
    if (subject.name.empty()) {
      subject.name = "/";
    }
  }
}

} // namespace kensa::scanner
