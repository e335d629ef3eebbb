#include "pacman_component.hpp"

#include "../common/distro/os_package.hpp"

#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>

namespace kensa::scanner::pacman {

namespace {

std::string joined(const std::vector<std::string>& values) {
  std::string text;
  for (const auto& value : values) {
    text += (text.empty() ? "" : ",") + value;
  }
  return text;
}

} // namespace

std::string purl_namespace(const distro::OsRelease* distro) {
  if (distro != nullptr && !distro->id.empty() && distro->id != "linux") {
    return distro->id;
  }
  return "arch";
}

model::Component make_component(const PacmanPackage& package, const distro::OsRelease* distro,
                                const model::Evidence& evidence, FileReport& report) {
  model::Component component = distro::package_component("alpm", package.name, package.version);
  std::string vendor = purl_namespace(distro);

  std::vector<std::pair<std::string, std::string>> qualifiers;
  qualifiers.emplace_back("arch", package.architecture);
  if (distro != nullptr) {
    qualifiers.emplace_back("distro", distro::distro_qualifier(*distro));
  }
  if (!package.base.empty() && package.base != package.name) {
    qualifiers.emplace_back("upstream", package.base);
  }
  auto purl =
      model::make_purl("alpm", vendor, package.name, package.version, std::move(qualifiers));
  if (purl) {
    component.purl = purl->to_string();
  } else {
    report.warn("package " + package.name + " " + package.version + ": " + purl.error());
  }
  if (std::string cpe = distro::package_cpe(vendor, package.name, package.version); !cpe.empty()) {
    component.cpes.push_back(std::move(cpe));
  }
  // A package under several licenses lists each on its own line: the
  // package holds parts under each of them.
  for (const auto& license : package.licenses) {
    component.licenses_declared.push_back(model::license_from_text(license));
  }
  component.supplier = distro::parse_maintainer(package.packager);
  component.description = package.description;
  distro::add_reference_if_set(component, "website", package.url);
  distro::add_property_if_set(component, k_property_base, package.base);
  distro::add_property_if_set(component, k_property_size, package.size);
  distro::add_property_if_set(component, k_property_build_date, package.build_date);
  distro::add_property_if_set(component, k_property_reason,
                              package.reason == "1" ? "dependency" : "explicit");
  distro::add_property_if_set(component, k_property_validation, package.validation);
  distro::add_property_if_set(component, k_property_groups, joined(package.groups));
  if (!package.files.empty()) {
    distro::add_property_if_set(component, k_property_files, std::to_string(package.files.size()));
  }
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::pacman
