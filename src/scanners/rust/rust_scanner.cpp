#include "rust_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "auditable.hpp"
#include "cargo_lock.hpp"
#include "crate_folders.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::rust {

std::unique_ptr<Scanner> make_scanner() {
  // A lockfile with the Cargo.toml files that say which of its path
  // crates are the workspace's members and the license files of the crates
  // vendored beside it; the crates of a registry's sources, with theirs.
  std::vector<FilePattern> patterns =
      patterns_of_kind({"**/Cargo.lock", "**/Cargo.toml"}, EvidenceKind::declared);
  add_patterns(patterns, registry_manifest_globs(), EvidenceKind::installed);
  add_patterns(patterns, vendored_license_file_globs(), EvidenceKind::declared);
  add_patterns(patterns, registry_license_file_globs(), EvidenceKind::installed);
  FileParserScanner::Rules rules{{
      file_set("cargo projects", std::move(patterns), &read_cargo_projects),
  }};
  // Binaries built with cargo-auditable, found by their content, each kept
  // as the dependency list it embeds.
  rules.content = FileParserScanner::ContentFiles{
      {&binary::looks_like_executable, &condense_auditable_binary}, &add_auditable_crates};
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::rust
