#include "rpm_component.hpp"

#include "../common/distro/os_package.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/strings.hpp>

#include <array>

namespace kensa::scanner::rpm {

namespace {

struct Vendor {
  std::string_view match;
  std::string_view name;
};

// os-release IDs whose purl vendor is spelt differently.
constexpr std::array k_id_vendors{
    Vendor{"rhel", "redhat"},  Vendor{"ol", "oracle"},         Vendor{"amzn", "amazon"},
    Vendor{"sles", "suse"},    Vendor{"sled", "suse"},         Vendor{"sle-micro", "suse"},
    Vendor{"sle_hpc", "suse"}, Vendor{"opensuse", "opensuse"},
};

// VENDOR tag prefixes, for databases found without a release file.
constexpr std::array k_tag_vendors{
    Vendor{"Red Hat", "redhat"},      Vendor{"Fedora Project", "fedora"},
    Vendor{"CentOS", "centos"},       Vendor{"Rocky Enterprise Software Foundation", "rocky"},
    Vendor{"AlmaLinux", "almalinux"}, Vendor{"Oracle America", "oracle"},
    Vendor{"Amazon", "amazon"},       Vendor{"SUSE", "suse"},
    Vendor{"openSUSE", "opensuse"},   Vendor{"Microsoft", "mariner"},
};

} // namespace

std::string purl_namespace(const distro::OsRelease* distro, const std::string& vendor) {
  if (distro != nullptr && !distro->id.empty() && distro->id != "linux") {
    for (const auto& known : k_id_vendors) {
      // "opensuse-leap", "opensuse-tumbleweed" all map to "opensuse".
      if (distro->id == known.match ||
          (known.match == "opensuse" && distro->id.starts_with("opensuse"))) {
        return std::string(known.name);
      }
    }
    return distro->id;
  }
  for (const auto& known : k_tag_vendors) {
    if (vendor.starts_with(known.match)) {
      return std::string(known.name);
    }
  }
  return {};
}

model::Component make_component(const RpmPackage& package, const std::string& vendor_namespace,
                                const distro::OsRelease* distro, const model::Evidence& evidence,
                                FileReport& report) {
  model::Component component =
      distro::package_component("rpm", package.name, full_version(package));
  std::string purl_version = package.version;
  if (!package.release.empty()) {
    purl_version += "-" + package.release;
  }

  if (!vendor_namespace.empty()) {
    std::vector<std::pair<std::string, std::string>> qualifiers;
    qualifiers.emplace_back("arch", package.arch);
    if (package.epoch) {
      qualifiers.emplace_back("epoch", std::to_string(*package.epoch));
    }
    if (distro != nullptr) {
      qualifiers.emplace_back("distro", distro::distro_qualifier(*distro));
    }
    qualifiers.emplace_back("upstream", package.source_rpm);
    auto purl = model::make_purl("rpm", vendor_namespace, package.name, purl_version,
                                 std::move(qualifiers));
    if (purl) {
      component.purl = purl->to_string();
    } else {
      report.warn("package " + package.name + " " + component.version + ": " + purl.error());
    }
    if (std::string cpe = distro::package_cpe(vendor_namespace, package.name, purl_version);
        !cpe.empty()) {
      component.cpes.push_back(std::move(cpe));
    }
  }
  if (!package.license.empty()) {
    component.licenses_declared.push_back(model::license_from_text(package.license));
  }
  // rpm's spec documentation: Vendor and Packager are the "vendor/
  // maintainer name / contact information". The vendor supplies the
  // package; the packager, its maintainer, is whom the vendor names for
  // it, so its address is the supplier's contact. Without a vendor the
  // packager is the only party that supplied the package. Neither wrote
  // the software, so neither is an author.
  model::Party packager = distro::parse_maintainer(package.packager);
  if (!package.vendor.empty()) {
    component.supplier.name = package.vendor;
    component.supplier.email = packager.email;
    component.supplier.url = packager.url;
    component.supplier.is_organization = true;
  } else if (!packager.empty()) {
    component.supplier = std::move(packager);
  }
  component.description = package.summary;
  distro::add_reference_if_set(component, "website", package.url);
  distro::add_property_if_set(component, k_property_source_rpm, package.source_rpm);
  if (package.size) {
    distro::add_property_if_set(component, k_property_size, std::to_string(*package.size));
  }
  distro::add_property_if_set(component, k_property_files, std::to_string(package.files.size()));
  distro::add_property_if_set(component, k_property_file_digests,
                              std::to_string(package.file_digests));
  distro::add_property_if_set(component, k_property_digest_algorithm,
                              package.file_digest_algorithm);
  distro::add_property_if_set(component, k_property_packager, package.packager);
  distro::add_property_if_set(component, k_property_sigmd5, package.sigmd5);
  distro::add_property_if_set(component, k_property_sha1_header, package.sha1_header);
  distro::add_property_if_set(component, k_property_sha256_header, package.sha256_header);
  distro::add_property_if_set(component, k_property_payload_digest, package.payload_digest);
  distro::add_property_if_set(component, k_property_payload_digest_alt, package.payload_digest_alt);
  distro::add_property_if_set(component, k_property_payload_digest_algorithm,
                              package.payload_digest_algorithm);
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::rpm
