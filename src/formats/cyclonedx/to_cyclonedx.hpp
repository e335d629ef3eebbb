#pragma once

#include "cyclonedx_bom.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kensa::format::cyclonedx {

// Maps `document` onto the fields CycloneDX `version` (1.4 to 1.7) defines:
// bom-refs, nesting for `contains`, one dependency entry per component, the
// file inventory as components of type file nested in their owner,
// compositions from the document's completeness, license choices the
// version's schema accepts. What the version cannot hold is kept as a
// kensa:* property where that loses nothing, and counted in `losses`
// otherwise. The serial number is left empty for the serializer to derive.
CdxBom to_cyclonedx(const model::Document& document, std::string_view version, LossReport& losses);

// The same mapping with the top-level components left to be mapped one by
// one, as a writer renders them: a big document's components are then never
// all held in CycloneDX's shape at once (for 100,000 components, a few
// hundred megabytes of fresh memory and their copying). `document` must
// outlive it.
// A dependency entry as CdxBomMapping gives it: views of refs it holds.
struct CdxDependencyView {
  const std::string& ref;
  std::span<const std::string* const> depends_on;
};

class CdxBomMapping {
 public:
  CdxBomMapping(const model::Document& document, std::string_view version, LossReport& losses);
  CdxBomMapping(const CdxBomMapping&) = delete;
  CdxBomMapping& operator=(const CdxBomMapping&) = delete;
  ~CdxBomMapping();

  // The BOM but for its components and dependencies (both empty).
  CdxBom& bom();
  // How many top-level components the BOM has.
  std::size_t component_count() const;
  // Top-level component `index` (below component_count()) with what it
  // contains, counting what it loses in `losses`. Each index is taken once
  // (the files nested in it move out); two threads may take different
  // indices, each with a loss report of its own.
  CdxComponent take_component(std::size_t index, LossReport& losses);
  // The dependency entries (bom.dependencies is empty), in their order.
  std::size_t dependency_count() const;
  // Entry `index` (below dependency_count()), its targets sorted by ref
  // and without repeats; valid as long as the mapping. Each index is taken
  // once; two threads may take different indices.
  CdxDependencyView take_dependency(std::size_t index);

 private:
  struct Parts;
  std::unique_ptr<Parts> m_parts;
};

// The bom-ref kensa gives a component: the one the document it was read
// from gave it, when kept; else its purl, unique in a kensa document and
// readable, or its content-derived id when it has none.
std::string bom_ref(const model::Component& component);

// A file component's bom-ref is this prefix and the file's path.
inline constexpr std::string_view k_file_ref_prefix = "file:";

} // namespace kensa::format::cyclonedx
