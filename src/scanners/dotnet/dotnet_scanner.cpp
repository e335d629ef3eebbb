#include "dotnet_scanner.hpp"

#include "deps_json.hpp"
#include "packages_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::dotnet {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/*.deps.json"}, EvidenceKind::installed), &parse_deps_json),
      each_file(patterns_of_kind({"**/packages.lock.json"}, EvidenceKind::declared),
                &parse_packages_lock),
  }});
}

} // namespace kensa::scanner::dotnet
