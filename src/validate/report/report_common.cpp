#include "renderers.hpp"

#include <kensa/validate/report.hpp>

namespace kensa::validate {

std::string_view to_string(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::info:
    return "info";
  }
  return "error";
}

Result<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "text") {
    return ReportFormat::text;
  }
  if (name == "json") {
    return ReportFormat::json;
  }
  if (name == "sarif") {
    return ReportFormat::sarif;
  }
  if (name == "junit") {
    return ReportFormat::junit;
  }
  return fail("unknown report format '" + std::string(name) + "' (use text, json, sarif or junit)");
}

Result<FailOn> parse_fail_on(std::string_view name) {
  if (name == "error") {
    return FailOn::error;
  }
  if (name == "warning") {
    return FailOn::warning;
  }
  if (name == "never") {
    return FailOn::never;
  }
  return fail("--fail-on must be error, warning or never, not '" + std::string(name) + "'");
}

bool fails(const DocumentReport& report, FailOn fail_on) {
  if (!report.read_error.empty()) {
    return true;
  }
  switch (fail_on) {
  case FailOn::never:
    return false;
  case FailOn::warning:
    return report.count(Severity::error) + report.count(Severity::warning) > 0;
  case FailOn::error:
    return report.count(Severity::error) > 0;
  }
  return false;
}

namespace report {

std::string describe_location(const Finding& finding) {
  std::string text;
  if (finding.line > 0) {
    text = "line " + std::to_string(finding.line);
  }
  if (!finding.location.empty()) {
    text += text.empty() ? "" : ", ";
    text += finding.location;
  }
  return text.empty() ? "document" : text;
}

} // namespace report

std::string render_report(std::span<const DocumentReport> reports, ReportFormat format,
                          const ReportOptions& options) {
  switch (format) {
  case ReportFormat::json:
    return report::render_json(reports, options);
  case ReportFormat::sarif:
    return report::render_sarif(reports, options);
  case ReportFormat::junit:
    return report::render_junit(reports, options);
  case ReportFormat::text:
    break;
  }
  return report::render_text(reports, options);
}

} // namespace kensa::validate
