#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <cstddef>
#include <ostream>
#include <string_view>

// Tables for people (docs/formats.md): one row per component in document
// order (which is stable), in aligned columns.
namespace kensa::format::table {

// NAME, VERSION, TYPE, SCOPE and FOUND BY (the scanners that found it).
void write_table(const model::Document& document, std::string_view version, std::ostream& out,
                 LossReport& losses);
// The same with PURL and LOCATION (where it was found, "+N" when in more
// places) last: what tells two components of the same name apart.
void write_wide_table(const model::Document& document, std::string_view version, std::ostream& out,
                      LossReport& losses);

// The same within `width` columns (a terminal's): the widest columns are
// cut, with "…", until the rows fit (down to a few characters each).
void write_table_within(const model::Document& document, std::size_t width, std::ostream& out);
void write_wide_table_within(const model::Document& document, std::size_t width, std::ostream& out);

} // namespace kensa::format::table
