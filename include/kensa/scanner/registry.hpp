#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace kensa::scanner {

// One row of the scanner table (src/scanners/registry.cpp). Adding an
// ecosystem means adding one row.
struct ScannerInfo {
  std::string_view name;
  std::string_view description;
  // Comma-separated: the ecosystem ("os", "language", "javascript", ...),
  // the kinds of evidence it reads ("installed", "declared", as its
  // patterns say), what else it reads ("binary", "archive"). `--scanner`
  // takes a tag for every scanner that has it.
  std::string_view tags;
  std::unique_ptr<Scanner> (*create)();
};

std::span<const ScannerInfo> scanner_table();

// The row named `name`, or nullptr.
const ScannerInfo* find_scanner(std::string_view name);

// The rows with `tag` among their tags, in table order.
std::vector<const ScannerInfo*> scanners_tagged(std::string_view tag);

// Whether `info`'s tags include `tag`.
bool has_tag(const ScannerInfo& info, std::string_view tag);

} // namespace kensa::scanner
