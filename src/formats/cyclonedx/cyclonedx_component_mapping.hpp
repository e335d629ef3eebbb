#pragma once

#include "cyclonedx_bom.hpp"
#include "cyclonedx_vocabulary.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

// One component of a document as CycloneDX holds it (to_cyclonedx.cpp maps
// the document around its components): type, licenses, parties, evidence,
// hashes, and what the version has no field for as kensa:* properties.
namespace kensa::format::cyclonedx {

// License name to the LicenseRef- it is written as inside an expression
// (before 1.7, see joined_expression).
using LicenseRefs = std::map<std::string, std::string, std::less<>>;

struct Context {
  int minor;
  const CdxVocabulary& vocabulary;
  LossReport& losses;
  // Decided before the components are mapped (license_refs_of), so that
  // the two halves of a big document share them unchanged.
  const LicenseRefs* license_refs = nullptr;
};

// The LicenseRef- each license name joined into an expression is written
// as (before 1.7); each is also kept as a property added to
// `document_properties`.
LicenseRefs license_refs_of(const model::Document& document, int minor,
                            std::vector<model::Property>& document_properties);

// A contact (an author) has a name and an e-mail address, no link.
CdxContact contact(const model::Party& party, LossReport& losses);

// A file of the inventory (--files) as a component of type file: its path
// is its name and, prefixed with "file:", its bom-ref. Owners past the
// first (the one it is nested in) are named by property.
CdxComponent file_component(const model::FileEntry& file,
                            const std::vector<std::string>& other_owner_refs, Context& context);

// `component` with the bom-ref `ref`, without the components nested in it.
CdxComponent map_component(const model::Component& component, std::string ref, Context& context);

} // namespace kensa::format::cyclonedx
