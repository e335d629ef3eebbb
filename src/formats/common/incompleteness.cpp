#include "incompleteness.hpp"

#include <kensa/model/diagnostic_budget.hpp>

namespace kensa::format::common {

std::vector<std::string> omission_lines(const model::DocumentMetadata& metadata) {
  std::vector<std::string> lines;
  for (const auto& omission : metadata.omissions) {
    lines.push_back(omission.location.empty() ? omission.reason
                                              : omission.location + ": " + omission.reason);
  }
  if (metadata.omitted > metadata.omissions.size()) {
    lines.push_back("and " + model::with_thousands(metadata.omitted - metadata.omissions.size()) +
                    " more");
  }
  return lines;
}

std::string incompleteness_statement(const model::DocumentMetadata& metadata) {
  if (metadata.omitted == 0 && metadata.omissions.empty()) {
    return {};
  }
  std::uint64_t count = std::max<std::uint64_t>(metadata.omitted, metadata.omissions.size());
  std::string text = "kensa: this SBOM is incomplete; the scan skipped or cut short " +
                     model::with_thousands(count) + (count == 1 ? " place:" : " places:");
  for (const auto& line : omission_lines(metadata)) {
    text += "\n" + line;
  }
  return text;
}

} // namespace kensa::format::common
