#include "component_files.hpp"

#include "package_files.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kensa::scanner {

namespace {

bool ends_with_ignore_case(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() &&
         equals_ignore_case(text.substr(text.size() - suffix.size()), suffix);
}

// Java archives, which the java scanner reads as one component each (the
// archive's own pom.properties or manifest), besides the package files.
bool is_java_archive_name(std::string_view name) {
  for (std::string_view extension : {".jar", ".war", ".ear", ".jpi", ".hpi", ".par", ".sar"}) {
    if (ends_with_ignore_case(name, extension)) {
      return true;
    }
  }
  return false;
}

// The wheel or egg whose own metadata sits at `location`
// ("x.whl!/x.dist-info/METADATA", "x.egg!/EGG-INFO/PKG-INFO"), or empty.
// Metadata deeper in the archive is a package vendored inside it, which is
// not the archive.
std::string_view python_archive_of(std::string_view location) {
  const auto cut = location.rfind("!/");
  if (cut == std::string_view::npos) {
    return {};
  }
  const std::string_view archive = location.substr(0, cut);
  const std::string_view member = location.substr(cut + 2);
  const auto slash = member.find('/');
  if (slash == std::string_view::npos || member.find('/', slash + 1) != std::string_view::npos) {
    return {};
  }
  const std::string_view folder = member.substr(0, slash);
  const std::string_view file = member.substr(slash + 1);
  if (ends_with_ignore_case(archive, ".whl") && folder.ends_with(".dist-info") &&
      file == "METADATA") {
    return archive;
  }
  if (ends_with_ignore_case(archive, ".egg") && folder == "EGG-INFO" && file == "PKG-INFO") {
    return archive;
  }
  return {};
}

// The last name of a location: an archive member's separator "!/" ends
// in '/' too.
std::string_view file_name_of(std::string_view location) {
  const auto cut = location.rfind('/');
  return cut == std::string_view::npos ? location : location.substr(cut + 1);
}

// The BSI taxonomy's properties of a component that is one file.
void add_file_properties(model::Component& component, std::string_view file_name,
                         const FileNature& nature) {
  component.add_property("bsi:component:filename", std::string(file_name));
  component.add_property("bsi:component:executable",
                         nature.executable ? "executable" : "non-executable");
  component.add_property("bsi:component:archive", nature.archive ? "archive" : "no archive");
  component.add_property("bsi:component:structured",
                         nature.structured ? "structured" : "unstructured");
}

// An archive that keeps its package metadata (a Java archive, a wheel, a
// package file): not itself executable (what it holds may be), an
// archive, and structured.
constexpr FileNature k_package_archive{false, true, true};

bool has_property_prefix(const model::Component& component, std::string_view prefix) {
  return std::any_of(
      component.properties.begin(), component.properties.end(),
      [&](const model::Property& property) { return property.name.starts_with(prefix); });
}

// A component that scanners of executables found as one file: what the
// classifier recognised in it, a kernel image or module, the main module
// of a Go program (only it carries the build settings). Its modules are
// in the file, not files of their own.
std::optional<FileNature> executable_nature(const model::Component& component) {
  if (component.evidence.empty()) {
    return std::nullopt;
  }
  const model::Evidence& first = component.evidence.front();
  if (first.found_by == "binary-classifier") {
    return FileNature{true, false, false};
  }
  if (first.found_by == "linux-kernel") {
    // A compressed module is an xz archive holding the module.
    const bool compressed = ends_with_ignore_case(first.location, ".xz");
    return FileNature{!compressed, compressed, false};
  }
  if (first.found_by == "go" && has_property_prefix(component, "kensa:go:build:")) {
    // The build information lists the modules it was built from.
    return FileNature{true, false, true};
  }
  return std::nullopt;
}

void add_hashes(model::Component& component, const std::vector<model::Hash>& hashes) {
  for (const auto& hash : hashes) {
    const bool known =
        std::any_of(component.hashes.begin(), component.hashes.end(),
                    [&](const model::Hash& have) { return have.algorithm == hash.algorithm; });
    if (!known) {
      component.hashes.push_back(hash);
    }
  }
  std::sort(component.hashes.begin(), component.hashes.end());
}

} // namespace

std::optional<ComponentFile> component_file(const model::Component& component) {
  if (auto nature = executable_nature(component)) {
    return ComponentFile{component.evidence.front().location, *nature};
  }
  for (const auto& evidence : component.evidence) {
    const std::string_view location = evidence.location;
    if (location.empty()) {
      continue;
    }
    const std::string_view last = file_name_of(location);
    if (is_java_archive_name(last) || is_package_file_name(last)) {
      return ComponentFile{std::string(location), k_package_archive};
    }
    if (const auto archive = python_archive_of(location); !archive.empty()) {
      return ComponentFile{std::string(archive), k_package_archive};
    }
  }
  return std::nullopt;
}

void describe_component_files(model::Document& document, std::string_view input_archive) {
  if (!input_archive.empty() && document.metadata.subject) {
    add_file_properties(*document.metadata.subject, input_archive, k_package_archive);
  }
  std::unordered_map<std::string_view, const model::FileEntry*> inventory;
  for (const auto& file : document.files) {
    inventory.emplace(file.path, &file);
  }
  std::vector<std::pair<model::Component*, ComponentFile>> described;
  std::unordered_map<std::string, int> components_per_file;
  for (auto& component : document.components) {
    if (component.type == model::ComponentType::file) {
      continue;
    }
    if (auto file = component_file(component)) {
      ++components_per_file[file->location];
      described.emplace_back(&component, std::move(*file));
    }
  }
  for (auto& [component, file] : described) {
    // An executable in which two components were found (a program and a
    // library linked into it) is neither of them.
    if (file.nature.executable && components_per_file[file.location] > 1) {
      continue;
    }
    add_file_properties(*component, file_name_of(file.location), file.nature);
    if (auto found = inventory.find(file.location); found != inventory.end()) {
      add_hashes(*component, found->second->hashes);
    }
    // The package a scanned package file is (a wheel's own dist-info, a
    // .deb's control): the subject, the file, describes it, as a scanned
    // project describes its own component.
    if (!input_archive.empty() && file.location == input_archive && document.metadata.subject) {
      const model::Relationship describes{document.metadata.subject->id, component->id,
                                          model::RelationshipType::describes};
      auto at =
          std::lower_bound(document.relationships.begin(), document.relationships.end(), describes);
      if (at == document.relationships.end() || *at != describes) {
        document.relationships.insert(at, describes);
      }
    }
  }
}

} // namespace kensa::scanner
