#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

// Cargo.lock, lockfile versions 1 to 4.
namespace kensa::scanner::rust {

// Adds every [[package]] of a Cargo.lock: name, version, source, checksum
// (from the package, or for version 1 from the [metadata] table), and an
// edge for each `dependencies` entry ("name", "name version" or
// "name version (source)"). Packages without a source are the workspace's
// own; those no other package depends on are the roots, described by the
// subject. Malformed entries are warnings naming the file.
void parse_cargo_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::rust
