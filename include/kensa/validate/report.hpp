#pragma once

#include <kensa/util/result.hpp>
#include <kensa/validate/validator.hpp>

#include <span>
#include <string>
#include <string_view>

// Rendering validation results for people and machines
// (docs/validate/reports.md).
namespace kensa::validate {

enum class ReportFormat {
  // Grouped by file and severity, one line per finding with a fix hint.
  text,
  // kensa's own stable JSON (docs/validate/report.schema.json).
  json,
  // SARIF 2.1.0, for code-scanning pages.
  sarif,
  // JUnit XML, one test case per file (and per profile), for CI test tabs.
  junit,
};

// Parses "text", "json", "sarif" or "junit".
Result<ReportFormat> parse_report_format(std::string_view name);

// Which findings make a document fail.
enum class FailOn {
  error,
  warning,
  never,
};

Result<FailOn> parse_fail_on(std::string_view name);

// Whether `report` fails under `fail_on`. A document that could not be read
// always fails.
bool fails(const DocumentReport& report, FailOn fail_on);

struct ReportOptions {
  FailOn fail_on = FailOn::error;
  // ANSI colour in the text report (only when writing to a terminal).
  bool colour = false;
  // kensa's version, for the SARIF driver and the JSON report.
  std::string tool_version;
  // The command whose findings these are ("validate", "verify"): names
  // the JUnit suite and test classes.
  std::string command = "validate";
};

std::string render_report(std::span<const DocumentReport> reports, ReportFormat format,
                          const ReportOptions& options);

} // namespace kensa::validate
