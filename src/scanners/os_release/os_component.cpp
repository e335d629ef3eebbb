#include "os_component.hpp"

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
  auto reference = [&](std::string_view type, const std::string& url) {
    if (!url.empty()) {
      component.external_references.push_back({std::string(type), url});
    }
  };
  reference("website", release.home_url);
  reference("support", release.support_url);
  reference("issue-tracker", release.bug_report_url);

  auto property = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) {
      component.add_property(std::string(name), value);
    }
  };
  property(k_property_id, release.id);
  property(k_property_version_id, release.version_id);
  property(k_property_name, release.name);
  property(k_property_version, release.version);
  property(k_property_codename, release.version_codename);
  property(k_property_id_like, release.id_like);
  property(k_property_cpe_name, release.cpe_name);
  property(k_property_distro, distro::distro_qualifier(release));
  property(k_property_source, release.source);
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::os_release
