#include "vcpkg_scanner.hpp"

#include "installed_status.hpp"
#include "vcpkg_manifest.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::vcpkg {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      // What vcpkg installed: a manifest project's vcpkg_installed folder
      // (beside the manifest or in the build folder), or the installed
      // folder of a vcpkg checkout in classic mode.
      each_file(patterns_of_kind({"**/vcpkg_installed/vcpkg/status", "**/installed/vcpkg/status"},
                                 EvidenceKind::installed),
                &parse_installed_status),
      each_file(patterns_of_kind({"**/vcpkg.json"}, EvidenceKind::declared), &parse_vcpkg_manifest),
  }});
}

} // namespace kensa::scanner::vcpkg
