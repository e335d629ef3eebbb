#include "cmd_scanners.hpp"

#include "document_output.hpp"
#include "exit_codes.hpp"

#include <kensa/scanner/registry.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace kensa::cli {

namespace {

// "installed", "declared" or "installed, declared": what the patterns of the
// scanner say (an executable's content rule is installed evidence).
std::string kinds_of(const scanner::ScannerInfo& info) {
  auto instance = info.create();
  bool installed = instance->content_rule() != nullptr;
  bool declared = false;
  for (const auto& pattern : instance->patterns()) {
    (pattern.kind == scanner::EvidenceKind::installed ? installed : declared) = true;
  }
  std::string text = installed ? "installed" : "";
  if (declared) {
    text += text.empty() ? "declared" : ", declared";
  }
  return text;
}

int run_scanners() {
  using Row = std::array<std::string, 4>;
  std::vector<Row> rows{{"NAME", "EVIDENCE", "TAGS", "READS"}};
  for (const auto& info : scanner::scanner_table()) {
    rows.push_back({std::string(info.name), kinds_of(info), std::string(info.tags),
                    std::string(info.description)});
  }
  std::array<std::size_t, 3> widths{};
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < widths.size(); ++column) {
      widths[column] = std::max(widths[column], row[column].size());
    }
  }
  std::string text;
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < widths.size(); ++column) {
      text += row[column];
      text.append(widths[column] - row[column].size() + 2, ' ');
    }
    text += row[3] + "\n";
  }
  text += "\nA folder, an archive or a file is scanned for both kinds of evidence; a root file "
          "system or a\ncontainer image for installed evidence only (--include-declared adds the "
          "other).\n--scanner takes a name or a tag.\n";
  if (auto written = write_standard_output(text); !written) {
    spdlog::error("{}", written.error());
    return k_exit_usage;
  }
  return k_exit_success;
}

} // namespace

std::function<int()> register_scanners_command(CLI::App& app) {
  app.add_subcommand("scanners",
                     "List the scanners, the kinds of evidence each reads, and their tags");
  return [] { return run_scanners(); };
}

} // namespace kensa::cli
