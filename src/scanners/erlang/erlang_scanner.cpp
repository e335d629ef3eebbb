#include "erlang_scanner.hpp"

#include "app_files.hpp"
#include "rebar_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::erlang {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      // Every application of an OTP or Elixir release, of an Erlang
      // installation (lib/erlang/lib/kernel-8.5/ebin/kernel.app) or of a
      // project's build folder, read together so that each application's
      // `applications` resolve among those installed beside it.
      file_set("installed applications",
               patterns_of_kind({"**/ebin/*.app"}, EvidenceKind::installed), &read_app_files),
      each_file(patterns_of_kind({"**/rebar.lock"}, EvidenceKind::declared), &parse_rebar_lock),
  }});
}

} // namespace kensa::scanner::erlang
