#include "rust_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "auditable.hpp"
#include "cargo_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::rust {

std::unique_ptr<Scanner> make_scanner() {
  FileParserScanner::Rules rules{{
      // A lockfile with the Cargo.toml files that say which of its path
      // crates are the workspace's members.
      file_set("cargo projects",
               patterns_of_kind({"**/Cargo.lock", "**/Cargo.toml"}, EvidenceKind::declared),
               &read_cargo_projects),
  }};
  // Binaries built with cargo-auditable, found by their content, each kept
  // as the dependency list it embeds.
  rules.content = FileParserScanner::ContentFiles{
      {&binary::looks_like_executable, &condense_auditable_binary}, &add_auditable_crates};
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::rust
