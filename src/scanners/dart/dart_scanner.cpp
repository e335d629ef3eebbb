#include "dart_scanner.hpp"

#include "pubspec_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::dart {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/pubspec.lock"}, EvidenceKind::declared), &parse_pubspec_lock),
  }});
}

} // namespace kensa::scanner::dart
