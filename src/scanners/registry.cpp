// The table of every ecosystem scanner. Adding one means adding one row here
// and a folder under src/scanners/.
#include <kensa/scanner/registry.hpp>

#include "npm/npm_scanner.hpp"

#include <algorithm>
#include <array>

namespace kensa::scanner {

namespace {

constexpr std::array k_scanners{
    ScannerInfo{"npm", "npm package-lock.json and npm-shrinkwrap.json (lockfile v1, v2, v3)",
                "language,javascript,lockfile", &npm::make_scanner},
};

} // namespace

std::span<const ScannerInfo> scanner_table() { return k_scanners; }

const ScannerInfo* find_scanner(std::string_view name) {
  auto it = std::find_if(k_scanners.begin(), k_scanners.end(),
                         [&](const ScannerInfo& info) { return info.name == name; });
  return it == k_scanners.end() ? nullptr : &*it;
}

} // namespace kensa::scanner
