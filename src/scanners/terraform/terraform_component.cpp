#include "terraform_component.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::terraform {

model::Component make_provider_component(const LockedProvider& provider,
                                         const model::Evidence& evidence, FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "terraform";
  component.version = provider.version;
  std::vector<std::string_view> parts = split(provider.address, '/');
  bool complete = parts.size() == 3;
  for (auto part : parts) {
    complete = complete && !part.empty();
  }
  if (complete) {
    // Terraform compares source addresses without regard to case, and
    // writes them in lower case in the lock file.
    component.group = to_lower_ascii(std::string(parts[0]) + "/" + std::string(parts[1]));
    component.name = to_lower_ascii(parts[2]);
    auto purl = model::make_purl("generic", component.group, component.name, provider.version, {});
    if (purl) {
      component.purl = purl->to_string();
    } else {
      report.warn_at(provider.line, "provider \"" + provider.address + "\": " + purl.error());
    }
  } else {
    component.name = provider.address;
    report.warn_at(provider.line, "provider \"" + provider.address.substr(0, 200) +
                                      "\" is not hostname/namespace/type");
  }
  if (provider.version.empty()) {
    report.warn_at(provider.line,
                   "provider \"" + provider.address.substr(0, 200) + "\" has no version");
  }
  component.add_property(std::string(k_property_address), provider.address);
  if (!provider.constraints.empty()) {
    component.add_property(std::string(k_property_constraints), provider.constraints);
  }
  for (const auto& hash : provider.hashes) {
    component.add_property(std::string(k_property_hash), hash);
  }
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::terraform
