#include <kensa/validate/profiles.hpp>

#include <array>

namespace kensa::validate {

namespace {

using E = Element;
using L = ElementLevel;

// NTIA, The Minimum Elements For a Software Bill of Materials, 2021-07-12:
// seven data fields (p.9), hash and license recommended (p.14).
constexpr ProfileRule k_ntia_2021[] = {
    {E::component_supplier, L::required},     {E::component_name, L::required},
    {E::component_version, L::required},      {E::component_identifiers, L::required},
    {E::component_dependencies, L::required}, {E::sbom_author, L::required},
    {E::sbom_timestamp, L::required},         {E::component_hash, L::recommended},
    {E::component_license, L::recommended},
};

// CISA, 2025 Minimum Elements, public-comment draft of 2025-08-22: eleven
// fields, all required.
constexpr ProfileRule k_cisa_2025_draft[] = {
    {E::sbom_author, L::required},
    {E::component_supplier, L::required},
    {E::component_name, L::required},
    {E::component_version, L::required},
    {E::component_identifiers, L::required},
    {E::component_hash, L::required},
    {E::component_license, L::required},
    {E::component_dependencies, L::required},
    {E::sbom_tool_name, L::required},
    {E::sbom_timestamp, L::required},
    {E::sbom_generation_context, L::required},
};

// CISA et al., 2026 Minimum Elements (v2.1, 2026-07-29), Appendix A. Where
// the text lets the author state "unknown", a declared unknown passes with a
// warning. The signature may be detached from the document, which kensa
// cannot see, so its absence is a warning (conditional). Format name and
// version are always present in a document kensa recognises.
constexpr ProfileRule k_cisa_2026[] = {
    {E::sbom_author, L::required},
    {E::sbom_signature, L::conditional},
    {E::sbom_generation_context, L::required},
    {E::sbom_timestamp, L::required},
    {E::sbom_tool_name, L::required},
    {E::sbom_tool_version, L::required, true},
    {E::sbom_version, L::required},
    {E::component_supplier, L::required, true},
    {E::component_dependencies, L::required},
    {E::component_hash, L::required, true},
    {E::component_identifiers, L::required},
    {E::component_license, L::required, true},
    {E::component_name, L::required},
    {E::component_version, L::required, true},
};

// BSI TR-03183-2 v2.1.0 (2025-08-20), §5.2 Tables 2 to 6 and §3.1.
constexpr ProfileRule k_bsi_2_1[] = {
    {E::sbom_author, L::required},
    {E::sbom_timestamp, L::required},
    {E::component_supplier, L::required},
    {E::component_name, L::required},
    {E::component_version, L::required},
    {E::component_filename, L::required},
    {E::component_dependencies, L::required},
    {E::component_license, L::required},
    {E::component_sha512, L::required},
    {E::component_file_properties, L::required},
    {E::sbom_uri, L::conditional},
    {E::component_identifiers, L::conditional},
    {E::vulnerabilities, L::forbidden},
};

// METI SBOM guidance 2.0 (2024-08-29): taken to be the NTIA 2021 fields
// with the NTIA recommended ones; see `unconfirmed`.
constexpr ProfileRule k_meti_2_0[] = {
    {E::component_supplier, L::required},     {E::component_name, L::required},
    {E::component_version, L::required},      {E::component_identifiers, L::required},
    {E::component_dependencies, L::required}, {E::sbom_author, L::required},
    {E::sbom_timestamp, L::required},         {E::component_hash, L::recommended},
    {E::component_license, L::recommended},
};

// CERT-In Technical Guidelines on SBOM v2.0 (2025-07-09), §4.1 Table 5: the
// fields an SBOM format can carry. Patch status, release and EOL dates,
// criticality, usage restrictions and component origin have no common field
// in CycloneDX or SPDX and are not checked.
constexpr ProfileRule k_cert_in_2_0[] = {
    {E::component_name, L::required},        {E::component_version, L::required},
    {E::component_description, L::required}, {E::component_supplier, L::required},
    {E::component_license, L::required},     {E::component_dependencies, L::required},
    {E::component_hash, L::required},        {E::sbom_author, L::required},
    {E::sbom_timestamp, L::required},        {E::component_identifiers, L::required},
    {E::vulnerabilities, L::recommended},    {E::component_file_properties, L::recommended},
};

constexpr std::array<Profile, 7> k_profiles{{
    {"ntia-2021", "NTIA Minimum Elements for an SBOM", "US NTIA, 2021-07-12", "", "", "",
     k_ntia_2021},
    {"cisa-2025-draft", "CISA 2025 Minimum Elements (public-comment draft, superseded)",
     "US CISA, 2025-08-22",
     "the draft PDF was not read; the field list comes from secondary sources", "", "",
     k_cisa_2025_draft},
    {"cisa-2026", "2026 Minimum Elements for an SBOM (US and Quad baseline)",
     "US CISA with 17 partner agencies, v2.1, 2026-07-29", "", "", "", k_cisa_2026},
    {"bsi-tr-03183-2-v2.1", "BSI TR-03183-2 Cyber Resilience Requirements, Part 2: SBOM",
     "DE BSI, v2.1.0, 2025-08-20", "", "1.6", "3.0.1", k_bsi_2_1},
    {"meti-2.0", "METI Guidance on Introduction of SBOM for Software Management",
     "JP METI, ver 2.0, 2024-08-29",
     "the METI text was not read; the profile is derived from NTIA 2021 (required) plus NTIA's "
     "recommended fields; see cisa-2026 for Japan's current co-signed baseline",
     "", "", k_meti_2_0},
    {"cert-in-2.0", "CERT-In Technical Guidelines on SBOM, QBOM & CBOM, AIBOM and HBOM",
     "IN CERT-In, v2.0, 2025-07-09",
     "the CERT-In text was not read; the 21 fields come from secondary sources; 6 of them have "
     "no field in CycloneDX or SPDX and are not checked",
     "", "", k_cert_in_2_0},
    {"asd-ism", "Australian ISM SBOM controls (ISM-1730), field baseline of cisa-2026",
     "AU ASD's ACSC, ISM; fields as cisa-2026 (co-authored by ASD's ACSC)",
     "Australia publishes no field list of its own; this profile applies cisa-2026's fields", "",
     "", k_cisa_2026},
}};

constexpr std::array<ProfileAlias, 5> k_aliases{{
    {"ntia", "ntia-2021"},
    {"cisa", "cisa-2026"},
    {"bsi", "bsi-tr-03183-2-v2.1"},
    {"meti", "meti-2.0"},
    {"cert-in", "cert-in-2.0"},
}};

} // namespace

std::string_view to_string(ElementLevel level) {
  switch (level) {
  case ElementLevel::required:
    return "required";
  case ElementLevel::conditional:
    return "conditional";
  case ElementLevel::recommended:
    return "recommended";
  case ElementLevel::forbidden:
    return "forbidden";
  }
  return "required";
}

std::string_view element_name(Element element) {
  switch (element) {
  case Element::sbom_author:
    return "SBOM Author";
  case Element::sbom_timestamp:
    return "SBOM Timestamp";
  case Element::sbom_tool_name:
    return "SBOM Tool Name";
  case Element::sbom_tool_version:
    return "SBOM Tool Version";
  case Element::sbom_generation_context:
    return "SBOM Generation Context";
  case Element::sbom_version:
    return "SBOM Version";
  case Element::sbom_signature:
    return "SBOM Author Signature";
  case Element::sbom_uri:
    return "SBOM URI";
  case Element::component_supplier:
    return "Component Supplier";
  case Element::component_name:
    return "Component Name";
  case Element::component_version:
    return "Component Version";
  case Element::component_identifiers:
    return "Component Identifiers";
  case Element::component_hash:
    return "Component Hash";
  case Element::component_sha512:
    return "Component SHA-512 Hash";
  case Element::component_license:
    return "Component License";
  case Element::component_dependencies:
    return "Component Dependencies";
  case Element::component_description:
    return "Component Description";
  case Element::component_filename:
    return "Component Filename";
  case Element::component_file_properties:
    return "Executable/Archive/Structured Properties";
  case Element::vulnerabilities:
    return "Vulnerabilities";
  }
  return "";
}

bool is_component_element(Element element) {
  switch (element) {
  case Element::sbom_author:
  case Element::sbom_timestamp:
  case Element::sbom_tool_name:
  case Element::sbom_tool_version:
  case Element::sbom_generation_context:
  case Element::sbom_version:
  case Element::sbom_signature:
  case Element::sbom_uri:
  case Element::vulnerabilities:
    return false;
  default:
    return true;
  }
}

double ElementCoverage::percent() const {
  const std::size_t total = present + declared_unknown + missing;
  return total == 0 ? 100.0 : 100.0 * static_cast<double>(present) / static_cast<double>(total);
}

std::span<const Profile> profile_table() {
  return k_profiles;
}

std::span<const ProfileAlias> profile_aliases() {
  return k_aliases;
}

Result<ResolvedProfile> resolve_profile(std::string_view name) {
  for (const auto& profile : k_profiles) {
    if (profile.id == name) {
      return ResolvedProfile{&profile, {}};
    }
  }
  for (const auto& alias : k_aliases) {
    if (alias.alias == name) {
      for (const auto& profile : k_profiles) {
        if (profile.id == alias.id) {
          return ResolvedProfile{&profile, std::string(name)};
        }
      }
    }
  }
  std::string known;
  for (const auto& profile : k_profiles) {
    known += known.empty() ? "" : ", ";
    known += profile.id;
  }
  return fail("unknown profile '" + std::string(name) + "' (known: " + known +
              "; see kensa validate --list-profiles)");
}

} // namespace kensa::validate
