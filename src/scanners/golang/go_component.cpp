#include "go_component.hpp"

#include <kensa/model/cpe.hpp>
#include <kensa/model/purl.hpp>

#include <algorithm>

namespace kensa::scanner::golang {

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::string golang_purl(std::string_view group, std::string_view name, std::string_view version) {
  if (auto purl = model::make_purl("golang", group, name, version)) {
    return purl->to_string();
  }
  if (!group.empty()) {
    return {};
  }
  // The golang type requires a namespace; the Go ecosystem (the Go
  // vulnerability database, OSV, Grype, Syft) writes one-segment module
  // paths and the standard library without one, and matches them that way.
  model::Purl purl;
  purl.type = "golang";
  purl.name = std::string(name);
  purl.version = std::string(version);
  model::PurlParseOptions lenient;
  lenient.golang_namespace_optional = true;
  if (!model::apply_purl_type_rules(purl, lenient)) {
    return {};
  }
  return purl.to_string();
}

model::Component make_module_component(std::string_view path, std::string_view version,
                                       std::string_view sum, const model::Evidence& evidence) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "golang";
  std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) {
    component.name = std::string(path);
  } else {
    component.group = std::string(path.substr(0, slash));
    component.name = std::string(path.substr(slash + 1));
  }
  component.version = std::string(version);
  if (!version.empty()) {
    component.purl = golang_purl(component.group, component.name, version);
  }
  if (!sum.empty()) {
    component.add_property(std::string(k_property_sum), std::string(sum));
  }
  component.scope = model::Scope::required;
  component.evidence.push_back(evidence);
  return component;
}

model::Component make_stdlib_component(std::string_view go_version,
                                       const model::Evidence& evidence) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "golang";
  component.name = "stdlib";
  std::string_view bare = go_version.starts_with("go") ? go_version.substr(2) : go_version;
  // "go1.22.1 X:boringcrypto" and similar carry experiment names after a space.
  bare = bare.substr(0, bare.find(' '));
  // The version as the Go vulnerability database and Grype match it
  // ("1.22.1"); the toolchain's own spelling is a property.
  component.version = std::string(bare);
  component.purl = golang_purl("", "stdlib", bare);
  component.add_property(std::string(k_property_toolchain), std::string(go_version));
  std::string_view release = bare.substr(0, bare.find('+'));
  if (auto cpe = model::make_cpe23(model::CpePart::application, "golang", "go", release)) {
    component.cpes.push_back(std::move(*cpe));
  }
  component.licenses_declared.push_back(model::License{"BSD-3-Clause", {}, {}});
  component.scope = model::Scope::required;
  component.evidence.push_back(evidence);
  return component;
}

std::string pseudo_version(std::string_view vcs_time, std::string_view vcs_revision) {
  // 2006-01-02T15:04:05Z, possibly with fractional seconds before the Z.
  if (vcs_time.size() < 20 || !vcs_time.ends_with('Z') || vcs_revision.size() < 12) {
    return {};
  }
  std::string stamp;
  for (auto [at, length] :
       {std::pair<std::size_t, std::size_t>{0, 4}, {5, 2}, {8, 2}, {11, 2}, {14, 2}, {17, 2}}) {
    std::string_view part = vcs_time.substr(at, length);
    if (!all_digits(part)) {
      return {};
    }
    stamp += part;
  }
  std::string_view revision = vcs_revision.substr(0, 12);
  if (!std::all_of(revision.begin(), revision.end(),
                   [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
    return {};
  }
  return "v0.0.0-" + stamp + "-" + std::string(revision);
}

} // namespace kensa::scanner::golang
