#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>
#include <span>
#include <string_view>

namespace kensa::scanner {

// One row of the scanner table (src/scanners/registry.cpp). Adding an
// ecosystem means adding one row.
struct ScannerInfo {
  std::string_view name;
  std::string_view description;
  // Comma-separated: "language,lockfile", "os,installed", ...
  std::string_view tags;
  std::unique_ptr<Scanner> (*create)();
};

std::span<const ScannerInfo> scanner_table();

// The row named `name`, or nullptr.
const ScannerInfo* find_scanner(std::string_view name);

} // namespace kensa::scanner
