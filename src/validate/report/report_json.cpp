#include "renderers.hpp"

#include <nlohmann/json.hpp>

namespace kensa::validate::report {

namespace {

using Json = nlohmann::ordered_json;

Json finding_json(const Finding& finding) {
  Json out;
  out["severity"] = to_string(finding.severity);
  out["rule"] = finding.rule;
  out["location"] = finding.location;
  if (finding.line > 0) {
    out["line"] = finding.line;
  }
  out["message"] = finding.message;
  if (!finding.hint.empty()) {
    out["hint"] = finding.hint;
  }
  return out;
}

Json document_json(const DocumentReport& report, const ReportOptions& options) {
  Json out;
  out["path"] = report.path;
  if (report.kind) {
    const format::OutputFormat* written_as = format::format_of(*report.kind);
    out["format"] = written_as != nullptr ? written_as->name : "unknown";
    out["version"] = report.kind->spec_version;
  }
  out["result"] = !report.read_error.empty()       ? "unreadable"
                  : fails(report, options.fail_on) ? "fail"
                                                   : "pass";
  if (!report.read_error.empty()) {
    out["error"] = report.read_error;
  }
  out["counts"] = {{"error", report.count(Severity::error)},
                   {"warning", report.count(Severity::warning)},
                   {"info", report.count(Severity::info)},
                   {"dropped", report.dropped_findings}};
  out["findings"] = Json::array();
  for (const auto& finding : report.findings) {
    out["findings"].push_back(finding_json(finding));
  }
  out["profiles"] = Json::array();
  for (const auto& profile : report.profiles) {
    Json entry;
    entry["id"] = profile.id;
    entry["components"] = profile.components;
    entry["elements"] = Json::array();
    for (const auto& coverage : profile.coverage) {
      Json element;
      element["element"] = element_name(coverage.element);
      element["level"] = to_string(coverage.level);
      element["present"] = coverage.present;
      element["declaredUnknown"] = coverage.declared_unknown;
      element["missing"] = coverage.missing;
      element["percent"] = static_cast<double>(static_cast<long>(coverage.percent() * 10)) / 10;
      entry["elements"].push_back(std::move(element));
    }
    out["profiles"].push_back(std::move(entry));
  }
  return out;
}

} // namespace

std::string render_json(std::span<const DocumentReport> reports, const ReportOptions& options) {
  Json out;
  out["reportVersion"] = 1;
  out["tool"] = {{"name", "kensa"}, {"version", options.tool_version}};
  out["failOn"] = options.fail_on == FailOn::error     ? "error"
                  : options.fail_on == FailOn::warning ? "warning"
                                                       : "never";
  out["documents"] = Json::array();
  std::size_t failed = 0;
  for (const auto& report : reports) {
    out["documents"].push_back(document_json(report, options));
    failed += fails(report, options.fail_on) ? 1 : 0;
  }
  out["summary"] = {
      {"documents", reports.size()}, {"passed", reports.size() - failed}, {"failed", failed}};
  // Replacement of invalid UTF-8 keeps the report valid JSON whatever a
  // hostile document quoted.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace kensa::validate::report
