#pragma once

#include "../mapped_document.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/json_document.hpp>

#include <string_view>

namespace kensa::format::spdx {

// Maps an SPDX 3.0 JSON-LD document (the compact form with an @graph) into
// the model: software_Package elements become components (the Sbom's root
// package the subject), software_File elements the file inventory,
// dependsOn / hasOptionalDependency / contains / describes relationships
// edges, hasDeclaredLicense / hasConcludedLicense the licenses, and
// kensa-facts annotations what kensa's writer had to leave out. Other
// element types and relationship types are counted in `losses`. Fails only
// when there is no @graph or a limit is exceeded.
// The graph comes back unfinished (see mapped_document.hpp).
Result<MappedDocument> from_spdx3(const json::Value& document, std::string_view source_name,
                                  const ReadLimits& limits, LossReport& losses);

} // namespace kensa::format::spdx
