#include "renderers.hpp"

#include <cstdint>

namespace kensa::validate::report {

namespace {

// Escapes text for XML attributes and content; control characters XML 1.0
// cannot carry and invalid UTF-8 bytes become '?'.
std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
    case '&':
      out += "&amp;";
      continue;
    case '<':
      out += "&lt;";
      continue;
    case '>':
      out += "&gt;";
      continue;
    case '"':
      out += "&quot;";
      continue;
    default:
      break;
    }
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
      out += '?';
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // Copy a well-formed UTF-8 sequence whole; anything else is replaced.
      const std::size_t length = c >= 0xF0 && c < 0xF5   ? 4
                                 : c >= 0xE0             ? 3
                                 : c >= 0xC2 && c < 0xE0 ? 2
                                                         : 0;
      bool valid = length > 0 && i + length <= text.size();
      for (std::size_t k = 1; valid && k < length; ++k) {
        valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
      }
      if (valid) {
        out.append(text.substr(i, length));
        i += length - 1;
      } else {
        out += '?';
      }
    }
  }
  return out;
}

std::string finding_lines(const DocumentReport& report, std::string_view prefix) {
  std::string text;
  for (const auto& finding : report.findings) {
    if (!prefix.empty() && !finding.message.starts_with(prefix)) {
      continue;
    }
    text += std::string(to_string(finding.severity)) + " " + finding.rule + " at " +
            describe_location(finding) + ": " + finding.message + "\n";
  }
  return text;
}

} // namespace

std::string render_junit(std::span<const DocumentReport> reports, const ReportOptions& options) {
  std::string cases;
  std::size_t tests = 0;
  std::size_t failures = 0;
  std::size_t errors = 0;
  for (const auto& report : reports) {
    ++tests;
    cases += "    <testcase classname=\"kensa." + options.command + "\" name=\"" +
             xml_escape(report.path) + "\"";
    if (!report.read_error.empty()) {
      ++errors;
      cases += ">\n      <error message=\"" + xml_escape(report.read_error) + "\"/>\n" +
               "    </testcase>\n";
      continue;
    }
    if (fails(report, options.fail_on)) {
      ++failures;
      cases += ">\n      <failure message=\"" + std::to_string(report.count(Severity::error)) +
               " errors, " + std::to_string(report.count(Severity::warning)) + " warnings\">" +
               xml_escape(finding_lines(report, "")) + "</failure>\n" + "    </testcase>\n";
    } else {
      cases += "/>\n";
    }
    for (const auto& profile : report.profiles) {
      ++tests;
      const std::string prefix = "[" + profile.id + "]";
      std::size_t profile_errors = 0;
      for (const auto& finding : report.findings) {
        if (finding.severity == Severity::error && finding.message.starts_with(prefix)) {
          ++profile_errors;
        }
      }
      cases += "    <testcase classname=\"kensa." + options.command + ".profile\" name=\"" +
               xml_escape(report.path + " " + prefix) + "\"";
      if (profile_errors > 0 && options.fail_on != FailOn::never) {
        ++failures;
        cases += ">\n      <failure message=\"" + std::to_string(profile_errors) +
                 " missing or forbidden elements\">" + xml_escape(finding_lines(report, prefix)) +
                 "</failure>\n    </testcase>\n";
      } else {
        cases += "/>\n";
      }
    }
  }
  const std::string counts = " tests=\"" + std::to_string(tests) + "\" failures=\"" +
                             std::to_string(failures) + "\" errors=\"" + std::to_string(errors) +
                             "\"";
  const std::string suite = "kensa " + options.command;
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + suite + "\"" + counts +
         ">\n  <testsuite name=\"" + suite + "\"" + counts + ">\n" + cases +
         "  </testsuite>\n</testsuites>\n";
}

} // namespace kensa::validate::report
