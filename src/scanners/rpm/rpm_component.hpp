#pragma once

#include "../common/distro/os_release.hpp"
#include "rpm_package.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <vector>

// Turning one rpm package into a model::Component.
namespace kensa::scanner::rpm {

inline constexpr std::string_view k_property_source_rpm = "kensa:rpm:sourcerpm";
inline constexpr std::string_view k_property_size = "kensa:rpm:size";
inline constexpr std::string_view k_property_files = "kensa:rpm:files";
inline constexpr std::string_view k_property_file_digests = "kensa:rpm:file-digests";
inline constexpr std::string_view k_property_digest_algorithm = "kensa:rpm:file-digest-algorithm";
// PACKAGER as written: the maintainer's name and contact (rpm's spec
// documentation), kept whole since the supplier holds only its address
// when VENDOR names the supplier.
inline constexpr std::string_view k_property_packager = "kensa:rpm:packager";
// The header's own digests (RpmPackage): of parts of the package file, not
// of the file, so properties rather than the component's hashes.
inline constexpr std::string_view k_property_sigmd5 = "kensa:rpm:sigmd5";
inline constexpr std::string_view k_property_sha1_header = "kensa:rpm:sha1header";
inline constexpr std::string_view k_property_sha256_header = "kensa:rpm:sha256header";
inline constexpr std::string_view k_property_payload_digest = "kensa:rpm:payloaddigest";
inline constexpr std::string_view k_property_payload_digest_alt = "kensa:rpm:payloaddigestalt";
inline constexpr std::string_view k_property_payload_digest_algorithm =
    "kensa:rpm:payloaddigest-algorithm";

// The purl namespace (the vendor): from the distribution's ID ("rhel" ->
// "redhat", "opensuse-leap" -> "opensuse", "sles" -> "suse"), else from the
// package's VENDOR tag for the distributions kensa knows; empty when neither
// says.
std::string purl_namespace(const distro::OsRelease* distro, const std::string& vendor);

// purl pkg:rpm/<namespace>/<name>@<version>-<release> with arch, epoch,
// distro and upstream (the source rpm) qualifiers; no purl without a
// namespace. The version is "E:V-R" when there is an epoch. VENDOR is the
// supplier, with PACKAGER's address as its contact; without VENDOR, the
// PACKAGER (the package's maintainer) is. LICENSE is the declared license.
// Problems are warnings in `report`.
model::Component make_component(const RpmPackage& package, const std::string& vendor_namespace,
                                const distro::OsRelease* distro, const model::Evidence& evidence,
                                FileReport& report);

} // namespace kensa::scanner::rpm
