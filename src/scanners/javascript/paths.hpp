#pragma once

#include <string>
#include <string_view>

// Folder arithmetic on '/'-separated locations, as JavaScript package
// managers lay projects out.
namespace kensa::scanner::javascript {

// "a/b/package.json" -> "a/b"; "package.json" -> "".
std::string_view folder_of(std::string_view path);

// "a" + "b" -> "a/b"; "" + "b" -> "b".
std::string join_path(std::string_view folder, std::string_view name);

// Whether a path has a "node_modules" segment.
bool inside_node_modules(std::string_view path);

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
