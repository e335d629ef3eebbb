#include "cocoapods_scanner.hpp"

#include "podfile_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::cocoapods {

std::unique_ptr<Scanner> make_scanner() {
  // Pods/Manifest.lock is the copy `pod install` keeps beside the installed
  // pods; it says the same as the Podfile.lock it was copied from, so only
  // the Podfile.lock is read.
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/Podfile.lock"}, EvidenceKind::declared), &parse_podfile_lock),
  }});
}

} // namespace kensa::scanner::cocoapods
