#include <kensa/validate/profiles.hpp>

// Each hint names what a buyer's reviewer or a CI job can do about a
// missing element; docs/validate/profiles.md has the same table, with the
// reasons.
namespace kensa::validate {

std::string_view how_to_supply(Element element) {
  switch (element) {
  case Element::sbom_author:
    return "kensa scan: pass --author 'NAME <EMAIL>' (repeatable), or author in the "
           "configuration file";
  case Element::sbom_timestamp:
    return "kensa scan writes the time of the scan (SOURCE_DATE_EPOCH fixes it)";
  case Element::sbom_tool_name:
  case Element::sbom_tool_version:
    return "kensa scan writes itself, with its version, as the tool";
  case Element::sbom_generation_context:
    return "kensa scan writes it from the kind of input (folder: pre-build, archive or file: "
           "post-build, root file system or image: operations); --lifecycle sets it";
  case Element::sbom_version:
  case Element::sbom_uri:
    return "kensa scan writes a serial number (CycloneDX) or document namespace (SPDX 2) or "
           "document id (SPDX 3)";
  case Element::sbom_signature:
    return "kensa does not sign: sign the document after it is written (the signature may "
           "also be detached)";
  case Element::component_supplier:
    return "from the package data where the ecosystem records a supplier "
           "(docs/scanners/); for what was scanned: --source-supplier 'NAME,URL'";
  case Element::component_name:
    return "from the package data; for what was scanned: --source-name";
  case Element::component_version:
    return "from the package data; for what was scanned: --source-version or --source-purl";
  case Element::component_identifiers:
    return "purls come from the package data; for what was scanned: --source-purl";
  case Element::component_hash:
    return "from lockfile and package database digests where recorded; --digests sha256 "
           "hashes the files that are components";
  case Element::component_sha512:
    return "--digests sha512 hashes the files that are components; lockfiles record SHA-512 "
           "for npm and NuGet packages";
  case Element::component_license:
    return "from the package's declared license, where its manifest has one";
  case Element::component_dependencies:
    return "from lockfiles and package databases that record a dependency graph";
  case Element::component_description:
    return "from the package's own description, where its metadata has one";
  case Element::component_filename:
  case Element::component_file_properties:
    return "kensa writes them for components that are files (Java archives, wheels, eggs, "
           "package files, an executable or library a binary scanner found one component "
           "in) and for a scanned archive; other components have no file of their own";
  case Element::vulnerabilities:
    return "kensa writes no vulnerabilities: an SBOM states components, a scanner of "
           "advisories adds vulnerabilities";
  }
  return "";
}

} // namespace kensa::validate
