#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <string>
#include <vector>

// Gems installed in a gem home (specifications/*.gemspec and
// specifications/default/*.gemspec), Debian's rubygems-integration folders
// included.
namespace kensa::scanner::ruby {

// Globs of the license files of unpacked gems (gems/<name>-<version>/).
std::vector<std::string> installed_gem_license_globs();

// Adds each installed gem, with the license evidence of the license files
// of its unpacked folder (gems/<name>-<version>/ beside the
// specifications/ folder), and an edge for each runtime dependency to the
// gem of that name installed beside it (in the same container) when there
// is exactly one; several installed versions are not told apart, so none
// is picked. A gemspec without a name is a warning naming the file.
void read_installed_gems(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::ruby
