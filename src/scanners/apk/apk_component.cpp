#include "apk_component.hpp"

#include "../common/distro/os_package.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::apk {

namespace {

// apk writes the checksum of a package's control data as "Q1" followed by
// the base64 of its SHA-1 (apk-tools 2); "Q2" marks a SHA-256.
Result<model::Hash> decode_checksum(std::string_view checksum) {
  if (checksum.size() < 3 || checksum[0] != 'Q') {
    return fail("checksum \"" + std::string(checksum.substr(0, 60)) + "\" is not Q1/Q2 base64");
  }
  auto bytes = model::decode_base64(checksum.substr(2));
  if (!bytes) {
    return fail("checksum: " + bytes.error());
  }
  if (checksum[1] == '1' && bytes->size() == 20) {
    return model::Hash{model::HashAlgorithm::sha1, model::to_hex(*bytes)};
  }
  if (checksum[1] == '2' && bytes->size() == 32) {
    return model::Hash{model::HashAlgorithm::sha256, model::to_hex(*bytes)};
  }
  return fail("checksum \"" + std::string(checksum.substr(0, 60)) +
              "\" has the wrong length for its kind");
}

} // namespace

std::string purl_namespace(const distro::OsRelease* distro) {
  if (distro != nullptr && !distro->id.empty() && distro->id != "linux") {
    return distro->id;
  }
  return "alpine";
}

model::Component make_component(const ApkPackage& package, const distro::OsRelease* distro,
                                const model::Evidence& evidence, FileReport& report) {
  model::Component component = distro::package_component("apk", package.name, package.version);
  std::string vendor = purl_namespace(distro);
  std::string describe = "package " + package.name + " " + package.version;

  std::vector<std::pair<std::string, std::string>> qualifiers;
  qualifiers.emplace_back("arch", package.architecture);
  if (distro != nullptr) {
    qualifiers.emplace_back("distro", distro::distro_qualifier(*distro));
  }
  if (!package.origin.empty() && package.origin != package.name) {
    qualifiers.emplace_back("upstream", package.origin);
  }
  auto purl = model::make_purl("apk", vendor, package.name, package.version, std::move(qualifiers));
  if (purl) {
    component.purl = purl->to_string();
  } else {
    report.warn(describe + ": " + purl.error());
  }
  if (std::string cpe = distro::package_cpe(vendor, package.name, package.version); !cpe.empty()) {
    component.cpes.push_back(std::move(cpe));
  }
  if (!package.license.empty()) {
    component.licenses_declared.push_back(model::license_from_text(package.license));
  }
  if (!package.checksum.empty()) {
    auto hash = decode_checksum(package.checksum);
    if (hash) {
      component.hashes.push_back(std::move(*hash));
    } else {
      report.warn(describe + ": " + hash.error());
    }
  }
  component.supplier = distro::parse_maintainer(package.maintainer);
  component.description = package.description;
  distro::add_reference_if_set(component, "website", package.url);
  distro::add_property_if_set(component, k_property_origin, package.origin);
  distro::add_property_if_set(component, k_property_size, package.size);
  distro::add_property_if_set(component, k_property_installed_size, package.installed_size);
  distro::add_property_if_set(component, k_property_commit, package.commit);
  distro::add_property_if_set(component, k_property_files, std::to_string(package.files.size()));
  distro::add_property_if_set(component, k_property_file_digests,
                              std::to_string(package.file_digests));
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::apk
