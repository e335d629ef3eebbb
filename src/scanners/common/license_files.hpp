#pragma once

#include <kensa/source/source.hpp>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// The license files of a package's folder (LICENSE*, LICENCE*, COPYING*,
// NOTICE*, UNLICENSE*), as the scanners that read them ask for them and
// group them.
namespace kensa::scanner {

// The globs of the license files directly in the folders `folder_glob`
// matches ("**/vendor/*" gives "**/vendor/*/[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]*"
// and the like). Names the globs take that are not license files
// ("license.js") are left out by is_license_file_name afterwards.
std::vector<std::string> license_file_globs(std::string_view folder_glob);

// License files by the folder (location notation) that holds them, each
// folder's in location order.
using LicenseFilesByFolder =
    std::map<std::string, std::vector<const source::SourceFile*>, std::less<>>;

// Adds `file` to its folder's list when its name is a license file's
// (model::is_license_file_name); true if it was.
bool add_license_file(LicenseFilesByFolder& found, const source::SourceFile& file);

// The license files of `folder`, or none.
std::span<const source::SourceFile* const> license_files_of(const LicenseFilesByFolder& found,
                                                            std::string_view folder);

} // namespace kensa::scanner
