#pragma once

#include <string>
#include <string_view>

// The keys pnpm gives packages, which changed with every lockfile version:
//   5.x  "/name/1.2.3", "/@scope/name/1.2.3_peer@2.0.0"
//   6.x  "/name@1.2.3", "/@scope/name@1.2.3(peer@2.0.0)"
//   9.x  "name@1.2.3", "@scope/name@1.2.3(peer@2.0.0)"
namespace kensa::scanner::pnpm {

// Which key syntax a lockfile uses.
enum class KeyStyle {
  // 5.x: '/' before the version, '_' before the peers.
  slash,
  // 6.x and 9.x: '@' before the version, peers in parentheses.
  at,
};

struct PackageKey {
  std::string name;
  std::string version;
  // What follows the version: "_react@18.0.0", "(react@18.0.0)"; empty
  // when the package has no resolved peers.
  std::string peers;
};

// Splits a package key; the name is empty when the key is not of the
// expected form (a git or tarball key, which comes with name and version
// fields instead).
PackageKey parse_package_key(std::string_view key, KeyStyle style);

// The key a dependency value stands for: a bare version ("1.2.3",
// "1.2.3(peer@1.0.0)") is `name`'s, anything else names another package
// ("/ms/2.0.0", "ms@2.0.0" for aliases). Leading '/' removed. Empty for
// "link:" values, which point at folders.
std::string dependency_key(std::string_view name, std::string_view value, KeyStyle style);

// `key` without a leading '/'.
std::string_view strip_slash(std::string_view key);

} // namespace kensa::scanner::pnpm
