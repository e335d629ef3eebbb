#include "installed.hpp"

#include "core_metadata.hpp"
#include "direct_url.hpp"
#include "python_component.hpp"
#include "record.hpp"
#include "requirement.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/lines.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <spdlog/spdlog.h>

#include <map>

namespace kensa::scanner::python {

namespace {

// What a metadata folder may hold besides the metadata itself.
enum class Role {
  metadata,
  record,
  direct_url,
  top_level,
  requires_txt,
  installed_files,
  // A license file: anything under a dist-info's licenses/ folder (where
  // Metadata 2.4 puts the License-File files), or a LICENSE*, COPYING*,
  // NOTICE* file in the dist-info itself (where wheels put them before).
  license,
};

struct Folder {
  // METADATA or PKG-INFO, or the .egg-info file itself.
  const source::SourceFile* metadata = nullptr;
  std::map<Role, const source::SourceFile*> extras;
  std::vector<const source::SourceFile*> license_files;
};

constexpr std::string_view k_licenses_folder = ".dist-info/licenses/";

// Where the ".dist-info/licenses/" of a path starts, or npos.
std::size_t licenses_folder_at(std::string_view path) {
  return path.rfind(k_licenses_folder);
}

// The folder that holds the metadata file: "x.dist-info", "x.egg-info",
// "EGG-INFO", or "" for an sdist's top-level PKG-INFO and .egg-info files.
std::string_view metadata_folder_of(std::string_view path) {
  return file_name_of(folder_of(path));
}

bool is_metadata_folder(std::string_view folder) {
  return folder.ends_with(".dist-info") || folder.ends_with(".egg-info") || folder == "EGG-INFO";
}

std::optional<Role> role_of(std::string_view path) {
  std::string_view name = file_name_of(path);
  if (licenses_folder_at(path) != std::string_view::npos) {
    return Role::license;
  }
  std::string_view folder = metadata_folder_of(path);
  if (name.ends_with(".egg-info")) {
    return Role::metadata; // The single-file form: the file is PKG-INFO.
  }
  if (name == "PKG-INFO") {
    return Role::metadata; // In .egg-info or EGG-INFO, or an sdist's top.
  }
  if (!is_metadata_folder(folder)) {
    return std::nullopt;
  }
  bool dist_info = folder.ends_with(".dist-info");
  if (dist_info && name == "METADATA") {
    return Role::metadata;
  }
  if (dist_info && name == "RECORD") {
    return Role::record;
  }
  if (dist_info && name == "direct_url.json") {
    return Role::direct_url;
  }
  if (name == "top_level.txt") {
    return Role::top_level;
  }
  if (!dist_info && name == "requires.txt") {
    return Role::requires_txt;
  }
  if (!dist_info && name == "installed-files.txt") {
    return Role::installed_files;
  }
  if (dist_info && model::is_license_file_name(name)) {
    return Role::license;
  }
  return std::nullopt;
}

// The key that groups the files of one metadata folder: its location, or the
// file's own location for a single-file .egg-info.
std::string folder_key(const source::SourceFile& file) {
  if (const std::size_t at = licenses_folder_at(file.location); at != std::string_view::npos) {
    return file.location.substr(0, at + std::string_view(".dist-info").size());
  }
  std::string_view name = file_name_of(file.location);
  if (name.ends_with(".egg-info")) {
    return file.location;
  }
  return std::string(folder_of(file.location));
}

// The site (site-packages, dist-packages, a wheel) a metadata folder belongs
// to, as a location: requirements are resolved among packages of one site.
// An egg ("x.egg/EGG-INFO", or "x.egg!/EGG-INFO" inside the zipped egg) sits
// in the folder above it.
std::string site_key(const std::string& folder_location) {
  std::string_view site = folder_of(folder_location);
  if (file_name_of(folder_location) == "EGG-INFO") {
    std::string_view egg = site;
    if (egg.ends_with('!')) {
      egg.remove_suffix(1);
    }
    if (egg.ends_with(".egg")) {
      site = folder_of(egg);
    }
  }
  return std::string(site);
}

struct Dependency {
  Requirement requirement;
  bool optional = false;
};

// requires.txt of an .egg-info folder: requirements, grouped in sections
// "[extra]", "[extra:marker]" or "[:marker]" after the unconditional ones.
std::vector<Dependency> parse_requires_txt(std::string_view text, FileReport& warnings) {
  std::vector<Dependency> dependencies;
  bool in_extra = false;
  std::size_t line_number = 0;
  for (std::string_view line : lines(text)) {
    ++line_number;
    line = trim(line);
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    if (line.starts_with('[')) {
      if (!line.ends_with(']')) {
        warnings.warn("requires.txt line " + std::to_string(line_number) +
                      ": unclosed section header");
        in_extra = true;
        continue;
      }
      std::string_view section = line.substr(1, line.size() - 2);
      // "[:python_version < '3.8']" has a marker but no extra.
      in_extra = !section.starts_with(':');
      continue;
    }
    auto requirement = parse_requirement(line);
    if (!requirement) {
      warnings.warn("requires.txt line " + std::to_string(line_number) + ": " +
                    requirement.error());
      continue;
    }
    dependencies.push_back(Dependency{std::move(*requirement), in_extra});
  }
  return dependencies;
}

struct Installed {
  std::string id;
  std::string site;
  std::vector<Dependency> dependencies;
};

class InstalledReader {
 public:
  explicit InstalledReader(ScanContext& context) : m_context(context) {}

