#include "package_notes_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "package_note.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::package_notes {

std::unique_ptr<Scanner> make_scanner() {
  FileParserScanner::Rules rules;
  // Executables, found by their content, each kept as its package note.
  rules.content = FileParserScanner::ContentFiles{
      {&binary::looks_like_executable, &condense_package_note}, &add_package_note};
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::package_notes
