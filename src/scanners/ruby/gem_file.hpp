#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <string_view>

// .gem files lying on disk: a tar whose metadata.gz is the gem's
// specification as gzipped YAML (what `gem build` writes and `gem
// install` reads). A package file on disk is not an installed gem: what
// it carries is declared evidence, found by "gem-file" at the .gem itself.
namespace kensa::scanner::ruby {

inline constexpr std::string_view k_found_by_gem_file = "gem-file";

// Whether `file` is the metadata.gz member of a .gem.
bool is_gem_metadata(const ScanContext& context, const source::SourceFile& file);

// Adds the gem (name, version, platform, licenses, authors, homepage,
// summary; purl pkg:gem/<name>@<version>) and a component per dependency
// it declares (its requirement as written, no version unless it pins one
// with "= <version>"), related as a runtime or, for `type: :development`,
// a development dependency. metadata.gz that does not decompress (or
// decompresses past the cap) or is not a gem specification is a warning
// naming the .gem.
void parse_gem_metadata(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::ruby
