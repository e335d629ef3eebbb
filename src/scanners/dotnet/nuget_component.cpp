#include "nuget_component.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/model/purl.hpp>

namespace kensa::scanner::dotnet {

namespace {

constexpr std::size_t k_sha512_bytes = 64;

} // namespace

model::Component make_package_component(std::string_view name, std::string_view version,
                                        std::string_view sha512_base64,
                                        const model::Evidence& evidence, FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "nuget";
  component.name = std::string(name);
  component.version = std::string(version);
  if (auto purl = model::make_purl("nuget", "", component.name, component.version)) {
    component.purl = purl->to_string();
  } else {
    report.warn("package " + component.name + ": " + purl.error());
  }
  if (!sha512_base64.empty()) {
    auto bytes = model::decode_base64(sha512_base64);
    if (bytes && bytes->size() == k_sha512_bytes) {
      component.hashes.push_back(model::Hash{model::HashAlgorithm::sha512, model::to_hex(*bytes)});
    } else {
      report.warn("package " + component.name + " " + component.version +
                  ": its hash is not the base64 of a SHA-512; left out");
    }
  }
  component.scope = model::Scope::required;
  component.evidence.push_back(evidence);
  return component;
}

model::Component make_unversioned_package(std::string_view name, const model::Evidence& evidence) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "nuget";
  component.name = std::string(name);
  component.scope = model::Scope::required;
  component.evidence.push_back(evidence);
  return component;
}

std::pair<std::string_view, std::string_view> split_library_key(std::string_view key) {
  std::size_t slash = key.rfind('/');
  if (slash == std::string_view::npos) {
    return {key, {}};
  }
  return {key.substr(0, slash), key.substr(slash + 1)};
}

model::Component make_project_component(std::string_view name, std::string_view version,
                                        model::ComponentType type,
                                        const model::Evidence& evidence) {
  model::Component component;
  component.type = type;
  if (type != model::ComponentType::application) {
    component.add_property(std::string(k_property_project), "true");
  }
  component.ecosystem = "nuget";
  component.name = std::string(name);
  component.version = std::string(version);
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::dotnet
