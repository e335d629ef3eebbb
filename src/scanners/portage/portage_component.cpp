#include "portage_component.hpp"

#include "../common/distro/os_package.hpp"

#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::portage {

model::Component make_component(const PortagePackage& package, const distro::OsRelease* distro,
                                const model::Evidence& evidence, FileReport& report) {
  model::Component component = distro::package_component("ebuild", package.name, package.version);
  component.group = package.category;
  std::vector<std::pair<std::string, std::string>> qualifiers;
  if (distro != nullptr) {
    qualifiers.emplace_back("distro", distro::distro_qualifier(*distro));
  }
  auto purl = model::make_purl("ebuild", package.category, package.name, package.version,
                               std::move(qualifiers));
  if (purl) {
    component.purl = purl->to_string();
  } else {
    report.warn("package " + package.category + "/" + package.name + " " + package.version + ": " +
                purl.error());
  }
  if (std::string cpe = distro::package_cpe("gentoo", package.name, package.version);
      !cpe.empty()) {
    component.cpes.push_back(std::move(cpe));
  }
  if (!package.license.empty()) {
    component.licenses_declared.push_back(model::license_from_text(package.license));
  }
  component.description = package.description;
  for (auto url : split(package.homepage, ' ')) {
    distro::add_reference_if_set(component, "website", trim(url));
  }
  distro::add_property_if_set(component, k_property_slot, package.slot);
  distro::add_property_if_set(component, k_property_repository, package.repository);
  distro::add_property_if_set(component, k_property_size, package.size);
  if (!package.files.empty()) {
    distro::add_property_if_set(component, k_property_files, std::to_string(package.files.size()));
  }
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::portage
