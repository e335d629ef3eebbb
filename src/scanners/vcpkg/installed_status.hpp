#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// vcpkg's record of what it installed: installed/vcpkg/status, stanzas of
// "Field: value" lines in dpkg's layout, one per port and triplet and one
// per feature installed.
namespace kensa::scanner::vcpkg {

// Adds a component per port stanza whose Status says installed (purl with
// port_version and triplet; Abi, the hash of the build's inputs, as a
// property; the installed features as a property), and an edge per
// Depends entry of the port and of its features to the port of that name
// (for the triplet after ':' when given, else the same triplet). Stanzas
// of ports removed since ("purge ok not-installed") are left out. A line
// that is not "Field: value" or a stanza without Package is a warning
// naming the file. The updates vcpkg appends in installed/vcpkg/updates/
// are not read.
void parse_installed_status(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::vcpkg
