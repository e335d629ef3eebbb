#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <ostream>
#include <string_view>

namespace kensa::format::purls {

// One purl per line, sorted, each once: the input of tools that take a purl
// list (vulnerability lookups, allow lists). Components without a purl are
// counted in `losses`.
void write_purls(const model::Document& document, std::string_view version, std::ostream& out,
                 LossReport& losses);

} // namespace kensa::format::purls
