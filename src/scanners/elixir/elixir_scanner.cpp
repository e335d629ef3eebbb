#include "elixir_scanner.hpp"

#include "mix_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::elixir {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/mix.lock"}, EvidenceKind::declared), &parse_mix_lock),
  }});
}

} // namespace kensa::scanner::elixir
