#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

// Gems installed in a gem home (specifications/*.gemspec and
// specifications/default/*.gemspec), Debian's rubygems-integration folders
// included.
namespace kensa::scanner::ruby {

// Adds each installed gem, and an edge for each runtime dependency to the
// gem of that name installed beside it (in the same container) when there
// is exactly one; several installed versions are not told apart, so none
// is picked. A gemspec without a name is a warning naming the file.
void read_installed_gems(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::ruby
