#pragma once

#include "crate_folders.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <set>
#include <string>

// Cargo.lock, lockfile versions 1 to 4.
namespace kensa::scanner::rust {

// Adds every [[package]] of a Cargo.lock: name, version, source, checksum
// (from the package, or for version 1 from the [metadata] table), and an
// edge for each `dependencies` entry ("name", "name version" or
// "name version (source)"). The workspace's members (path crates whose
// names are in `members`) are the project: applications described by the
// subject, never dependencies. Without `members` (no Cargo.toml beside the
// lockfile) the path crates no other package depends on are taken for
// them. A crate vendored beside the lockfile (`crates`, when given) gets
// the license evidence of its vendor folder's license files. Malformed
// entries are warnings naming the file.
void parse_cargo_lock(FileReport& report, const source::SourceFile& file,
                      const std::set<std::string>* members,
                      const CrateFolderFiles* crates = nullptr);

// Reads each Cargo.lock of `files` with the members the Cargo.toml files
// of `files` give its workspace, and the license files of its vendored
// crates; then each registry crate's Cargo.toml with its license files
// (crate_folders.hpp).
void read_cargo_projects(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::rust
