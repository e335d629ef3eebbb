#pragma once

#include "../mapped_document.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/json_document.hpp>

#include <string_view>

namespace kensa::format::cyclonedx {

// Maps a CycloneDX BOM in its JSON shape (any version from 1.2 to 1.7; the
// XML reader produces the same shape) into the model: nested components
// become `contains` edges, dependencies `depends_on` edges (`describes` from
// the metadata component), the kensa:* properties kensa's writers use are
// turned back into fields, and fields the model lacks (publisher, copyright,
// tags, ...) become properties. Elements that cannot be read are
// diagnostics naming `source_name`; what is dropped is counted in `losses`.
// Fails only when a limit is exceeded.
// The graph comes back unfinished (see mapped_document.hpp).
Result<MappedDocument> from_cyclonedx(const json::Value& bom, std::string_view source_name,
                                      const ReadLimits& limits, LossReport& losses);

} // namespace kensa::format::cyclonedx
