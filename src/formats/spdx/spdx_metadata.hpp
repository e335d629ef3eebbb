#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <string>
#include <string_view>

// What the SPDX writers (2.x and 3.0) make of the document's metadata
// beyond its authors: tools and document properties.
namespace kensa::format::spdx {

// "name-version", or the name alone: how SPDX names a tool, in a 2.x
// creator ("Tool: ...") and as a 3.0 Tool element.
std::string tool_name(const model::Tool& tool);

// The tool a creator's "name-version" names (the version is what follows
// the last '-' before a digit). kensa's own tool gets back the vendor that
// SPDX has no field for: kensa is its own vendor.
model::Tool tool_of_name(std::string_view text);

// Counts in `losses` what neither SPDX version has a field for: tool
// vendors (but kensa's own, which tool_of_name gives back), completeness, and the document
// properties other than those the writers carry (the document's name, the texts and names of
// LicenseRef-s).
void count_metadata_losses(const model::DocumentMetadata& metadata, LossReport& losses);

} // namespace kensa::format::spdx
