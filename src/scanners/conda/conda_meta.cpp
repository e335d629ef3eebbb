#include "conda_meta.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/json_file.hpp"
#include "conda_package.hpp"

#include <map>

namespace kensa::scanner::conda {

namespace {

using json::Value;

// Far above real records: a large package (a CUDA toolkit) lists some tens
// of thousands of files; dependencies a few dozen.
constexpr std::size_t k_max_files = 500'000;
constexpr std::size_t k_max_depends = 10'000;

constexpr std::string_view k_conda_meta = "conda-meta/";

std::string string_member(Value object, std::string_view key) {
  Value value = object[key];
  return value.is_string() ? std::string(value.string()) : std::string();
}

struct Installed {
  std::string id;
  std::vector<std::string> depends;
};

// The environment's folder as a location prefix ("opt/conda/" for
// "opt/conda/conda-meta/zlib-1.2.11-0.json").
std::string environment_of(std::string_view location) {
  auto at = location.rfind(k_conda_meta);
  return at == std::string_view::npos ? std::string() : std::string(location.substr(0, at));
}

void read_record(ScanContext& context, FileReport& report, const source::SourceFile& file,
                 std::map<std::string, Installed, std::less<>>& environment) {
  auto document = read_json_object(report, file.contents, "a conda-meta record");
  if (!document) {
    return;
  }
  Value root = document->root();
  CondaPackage package;
  package.name = string_member(root, "name");
  package.version = string_member(root, "version");
  if (package.name.empty() || package.version.empty()) {
    report.warn("no \"name\" or \"version\"; not a conda package record");
    return;
  }
  package.build = string_member(root, "build");
  package.channel = string_member(root, "channel");
  package.subdir = string_member(root, "subdir");
  package.file_name = string_member(root, "fn");
  model::Component component = make_conda_component(report, package);
  if (std::string license = string_member(root, "license"); !license.empty()) {
    component.licenses_declared.push_back(model::license_from_text(license));
  }
  if (std::string md5 = string_member(root, "md5"); !md5.empty()) {
    add_hex_hash(report, component, model::HashAlgorithm::md5, md5);
  }
  if (std::string sha256 = string_member(root, "sha256"); !sha256.empty()) {
    add_hex_hash(report, component, model::HashAlgorithm::sha256, sha256);
  }
  if (std::string url = string_member(root, "url"); !url.empty()) {
    component.external_references.push_back(model::ExternalReference{"distribution", url});
  }
  component.evidence.push_back(context.evidence_for(file));
  std::string id = context.graph().add(std::move(component));

  std::string prefix = environment_of(file.location);
  Value listed = root["files"];
  if (listed.exists() && !listed.is_array()) {
    report.warn("\"files\" is " + std::string(json_type_name(listed)) + ", not a list; ignored");
  }
  std::size_t count = 0;
  for (Value path : listed.is_array() ? listed : Value()) {
    if (!path.is_string()) {
      continue;
    }
    if (++count > k_max_files) {
      report.warn("more than " + std::to_string(k_max_files) +
                  " files listed; the rest is not read");
      break;
    }
    context.own_file(id, prefix + std::string(path.string()));
  }

  Installed installed{id, {}};
  Value depends = root["depends"];
  if (depends.exists() && !depends.is_array()) {
    report.warn("\"depends\" is " + std::string(json_type_name(depends)) + ", not a list; ignored");
  }
  for (Value depend : depends.is_array() ? depends : Value()) {
    if (!depend.is_string()) {
      report.warn("a \"depends\" entry is not a string; ignored");
      continue;
    }
    if (installed.depends.size() == k_max_depends) {
      report.warn("more than " + std::to_string(k_max_depends) +
                  " dependencies; the rest is not read");
      break;
    }
    // "libzlib 1.2.11 h90dfc92_1014", "python >=3.9": a match spec whose
    // first word is the name.
    std::string_view spec = depend.string();
    installed.depends.emplace_back(spec.substr(0, spec.find(' ')));
  }
  if (!environment.emplace(package.name, std::move(installed)).second) {
    report.warn("package " + package.name + " has another record in the same environment");
  }
}

} // namespace

void read_conda_environments(ScanContext& context, const FileSet& files) {
  // Environment folder -> name -> what was added.
  std::map<std::string, std::map<std::string, Installed, std::less<>>> environments;
  files.read_each(context, "**/conda-meta/*.json",
                  [&](FileReport& report, const source::SourceFile& file) {
                    read_record(context, report, file, environments[environment_of(file.location)]);
                  });
  for (const auto& entry : environments) {
    const auto& environment = entry.second;
    for (const auto& package : environment) {
      for (const auto& name : package.second.depends) {
        if (name.starts_with("__")) {
          continue; // A virtual package: the system's glibc, CUDA, ...
        }
        auto target = environment.find(name);
        if (target != environment.end() && target->second.id != package.second.id) {
          context.graph().relate(package.second.id, target->second.id,
                                 model::RelationshipType::depends_on);
        }
      }
    }
  }
}

} // namespace kensa::scanner::conda
