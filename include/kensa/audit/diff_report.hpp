#pragma once

#include <kensa/audit/diff.hpp>
#include <kensa/util/result.hpp>

#include <string>
#include <string_view>

// Rendering a diff: compact text for a terminal, JSON for programs,
// Markdown for a pull-request comment (docs/cli.md, "kensa diff").
namespace kensa::audit {

enum class DiffReportFormat { text, json, markdown };

// Parses "text", "json" or "markdown".
Result<DiffReportFormat> parse_diff_report_format(std::string_view name);

// What the report says of each document.
struct DiffSide {
  // As given on the command line.
  std::string path;
  // "CycloneDX 1.6", "SPDX 2.3", ...
  std::string format;
};

// The report of `result`. Text from the documents is escaped for a terminal
// in the text report, and as JSON and Markdown require in theirs.
std::string render_diff(const DiffResult& result, const DiffSide& before, const DiffSide& after,
                        DiffReportFormat format);

} // namespace kensa::audit
