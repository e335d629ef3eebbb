#pragma once

#include <kensa/model/diagnostic_budget.hpp>

// The end of a scan's stderr: how many warnings of each kind it gave, so
// that thousands of one harmless kind do not hide the few that matter.
namespace kensa::scanner {

// Kinds named in the summary; the others are counted on one line.
inline constexpr std::size_t k_summary_kinds = 10;

// Logs (spdlog warnings) one line with the total and one per kind, most
// frequent first, when the scan gave warnings of more than one kind;
// nothing otherwise.
void log_warning_summary(const model::WarningTally& tally);

} // namespace kensa::scanner
