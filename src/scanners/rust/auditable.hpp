#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <string>
#include <string_view>

// Rust binaries built with cargo-auditable: the dependency list it embeds,
// zlib-compressed JSON in a section named .dep-v0 (ELF, PE; Mach-O segment
// __DATA).
namespace kensa::scanner::rust {

// The decompressed dependency JSON of every image in `contents`, and the
// rustc that built it when the image names it (rust_std.hpp), wrapped in a
// small JSON document scan() reads back; empty when the file is not a
// readable executable or carries neither. A damaged section or executable
// gives its warning in the document. Never throws.
std::string condense_auditable_binary(std::string_view contents);

// Adds the crates a condensed binary lists, with the edges between them; the
// root crate is an application described by the subject. The standard
// library, when the binary names its rustc, is a component too, which the
// roots depend on.
void add_auditable_crates(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::rust
