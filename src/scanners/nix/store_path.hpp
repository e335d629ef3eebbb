#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

// Nix store paths: /nix/store/<hash>-<name>, and the name split the way
// Nix's builtins.parseDrvName splits a derivation name.
namespace kensa::scanner::nix {

struct StorePath {
  std::string hash;    // the 32 characters of Nix's base-32 after the store folder
  std::string name;    // "python3.11-requests", "glibc", "source"
  std::string version; // "2.31.0", "2.39-52", "3.0.14-dev"; empty when none
};

// Reads "/nix/store/<hash>-<name>" (any store folder): nullopt when the last
// segment is not 32 base-32 characters, '-' and a name.
std::optional<StorePath> parse_store_path(std::string_view path);

// builtins.parseDrvName: the name ends at the first '-' that is not
// followed by a letter; the rest is the version ("hello-2.12.1" -> "hello",
// "2.12.1"; "openssl-3.0.14-dev" -> "openssl", "3.0.14-dev"; "source" ->
// "source", "").
std::pair<std::string, std::string> parse_drv_name(std::string_view name);

} // namespace kensa::scanner::nix
