#include "conan_scanner.hpp"

#include "conan_lock.hpp"
#include "conanfile_txt.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::conan {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/conan.lock"}, EvidenceKind::declared), &parse_conan_lock),
      each_file(patterns_of_kind({"**/conanfile.txt"}, EvidenceKind::declared),
                &parse_conanfile_txt),
  }});
}

} // namespace kensa::scanner::conan
