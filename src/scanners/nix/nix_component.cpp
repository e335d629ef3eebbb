#include "nix_component.hpp"

#include <kensa/model/purl.hpp>

namespace kensa::scanner::nix {

model::Component make_component(const ValidPath& valid, const StorePath& path,
                                const model::Evidence& evidence, FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "nix";
  component.name = path.name;
  component.version = path.version;
  auto purl = model::make_purl("nix", "", path.name, path.version, {{"outputhash", path.hash}});
  if (purl) {
    component.purl = purl->to_string();
  } else {
    report.warn("store path " + valid.path.substr(0, 300) + ": " + purl.error());
  }
  component.add_property(std::string(k_property_store_path), valid.path);
  component.add_property(std::string(k_property_output_hash), path.hash);
  if (!valid.nar_hash.empty()) {
    component.add_property(std::string(k_property_nar_hash), valid.nar_hash);
  }
  if (!valid.nar_size.empty()) {
    component.add_property(std::string(k_property_nar_size), valid.nar_size);
  }
  if (!valid.deriver.empty()) {
    component.add_property(std::string(k_property_deriver), valid.deriver);
  }
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::nix
