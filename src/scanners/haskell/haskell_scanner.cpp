#include "haskell_scanner.hpp"

#include "cabal_freeze.hpp"
#include "stack_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::haskell {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/stack.yaml.lock"}, EvidenceKind::declared),
                &parse_stack_lock),
      each_file(patterns_of_kind({"**/cabal.project.freeze"}, EvidenceKind::declared),
                &parse_cabal_freeze),
  }});
}

} // namespace kensa::scanner::haskell
