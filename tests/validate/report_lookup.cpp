#include "report_lookup.hpp"

#include <algorithm>

namespace kensa::testing {

bool has_rule(const validate::DocumentReport& report, const std::string& rule,
              const std::string& location) {
  return std::any_of(report.findings.begin(), report.findings.end(), [&](const auto& finding) {
    return finding.rule == rule && (location.empty() || finding.location == location);
  });
}

} // namespace kensa::testing
