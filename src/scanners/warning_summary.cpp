#include "warning_summary.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace kensa::scanner {

void log_warning_summary(const model::WarningTally& tally) {
  // Warnings of one kind bury nothing (and a capped kind already ends with
  // its count).
  if (tally.kinds.size() < 2) {
    return;
  }
  // (count, readable kind), the kinds past k_summary_kinds summed up last.
  std::vector<std::pair<std::string, std::string>> lines;
  std::uint64_t rest = 0;
  for (const auto& kind : tally.kinds) {
    if (lines.size() >= k_summary_kinds || kind.kind.empty()) {
      rest += kind.count;
    } else {
      // The words themselves when they never changed ("ELF x86_64: ..."
      // keeps its digits); the kind, with "N" and "…" for what varied.
      lines.emplace_back(model::with_thousands(kind.count),
                         kind.message.empty() ? model::readable_kind(kind.kind) : kind.message);
    }
  }
  if (rest > 0) {
    lines.emplace_back(model::with_thousands(rest), "of other kinds");
  }
  std::size_t width = 0;
  for (const auto& [count, kind] : lines) {
    width = std::max(width, count.size());
  }
  spdlog::warn("{} warnings in all, by kind:", model::with_thousands(tally.total));
  for (const auto& [count, kind] : lines) {
    // Counts right-aligned under each other.
    spdlog::warn("  {}{}  {}", std::string(width - count.size(), ' '), count, kind);
  }
}

} // namespace kensa::scanner