  void read(const Folder& folder) {
    const source::SourceFile& file = *folder.metadata;
    FileReport warnings(m_context, file.location);
    CoreMetadata metadata = parse_core_metadata(file.contents);
    warnings.warn_all(metadata.problems);
    std::string_view name = trim(metadata.get("Name"));
    if (name.empty()) {
      warnings.warn("no Name field: not a package's metadata");
      return;
    }

    PackageFacts facts;
    facts.name = std::string(name);
    facts.version = std::string(trim(metadata.get("Version")));
    if (facts.version.empty()) {
      warnings.warn("package " + facts.name + " has no Version field");
    }
    if (is_meaningful(metadata.get("Summary"))) {
      facts.description = std::string(trim(metadata.get("Summary")));
    }
    facts.licenses = licenses_from(metadata.get("License-Expression"), metadata.get("License"),
                                   metadata.all("Classifier"));
    facts.authors = parse_people(metadata.get("Author"), metadata.get("Author-email"));
    auto maintainers = parse_people(metadata.get("Maintainer"), metadata.get("Maintainer-email"));
    if (!maintainers.empty()) {
      facts.supplier = maintainers.front();
    }
    facts.add_reference("website", metadata.get("Home-page"));
    facts.add_reference("distribution", metadata.get("Download-URL"));
    for (std::string_view project_url : metadata.all("Project-URL")) {
      std::size_t comma = project_url.find(',');
      if (comma == std::string_view::npos) {
        warnings.warn("Project-URL \"" + std::string(project_url) + "\" is not \"label, URL\"");
        continue;
      }
      facts.add_reference(reference_type_for_label(project_url.substr(0, comma)),
                          project_url.substr(comma + 1));
    }

    Installed installed;
    for (std::string_view value : metadata.all("Requires-Dist")) {
      auto requirement = parse_requirement(value);
      if (!requirement) {
        warnings.warn("Requires-Dist \"" + std::string(value) + "\": " + requirement.error());
        continue;
      }
      bool optional = marker_mentions_extra(requirement->marker);
      installed.dependencies.push_back(Dependency{std::move(*requirement), optional});
    }
    if (auto it = folder.extras.find(Role::requires_txt);
        it != folder.extras.end() && installed.dependencies.empty()) {
      // setuptools writes dependencies of .egg-info only to requires.txt.
      FileReport requires_warnings(m_context, it->second->location);
      installed.dependencies = parse_requires_txt(it->second->contents, requires_warnings);
    }
    if (auto it = folder.extras.find(Role::top_level); it != folder.extras.end()) {
      std::string modules;
      for (std::string_view line : lines(it->second->contents)) {
        line = trim(line);
        if (!line.empty()) {
          modules += modules.empty() ? "" : ",";
          modules += line;
        }
      }
      if (!modules.empty()) {
        facts.add_property(k_property_top_level, std::move(modules));
      }
    }
    if (auto it = folder.extras.find(Role::direct_url); it != folder.extras.end()) {
      FileReport direct_url_report(m_context, *it->second);
      read_direct_url(direct_url_report, it->second->contents, facts);
    }

    model::Component component = make_component(facts, m_context.evidence_for(file), warnings);
    // The license files show evidence, kept apart from the declared license
    // (docs/licenses.md).
    for (const source::SourceFile* license_file : folder.license_files) {
      model::add_license_file_evidence(component, license_file->location, license_file->bytes(),
                                       m_context.keeps_unlisted_license_texts());
    }
    installed.id = m_context.graph().add(std::move(component));
    installed.site = site_key(folder_key(file));

    own_files(folder, installed.id, file);
    std::string normalized = normalize_name(facts.name);
    m_sites[installed.site].emplace(normalized, installed.id);
    m_packages.push_back(std::move(installed));
  }

