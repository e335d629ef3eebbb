#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <string_view>

namespace kensa::format::kensa_json {

// The version written in "kensaJson"; a reader refuses other major versions.
inline constexpr std::string_view k_kensa_json_version = "1";

// The whole model as JSON, field for field (evidence, diagnostics and file
// inventory included), for debugging and loss-free round trips. Fields that
// are empty are left out. Loses nothing.
void write_kensa_json(const model::Document& document, std::string_view version, std::ostream& out,
                      LossReport& losses);

} // namespace kensa::format::kensa_json
