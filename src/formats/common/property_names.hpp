#pragma once

#include <string_view>

// Names of the properties kensa uses to carry a fact through a format that
// has no field for it. Writers turn some of them back into native fields
// where the target format (or spec version) has one, and readers turn native
// fields the model lacks into them, so a conversion keeps them instead of
// dropping them.
namespace kensa::format::property {

// Component needed only for development (model::Component::development).
inline constexpr std::string_view k_development = "kensa:development";
// Scanner that found the component (model::Evidence::found_by).
inline constexpr std::string_view k_found_by = "kensa:found-by";
// Each CPE after the first: CycloneDX has room for one.
inline constexpr std::string_view k_cpe23 = "kensa:cpe23";
// Where the component was found, for formats without occurrences.
inline constexpr std::string_view k_location = "kensa:location";
// The component type when the spec version has no word for it.
inline constexpr std::string_view k_component_type = "kensa:component-type";
// The component scope, for formats without one.
inline constexpr std::string_view k_scope = "kensa:scope";
// Copyright text (CycloneDX copyright, SPDX copyrightText).
inline constexpr std::string_view k_copyright = "kensa:copyright";
// A license found in one of the component's files, with the file and the
// score (model::license_evidence_text), which CycloneDX's evidence.licenses
// has no field for.
inline constexpr std::string_view k_license_evidence = "kensa:license:evidence";
// Document lifecycle phase, for CycloneDX 1.4, which has no lifecycles.
inline constexpr std::string_view k_lifecycle = "kensa:lifecycle";
// On a CycloneDX file component: the bom-ref of an owner other than the
// component it is nested in (a file several packages install).
inline constexpr std::string_view k_file_also_owned_by = "kensa:file:also-owned-by";

// CycloneDX fields kept for CycloneDX writers of versions that have them.
inline constexpr std::string_view k_cdx_publisher = "kensa:cyclonedx:publisher";
inline constexpr std::string_view k_cdx_mime_type = "kensa:cyclonedx:mime-type";
inline constexpr std::string_view k_cdx_omnibor_id = "kensa:cyclonedx:omniborId";
inline constexpr std::string_view k_cdx_swhid = "kensa:cyclonedx:swhid";
inline constexpr std::string_view k_cdx_tag = "kensa:cyclonedx:tag";

// A link whose text has no URI form ("<prefix><type>", the text as value):
// CycloneDX requires an iri-reference there, and the text is kept, not
// dropped or written invalid.
inline constexpr std::string_view k_link_text_prefix = "kensa:external-reference:";

// SPDX fields kept for SPDX writers.
inline constexpr std::string_view k_spdx_document_name = "kensa:spdx:document-name";
// Document properties "<prefix><LicenseRef-id>" with the text and the name
// of a LicenseRef- the document uses: an SPDX document's extracted
// licenses, and the license names a CycloneDX writer before 1.7 joins into
// an expression; SPDX writers give them back.
inline constexpr std::string_view k_license_ref_text = "kensa:spdx:license-text:";
inline constexpr std::string_view k_license_ref_name = "kensa:spdx:license-name:";
// A primary package purpose with no component type (SOURCE, ARCHIVE, INSTALL).
inline constexpr std::string_view k_spdx_purpose = "kensa:spdx:primary-package-purpose";

} // namespace kensa::format::property
