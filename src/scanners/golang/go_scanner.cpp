#include "go_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "binary_modules.hpp"
#include "mod_project.hpp"
#include "module_folders.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::golang {

std::unique_ptr<Scanner> make_scanner() {
  // go.mod files with the go.sum beside them, the go.work naming them and
  // the license files of the modules vendored beside them: a project is
  // read whole; and the license files of the module cache.
  std::vector<FilePattern> patterns =
      patterns_of_kind({"**/go.mod", "**/go.sum", "**/go.work"}, EvidenceKind::declared);
  add_patterns(patterns, vendor_globs(), EvidenceKind::declared);
  add_patterns(patterns, module_cache_license_globs(), EvidenceKind::installed);
  FileParserScanner::Rules rules{{
      file_set("Go modules", std::move(patterns), &add_mod_projects),
  }};
  // Go binaries, found by their content, each kept as its build information.
  rules.content = FileParserScanner::ContentFiles{
      {&binary::looks_like_executable, &condense_go_binary}, &add_binary_modules};
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::golang