  // Requirements resolve by normalized name among the packages of the same
  // site: that is the copy Python would import.
  void relate() {
    for (const auto& package : m_packages) {
      const auto& site = m_sites[package.site];
      // A package that both needs another and needs it through an extra
      // needs it: the plain edge wins.
      std::map<std::string, model::RelationshipType> edges;
      for (const auto& dependency : package.dependencies) {
        auto it = site.find(normalize_name(dependency.requirement.name));
        if (it == site.end() || it->second == package.id) {
          continue;
        }
        auto type = dependency.optional ? model::RelationshipType::optional_depends_on
                                        : model::RelationshipType::depends_on;
        auto [edge, inserted] = edges.emplace(it->second, type);
        if (!inserted && type == model::RelationshipType::depends_on) {
          edge->second = type;
        }
      }
      for (const auto& [to, type] : edges) {
        m_context.graph().relate(package.id, to, type);
      }
    }
  }

 private:
  // RECORD (dist-info) and installed-files.txt (egg-info) list the files
  // the package put on disk.
  void own_files(const Folder& folder, const std::string& id, const source::SourceFile& metadata) {
    std::string prefix(source::container_prefix(metadata));
    if (auto it = folder.extras.find(Role::record); it != folder.extras.end()) {
      const source::SourceFile& record = *it->second;
      FileReport warnings(m_context, record.location);
      RecordParse parse = parse_record(record.contents);
      warnings.warn_all(parse.problems);
      std::string_view site = folder_of(folder_of(record.path));
      for (const auto& entry : parse.entries) {
        if (auto path = resolve_inside(site, entry.path)) {
          m_context.own_file(id, prefix + *path, entry.hash);
        }
      }
    }
    if (auto it = folder.extras.find(Role::installed_files); it != folder.extras.end()) {
      const source::SourceFile& list = *it->second;
      std::string_view egg_info = folder_of(list.path);
      for (std::string_view line : lines(list.contents)) {
        line = trim(line);
        if (line.empty()) {
          continue;
        }
        if (auto path = resolve_inside(egg_info, line)) {
          m_context.own_file(id, prefix + *path);
        }
      }
    }
  }

  ScanContext& m_context;
  std::map<std::string, std::map<std::string, std::string>> m_sites;
  std::vector<Installed> m_packages;
};

} // namespace

bool is_installed_metadata_file(std::string_view path) {
  return role_of(path).has_value();
}

void read_installed(ScanContext& context, const FileSet& files) {
  // Ordered by location, so components and edges come out the same way
  // every run.
  std::map<std::string, Folder> folders;
  for (const auto& file : files) {
    auto role = role_of(file.path);
    if (!role) {
      continue;
    }
    Folder& folder = folders[folder_key(file)];
    if (*role == Role::metadata) {
      // PKG-INFO beside METADATA would be unusual; METADATA is the one pip
      // reads.
      if (folder.metadata == nullptr || file_name_of(file.path) == "METADATA") {
        folder.metadata = &file;
      }
    } else if (*role == Role::license) {
      if (context.reads_license_files()) {
        folder.license_files.push_back(&file);
      }
    } else {
      folder.extras[*role] = &file;
    }
  }
  InstalledReader reader(context);
  for (const auto& [key, folder] : folders) {
    if (folder.metadata == nullptr) {
      spdlog::debug("{}: no METADATA or PKG-INFO beside it", key);
      continue;
    }
    reader.read(folder);
  }
  reader.relate();
}

} // namespace kensa::scanner::python
