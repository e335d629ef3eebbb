#include "dpkg_component.hpp"

#include "../common/distro/os_package.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::dpkg {

std::string purl_namespace(const distro::OsRelease* distro) {
  if (distro != nullptr && !distro->id.empty() && distro->id != "linux") {
    return distro->id;
  }
  return "debian";
}

model::Component make_component(const DpkgPackage& package, const PackageExtras& extras,
                                const model::Evidence& evidence, FileReport& report) {
  model::Component component = distro::package_component("deb", package.name, package.version);
  std::string vendor = purl_namespace(extras.distro);

  std::vector<std::pair<std::string, std::string>> qualifiers;
  qualifiers.emplace_back("arch", package.architecture);
  if (extras.distro != nullptr) {
    qualifiers.emplace_back("distro", distro::distro_qualifier(*extras.distro));
  }
  if (!package.source_name.empty()) {
    // As Syft writes it: the source package, with "@version" when the
    // source version differs from the binary's.
    qualifiers.emplace_back("upstream", package.source_version.empty()
                                            ? package.source_name
                                            : package.source_name + "@" + package.source_version);
  }
  auto purl = model::make_purl("deb", vendor, package.name, package.version, std::move(qualifiers));
  if (purl) {
    component.purl = purl->to_string();
  } else {
    report.warn("package " + package.name + " " + package.version + ": " + purl.error());
  }
  if (std::string cpe = distro::package_cpe(vendor, package.name, package.version); !cpe.empty()) {
    component.cpes.push_back(std::move(cpe));
  }

  component.supplier = distro::parse_maintainer(package.maintainer);
  component.description = package.summary;
  distro::add_reference_if_set(component, "website", package.homepage);
  component.licenses_concluded = extras.licenses;

  distro::add_property_if_set(component, k_property_installed_size, package.installed_size);
  distro::add_property_if_set(component, k_property_source, package.source_name);
  distro::add_property_if_set(component, k_property_source_version, package.source_version);
  distro::add_property_if_set(component, k_property_copyright, extras.copyright_format);
  distro::add_property_if_set(component, k_property_copyright_from, extras.copyright_from);
  if (extras.listed_paths) {
    distro::add_property_if_set(component, k_property_files, std::to_string(*extras.listed_paths));
  }
  if (extras.md5sums) {
    distro::add_property_if_set(component, k_property_md5sums, std::to_string(*extras.md5sums));
  }
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::dpkg
