#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <span>
#include <string_view>

// Installed packages: the metadata folders pip and setuptools leave in
// site-packages and dist-packages (and the ones inside .whl and .egg
// archives): *.dist-info (METADATA, RECORD, direct_url.json, top_level.txt),
// *.egg-info folders (PKG-INFO, requires.txt, installed-files.txt,
// top_level.txt), *.egg-info files, EGG-INFO folders of eggs, and the
// PKG-INFO at the top of an sdist.
namespace kensa::scanner::python {

// Whether the scanner's installed-package reader handles the file at `path`.
bool is_installed_metadata_file(std::string_view path);

// Reads every installed package among `files` (others are ignored) and
// relates packages of the same site-packages folder through their
// Requires-Dist. Never throws for bad input: problems become warnings.
void read_installed(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::python
