#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Rust: Cargo.lock files, and binaries built with cargo-auditable (ELF,
// Mach-O, PE), found by content.
namespace kensa::scanner::rust {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::rust
