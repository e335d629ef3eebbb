#include "deps_json.hpp"

#include "../common/parsers/json_file.hpp"
#include "nuget_component.hpp"

#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>

namespace kensa::scanner::dotnet {

namespace {

constexpr std::string_view k_runtimepack_prefix = "runtimepack.";
constexpr std::string_view k_deps_suffix = ".deps.json";

std::string library_key(std::string_view name, std::string_view version) {
  return to_lower_ascii(name) + "/" + to_lower_ascii(version);
}

// The application a deps.json is about: <name>.deps.json.
std::string application_name(const source::SourceFile& file) {
  std::string_view name = file_name_of(file.path);
  if (name.ends_with(k_deps_suffix)) {
    name.remove_suffix(k_deps_suffix.size());
  }
  return to_lower_ascii(name);
}

// The target the application runs as: runtimeTarget.name, or the only
// target when that is not given.
json::Value runtime_target(FileReport& report, json::Value root) {
  json::Value targets = root["targets"];
  std::string_view name = root["runtimeTarget"]["name"].string();
  if (!name.empty()) {
    json::Value target = targets[name];
    if (!target.is_object()) {
      report.warn("runtime target \"" + std::string(name) +
                  "\" is not among the targets; no dependency edges");
    }
    return target;
  }
  auto all = members_by_name(targets);
  if (all.size() == 1) {
    return all.front().second;
  }
  if (!all.empty()) {
    report.warn("no runtimeTarget among " + std::to_string(all.size()) +
                " targets; no dependency edges");
  }
  return json::Value();
}

// The files an entry of the runtime target loads, at their location once
// published: `runtime` and `native` assets lie beside the deps.json,
// `runtimeTargets` at their path below it.
void index_assets(const source::SourceFile& file, json::Value entry,
                  const model::Component& component, AssemblyIndex& assemblies) {
  std::string_view folder = folder_of(file.location);
  for (std::string_view kind : {"runtime", "native", "runtimeTargets"}) {
    json::Value assets = entry[kind];
    std::size_t count = 0;
    for (auto it = assets.begin(); it != assets.end() && ++count <= k_max_dependencies; ++it) {
      std::string_view path = it.key();
      std::string location =
          join_path(folder, kind == "runtimeTargets" ? path : file_name_of(path));
      assemblies.emplace(std::move(location), component);
    }
  }
}

} // namespace

void parse_deps_json(FileReport& report, const source::SourceFile& file,
                     AssemblyIndex& assemblies) {
  auto document = read_json_object(report, file.contents, "a .deps.json");
  if (!document) {
    return;
  }
  json::Value root = document->root();
  json::Value libraries = root["libraries"];
  if (!libraries.is_object()) {
    report.omit("not a .deps.json: no \"libraries\" object");
    return;
  }
  ScanContext& context = report.context();
  auto& graph = context.graph();
  model::Evidence evidence = context.evidence_for(file);
  std::string application = application_name(file);
  std::map<std::string, std::string> ids;
  std::map<std::string, std::string> ids_by_name;
  // What was added for each library, for the assemblies found beside.
  std::map<std::string, model::Component> added;
  std::size_t count = 0;
  for (auto [key, library] : members_by_name(libraries)) {
    if (++count > k_max_packages) {
      report.omit("more than " + std::to_string(k_max_packages) +
                  " libraries; the rest are not read");
      break;
    }
    auto [name, version] = split_library_key(key);
    if (!library.is_object() || name.empty() || version.empty()) {
      report.warn("library \"" + std::string(key.substr(0, 200)) +
                  "\" is not \"Name/Version\" with an object; skipped");
      continue;
    }
    std::string_view type = library["type"].string();
    std::string id;
    if (type == "package" || type == "runtimepack") {
      std::string_view package = name;
      if (type == "runtimepack" && package.starts_with(k_runtimepack_prefix)) {
        package.remove_prefix(k_runtimepack_prefix.size());
      }
      std::string_view sha512 = library["sha512"].string();
      if (!sha512.empty() && !sha512.starts_with("sha512-")) {
        report.warn("library " + std::string(key) + ": sha512 is not \"sha512-<base64>\"");
        sha512 = {};
      } else if (!sha512.empty()) {
        sha512.remove_prefix(7);
      }
      auto component = make_package_component(package, version, sha512, evidence, report);
      added[library_key(name, version)] = component;
      id = graph.add(std::move(component));
    } else if (type == "project") {
      bool is_application = to_lower_ascii(name) == application;
      auto component = make_project_component(name, version,
                                              is_application ? model::ComponentType::application
                                                             : model::ComponentType::library,
                                              evidence);
      added[library_key(name, version)] = component;
      id = graph.add(std::move(component));
      if (is_application && !context.subject_id().empty()) {
        graph.relate(context.subject_id(), id, model::RelationshipType::describes);
      }
    } else {
      // referenceassembly and the like: parts of the shared framework.
      continue;
    }
    ids[library_key(name, version)] = id;
    ids_by_name[to_lower_ascii(name)] = id;
  }
  json::Value target = runtime_target(report, root);
  for (auto [key, entry] : members_by_name(target)) {
    auto [name, version] = split_library_key(key);
    auto from = ids.find(library_key(name, version));
    if (from == ids.end()) {
      continue;
    }
    index_assets(file, entry, added[library_key(name, version)], assemblies);
    std::size_t edges = 0;
    json::Value dependencies = entry["dependencies"];
    for (auto it = dependencies.begin(); it != dependencies.end(); ++it) {
      if (++edges > k_max_dependencies) {
        report.warn("library " + std::string(key) + ": more than " +
                    std::to_string(k_max_dependencies) + " dependencies; the rest are left out");
        break;
      }
      // A dependency names the exact version the target resolved; a
      // library listed under one version only is found by name too.
      auto to = ids.find(library_key(it.key(), it.value().string()));
      if (to == ids.end()) {
        to = ids_by_name.find(to_lower_ascii(it.key()));
        if (to == ids_by_name.end()) {
          continue;
        }
      }
      if (to->second != from->second) {
        graph.relate(from->second, to->second, model::RelationshipType::depends_on);
      }
    }
  }
}

} // namespace kensa::scanner::dotnet
