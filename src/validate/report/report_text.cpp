#include "renderers.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace kensa::validate::report {

namespace {

const char* colour_of(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "\x1b[31m";
  case Severity::warning:
    return "\x1b[33m";
  case Severity::info:
    return "\x1b[36m";
  }
  return "";
}

std::string percent(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%5.1f%%", value);
  return buffer;
}

std::string pad(std::string_view text, std::size_t width) {
  std::string padded(text);
  if (padded.size() < width) {
    padded.append(width - padded.size(), ' ');
  }
  return padded;
}

void render_document(const DocumentReport& report, const ReportOptions& options, std::string& out) {
  const bool failed = fails(report, options.fail_on);
  out += report.path + ": ";
  if (!report.read_error.empty()) {
    out += "cannot validate: " + report.read_error + "\n";
    return;
  }
  out += format::format_label(*report.kind) + ", ";
  out += failed ? "FAIL" : "PASS";
  out += " (" + std::to_string(report.count(Severity::error)) + " errors, " +
         std::to_string(report.count(Severity::warning)) + " warnings, " +
         std::to_string(report.count(Severity::info)) + " notes)\n";

  std::vector<const Finding*> ordered;
  for (const auto& finding : report.findings) {
    ordered.push_back(&finding);
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Finding* a, const Finding* b) { return a->severity < b->severity; });
  for (const Finding* finding : ordered) {
    const std::string_view severity = to_string(finding->severity);
    out += "  ";
    if (options.colour) {
      out += colour_of(finding->severity);
    }
    out += pad(severity, 8);
    if (options.colour) {
      out += "\x1b[0m";
    }
    out += finding->rule + " at " + describe_location(*finding) + "\n";
    out += "          " + finding->message + "\n";
    if (!finding->hint.empty()) {
      out += "          fix: " + finding->hint + "\n";
    }
  }
  if (report.dropped_findings > 0) {
    out += "  … and " + std::to_string(report.dropped_findings) + " more findings not shown\n";
  }
  for (const auto& profile : report.profiles) {
    out += "  profile " + profile.id + ": coverage over " + std::to_string(profile.components) +
           " components\n";
    for (const auto& coverage : profile.coverage) {
      out += "    " + pad(element_name(coverage.element), 42) + pad(to_string(coverage.level), 12) +
             percent(coverage.percent()) + " present";
      if (coverage.declared_unknown > 0) {
        out += ", " + std::to_string(coverage.declared_unknown) + " declared unknown";
      }
      if (coverage.missing > 0) {
        out += ", " + std::to_string(coverage.missing) + " missing";
      }
      out += "\n";
      // The reader of a filed report sees at once what would close the gap.
      if (coverage.missing > 0 && coverage.level != ElementLevel::forbidden) {
        out += "      to supply: " + std::string(how_to_supply(coverage.element)) + "\n";
      }
    }
  }
}

} // namespace

std::string render_text(std::span<const DocumentReport> reports, const ReportOptions& options) {
  std::string out;
  std::size_t failed = 0;
  for (const auto& report : reports) {
    render_document(report, options, out);
    failed += fails(report, options.fail_on) ? 1 : 0;
  }
  if (reports.size() > 1) {
    out += std::to_string(reports.size()) +
           " documents: " + std::to_string(reports.size() - failed) + " passed, " +
           std::to_string(failed) + " failed\n";
  }
  return out;
}

} // namespace kensa::validate::report
