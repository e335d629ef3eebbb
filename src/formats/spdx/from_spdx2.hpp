#pragma once

#include "../mapped_document.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/json_document.hpp>

#include <string_view>

namespace kensa::format::spdx {

// Maps an SPDX 2.x document in its JSON shape (SPDX JSON as parsed, or the
// tree read from tag-value or YAML, see spdx2_tree.hpp) into the model:
// packages become components (the one package the document DESCRIBES, or
// kensa's SPDXRef-Subject- package, becomes the subject), files the file
// inventory, relationships edges in the model's direction. kensa-facts
// annotations give back what kensa's writers had to leave out; fields the
// model lacks are kept as kensa:spdx:* properties; what has no place at
// all (snippets, relationship kinds the model lacks) is counted in
// `losses`. Fails only when a limit is exceeded.
// The graph comes back unfinished (see mapped_document.hpp).
Result<MappedDocument> from_spdx2(const json::Value& document, std::string_view source_name,
                                  const ReadLimits& limits, LossReport& losses);

} // namespace kensa::format::spdx
