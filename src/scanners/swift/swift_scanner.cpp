#include "swift_scanner.hpp"

#include "package_resolved.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::swift {

std::unique_ptr<Scanner> make_scanner() {
  // Xcode keeps the file of an app inside its project bundle
  // (App.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/Package.resolved);
  // `**/` reaches it there too.
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/Package.resolved"}, EvidenceKind::declared),
                &parse_package_resolved),
  }});
}

} // namespace kensa::scanner::swift
