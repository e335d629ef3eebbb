#pragma once

#include <kensa/util/path_text.hpp>

#include <string>
#include <string_view>

// Folder arithmetic on '/'-separated locations, as JavaScript package
// managers lay projects out (the plain kind, folder_of and join_path, is in
// util/path_text.hpp).
namespace kensa::scanner::javascript {

// Whether a path has a "node_modules" segment.
bool inside_node_modules(std::string_view path);

// Whether the scanned folder is itself a node_modules folder (its root name,
// ScanContext::root_name).
bool is_node_modules_root(std::string_view root_name);

// Whether the file at `location` belongs to an installed package: it sits in
// a node_modules folder, or the scan is of one. A lockfile there is the one
// the package's authors used, shipped in its tarball; npm, yarn and pnpm
// never read it, and neither does kensa.
bool is_installed_package_file(std::string_view location, std::string_view root_name);

// For a package folder directly under a node_modules folder
// ("x/node_modules/@s/n" or "node_modules/n"): the installed name ("@s/n",
// "n"); empty otherwise (a folder inside a package, ".bin", ".pnpm").
std::string_view installed_name(std::string_view folder);

// The folder one level up, skipping "node_modules" folders, which hold
// packages but are never searched themselves: node's lookup order.
std::string_view parent_folder(std::string_view folder);

// "./packages/util/" -> "packages/util"; "file:../x" -> "../x".
std::string normalize_folder(std::string_view path);

} // namespace kensa::scanner::javascript
