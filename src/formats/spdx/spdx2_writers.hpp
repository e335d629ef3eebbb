#pragma once

#include "spdx2_document.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace kensa::format::spdx {

// Serializes `document` in the SPDX tag-value format: one "Tag: value" per
// line, multi-line text in <text>...</text>, each package followed by its
// annotations, then files, licenses and relationships.
std::string spdx2_tag_value_text(const Spdx2Document& document);

// The rows of the writer table: `document` as SPDX `version` ("2.2", "2.3").
// JSON and YAML are the same tree; every encoding gets the content-derived
// namespace hash filled in.
void write_json(const model::Document& document, std::string_view version, std::ostream& out,
                LossReport& losses);
void write_yaml(const model::Document& document, std::string_view version, std::ostream& out,
                LossReport& losses);
void write_tag_value(const model::Document& document, std::string_view version, std::ostream& out,
                     LossReport& losses);

} // namespace kensa::format::spdx
