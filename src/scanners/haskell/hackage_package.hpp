#pragma once

#include <optional>
#include <string>
#include <string_view>

// Names and versions as Hackage writes them, shared by Stack's and Cabal's
// files.
namespace kensa::scanner::haskell {

struct PackageId {
  std::string name;
  std::string version;
};

// Whether `text` is a package name Hackage accepts: words of letters and
// digits joined by single hyphens, each word with a letter.
bool is_package_name(std::string_view text);

// Whether `text` is a version: numbers joined by single dots.
bool is_version(std::string_view text);

// `name-version` split at the last hyphen (names have hyphens, versions do
// not); nothing when either part is malformed.
std::optional<PackageId> split_package_id(std::string_view text);

} // namespace kensa::scanner::haskell
