#pragma once

#include <kensa/format/writer.hpp>
#include <kensa/validate/report.hpp>

#include <span>
#include <string>

// One renderer per report format; render_report() picks one.
namespace kensa::validate::report {

std::string render_text(std::span<const DocumentReport> reports, const ReportOptions& options);
std::string render_json(std::span<const DocumentReport> reports, const ReportOptions& options);
std::string render_sarif(std::span<const DocumentReport> reports, const ReportOptions& options);
std::string render_junit(std::span<const DocumentReport> reports, const ReportOptions& options);

// A finding's location for a human: "line 12, /components/3/purl".
std::string describe_location(const Finding& finding);

} // namespace kensa::validate::report
