#include "incompleteness.hpp"

#include <kensa/model/diagnostic_budget.hpp>

#include <algorithm>
#include <optional>

namespace kensa::format::common {

namespace {

constexpr std::string_view k_statement_start =
    "kensa: this SBOM is incomplete; the scan skipped or cut short ";

// "1,234" as with_thousands writes it; nullopt for anything else.
std::optional<std::uint64_t> parse_thousands(std::string_view text) {
  if (text.empty() || text.size() > 26) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  for (char c : text) {
    if (c == ',') {
      continue;
    }
    if (c < '0' || c > '9' || value > (UINT64_MAX - 9) / 10) {
      return std::nullopt;
    }
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

} // namespace

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
  std::string text = std::string(k_statement_start) + model::with_thousands(count) +
                     (count == 1 ? " place:" : " places:");
  for (const auto& line : omission_lines(metadata)) {
    text += "\n" + line;
  }
  return text;
}

std::optional<std::uint64_t> counted_only(std::string_view line) {
  if (!line.starts_with("and ") || !line.ends_with(" more")) {
    return std::nullopt;
  }
  return parse_thousands(line.substr(4, line.size() - 9));
}

bool read_incompleteness_statement(std::string_view text, model::DocumentMetadata& metadata) {
  if (!text.starts_with(k_statement_start)) {
    return false;
  }
  std::string_view rest = text.substr(k_statement_start.size());
  const std::size_t end_of_first = rest.find('\n');
  std::string_view first = rest.substr(0, end_of_first);
  std::string_view unit = first.ends_with(" places:") ? " places:" : " place:";
  if (!first.ends_with(unit)) {
    return false;
  }
  auto count = parse_thousands(first.substr(0, first.size() - unit.size()));
  if (!count) {
    return false;
  }
  std::vector<std::string_view> lines;
  for (std::size_t at = end_of_first; at != std::string_view::npos;) {
    const std::size_t next = rest.find('\n', at + 1);
    lines.push_back(rest.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
    at = next;
  }
  std::uint64_t only_counted = 0;
  if (auto more = lines.empty() ? std::nullopt : counted_only(lines.back())) {
    only_counted = *more;
    lines.pop_back();
  }
  std::vector<model::Omission> omissions;
  for (const auto line : lines) {
    omissions.push_back({"", std::string(line)});
  }
  metadata.omitted = std::max<std::uint64_t>(*count, omissions.size() + only_counted);
  // As many named as a scan names; the others are counted.
  if (omissions.size() > model::k_max_named_omissions) {
    omissions.resize(model::k_max_named_omissions);
  }
  metadata.omissions = std::move(omissions);
  metadata.completeness = model::Completeness::incomplete;
  return true;
}

} // namespace kensa::format::common
