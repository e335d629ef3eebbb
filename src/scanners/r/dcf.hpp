#pragma once

#include <kensa/scanner/file_report.hpp>

#include <map>
#include <string>
#include <string_view>

// Debian Control File syntax as R writes DESCRIPTION files: `Field: value`,
// continuation lines indented.
namespace kensa::scanner::r {

// Fields of one DESCRIPTION, far above real files (about 30).
inline constexpr std::size_t k_max_dcf_fields = 1'000;

// The fields of the first paragraph of `text`, continuation lines joined
// with a newline. A line that is neither a field nor a continuation is a
// warning in `report` with its line; past k_max_dcf_fields, one warning and
// the rest is not read.
std::map<std::string, std::string, std::less<>> read_dcf(std::string_view text, FileReport& report);

} // namespace kensa::scanner::r
