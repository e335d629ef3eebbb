#include "os_component.hpp"

#include "../common/distro/os_package.hpp"

namespace kensa::scanner::os_release {

model::Component make_os_component(const distro::OsRelease& release,
                                   const model::Evidence& evidence) {
  model::Component component;
  component.type = model::ComponentType::operating_system;
  // Vulnerability matchers look distributions up by ID and VERSION_ID
  // ("debian" "12"); NAME is kept as a property.
  component.name = release.id;
  component.version = release.version_id;
  component.description = release.pretty_name.empty() ? release.name : release.pretty_name;
  if (std::string cpe = distro::os_cpe(release); !cpe.empty()) {
    component.cpes.push_back(std::move(cpe));
  }
  distro::add_reference_if_set(component, "website", release.home_url);
  distro::add_reference_if_set(component, "support", release.support_url);
  distro::add_reference_if_set(component, "issue-tracker", release.bug_report_url);

  distro::add_property_if_set(component, k_property_id, release.id);
  distro::add_property_if_set(component, k_property_version_id, release.version_id);
  distro::add_property_if_set(component, k_property_name, release.name);
  distro::add_property_if_set(component, k_property_version, release.version);
  distro::add_property_if_set(component, k_property_codename, release.version_codename);
  distro::add_property_if_set(component, k_property_id_like, release.id_like);
  distro::add_property_if_set(component, k_property_cpe_name, release.cpe_name);
  distro::add_property_if_set(component, k_property_distro, distro::distro_qualifier(release));
  distro::add_property_if_set(component, k_property_source, release.source);
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::os_release
