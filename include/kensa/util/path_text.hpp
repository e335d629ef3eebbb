#pragma once

#include <optional>
#include <string>
#include <string_view>

// Arithmetic on '/'-separated paths as text (locations, paths inside
// archives and images, paths a manifest names): nothing here touches a file
// system.
namespace kensa {

// "a/b/c" -> "a/b"; "c" -> "".
std::string_view folder_of(std::string_view path);

// "a/b/c" -> "c"; "c" -> "c".
std::string_view file_name_of(std::string_view path);

// "a" + "b" -> "a/b"; "" + "b" -> "b"; "a" + "" -> "a".
std::string join_path(std::string_view folder, std::string_view name);

// A path resolved against a folder.
struct ResolvedPath {
  // '/'-separated, no leading '/', no ".", ".." or empty segments; empty for
  // the root itself.
  std::string path;
  // Whether ".." segments tried to climb above the root (they were dropped
  // there).
  bool climbed_out = false;
};

// `relative` resolved lexically against `folder`: empty and "." segments
// go, ".." removes the segment before it. A leading '/' on either is not
// special: the result is relative to the same root as `folder`.
ResolvedPath resolve_path(std::string_view folder, std::string_view relative);

// `relative` resolved against `folder` as resolve_path does, for a path a
// file names (a requirements file's -r, a pom.xml's parent, a go.work's
// use, a RECORD row): nullopt when it is absolute or climbs above the root,
// since what it names is then outside what was scanned.
std::optional<std::string> resolve_inside(std::string_view folder, std::string_view relative);

} // namespace kensa
