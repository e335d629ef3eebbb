#include "go_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "binary_modules.hpp"
#include "mod_project.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::golang {

std::unique_ptr<Scanner> make_scanner() {
  FileParserScanner::Rules rules{{
      // go.mod files with the go.sum beside them and the go.work naming
      // them: a project is read whole.
      file_set("Go modules",
               patterns_of_kind({"**/go.mod", "**/go.sum", "**/go.work"}, EvidenceKind::declared),
               &add_mod_projects),
  }};
  // Go binaries, found by their content, each kept as its build information.
  rules.content = FileParserScanner::ContentFiles{
      {&binary::looks_like_executable, &condense_go_binary}, &add_binary_modules};
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::golang
