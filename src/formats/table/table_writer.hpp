#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <string_view>

namespace kensa::format::table {

// NAME, VERSION, TYPE, SCOPE and the scanner that found each component, in
// aligned columns, one row per component in document order (which is stable).
void write_table(const model::Document& document, std::string_view version, std::ostream& out,
                 LossReport& losses);

} // namespace kensa::format::table
