#include "binary_modules.hpp"

#include "../common/binary/condensed.hpp"
#include "../common/binary/executable.hpp"
#include "build_info.hpp"
#include "go_component.hpp"

#include <kensa/scanner/file_report.hpp>

#include <nlohmann/json.hpp>

#include <exception>

namespace kensa::scanner::golang {

namespace {

// The package path the go tool gives files built on their own ("go build
// main.go").
constexpr std::string_view k_files_package = "command-line-arguments";

constexpr std::string_view k_devel = "(devel)";

bool is_local_path(std::string_view path) {
  return path.starts_with("./") || path.starts_with("../") || path.starts_with("/") ||
         path == "." || path == "..";
}

// The component for one dependency line, replacement applied: a module
// replaced by another module is that module; one replaced by a local folder
// keeps its path, with no version, since the code is not that version's.
model::Component dependency_component(const Dependency& dependency,
                                      const model::Evidence& evidence) {
  const ModuleLine& module = dependency.module;
  if (!dependency.replacement) {
    // Files built on their own inside a module list that module as a
    // dependency at "(devel)" (go 1.24 does): the go tool's word for no
    // version, which is no version to match advisories against.
    const std::string_view version =
        module.version == k_devel ? std::string_view() : std::string_view(module.version);
    return make_module_component(module.path, version, module.sum, evidence);
  }
  const ModuleLine& replacement = *dependency.replacement;
  if (is_local_path(replacement.path)) {
    model::Component component = make_module_component(module.path, "", "", evidence);
    component.add_property(std::string(k_property_replaced_by), replacement.path);
    return component;
  }
  // Both branches as views: with "" on one side the conditional's type
  // would be a temporary std::string, gone by the next line.
  const std::string_view version =
      replacement.version == k_devel ? std::string_view() : std::string_view(replacement.version);
  model::Component component =
      make_module_component(replacement.path, version, replacement.sum, evidence);
  component.add_property(std::string(k_property_replaces),
                         module.path + (module.version.empty() ? "" : "@" + module.version));
  return component;
}

model::Component main_component(const BuildInfo& info, const model::Evidence& evidence) {
  const ModuleLine& main = *info.main;
  std::string version = main.version;
  std::string version_source;
  if (version == k_devel) {
    // A binary built from a checkout says "(devel)". Like Syft, kensa uses the
    // pseudo-version the recorded commit has; without one the version is
    // unknown.
    version = pseudo_version(info.setting("vcs.time"), info.setting("vcs.revision"));
    version_source = version.empty() ? "" : "vcs";
  }
  model::Component component = make_module_component(main.path, version, main.sum, evidence);
  component.type = model::ComponentType::application;
  component.scope = model::Scope::unknown;
  if (!version_source.empty()) {
    component.add_property(std::string(k_property_version_source), version_source);
  }
  if (!info.go_version.empty()) {
    component.add_property(std::string(k_property_toolchain), info.go_version);
  }
  if (!info.package_path.empty()) {
    component.add_property(std::string(k_property_package), info.package_path);
  }
  if (info.main_replacement) {
    component.add_property(std::string(k_property_replaced_by), info.main_replacement->path);
  }
  for (const auto& [key, value] : info.settings) {
    component.add_property(std::string(k_property_build_prefix) + key, value);
  }
  return component;
}

void add_image(FileReport& report, const source::SourceFile& file, json::Value image) {
  const std::string go_version(image["go"].string());
  const std::string_view module_info = image["modules"].string();
  ProblemList problems;
  BuildInfo info = parse_module_info(go_version, module_info, problems);
  FileReport(report, "Go build information, ").warn_all(problems);
  ScanContext& context = report.context();
  model::Evidence evidence = context.evidence_for(file);
  auto& graph = context.graph();

  std::string main_id;
  if (info.main) {
    main_id = graph.add(main_component(info, evidence));
    graph.relate(context.subject_id(), main_id, model::RelationshipType::describes);
  } else if (info.package_path == k_files_package) {
    // Built from files ("go build main.go"): the go tool names their package
    // "command-line-arguments", which is no module and no package name, and
    // `go version -m` lists no main module: neither does kensa. What the
    // files were built with (dependencies, standard library) still is.
  } else if (!info.package_path.empty()) {
    // Built without a module (GOPATH mode): the main package's path is all
    // there is.
    model::Component component = make_module_component(info.package_path, "", "", evidence);
    component.type = model::ComponentType::application;
    component.scope = model::Scope::unknown;
    main_id = graph.add(std::move(component));
    graph.relate(context.subject_id(), main_id, model::RelationshipType::describes);
  }
  for (const auto& dependency : info.dependencies) {
    std::string id = graph.add(dependency_component(dependency, evidence));
    if (!main_id.empty()) {
      graph.relate(main_id, id, model::RelationshipType::depends_on);
    }
  }
  if (!go_version.empty()) {
    std::string id = graph.add(make_stdlib_component(go_version, evidence));
    if (!main_id.empty()) {
      graph.relate(main_id, id, model::RelationshipType::depends_on);
    }
  }
}

} // namespace

std::string condense_go_binary(std::string_view contents) {
  return binary::condense_executable(contents, [](const binary::Executable& image,
                                                  nlohmann::json& found, nlohmann::json& warnings) {
    auto info = read_build_info(image);
    if (!info) {
      warnings.push_back(std::string(binary::format_name(image.format)) + " " + image.machine +
                         ": damaged Go build information: " + info.error());
    } else if (*info) {
      found.push_back(nlohmann::json{{"machine", image.machine},
                                     {"go", (*info)->go_version},
                                     {"modules", (*info)->module_info}});
    }
  });
}

void add_binary_modules(FileReport& report, const source::SourceFile& file) {
  const auto condensed = binary::read_condensed(report, file);
  if (!condensed) {
    return;
  }
  for (const auto image : condensed->root()["images"]) {
    if (image.is_object()) {
      add_image(report, file, image);
    }
  }
}

} // namespace kensa::scanner::golang
