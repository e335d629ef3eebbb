#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Turning what a lockfile or an installed package says about one package
// into a model::Component with an npm purl. Every JavaScript scanner (npm,
// node-modules, yarn, pnpm, bun, deno) fills a PackageFacts and calls
// make_component, whatever layout its files have.
namespace kensa::scanner::javascript {

// Property names this scanner sets on components.
inline constexpr std::string_view k_property_peer = "kensa:npm:peer";
inline constexpr std::string_view k_property_bundled = "kensa:npm:bundled";
inline constexpr std::string_view k_property_link = "kensa:npm:link";
inline constexpr std::string_view k_property_workspace = "kensa:npm:workspace";
inline constexpr std::string_view k_property_alias = "kensa:npm:alias";
inline constexpr std::string_view k_property_extraneous = "kensa:npm:extraneous";
inline constexpr std::string_view k_property_source = "kensa:npm:source";

// What role a package plays in the project.
enum class PackageRole {
  // The project itself: the lockfile's root.
  root,
  // A folder of the project listed in the root's "workspaces".
  workspace,
  // Anything else: installed from a registry, a tarball, git or a folder.
  dependency,
};

struct PackageFacts {
  PackageRole role = PackageRole::dependency;
  // The real package name, "@scope/name" or "name".
  std::string name;
  // The folder name under node_modules when it differs from `name` (an alias
  // such as "ms-old": "npm:ms@2.0.0").
  std::string alias;
  // Empty when the lockfile gives no version: never invented.
  std::string version;
  // Subresource Integrity string as written ("sha512-...").
  std::string integrity;
  // Where the package came from: a tarball URL, a git URL, a path.
  std::string resolved;
  // Where a v1 entry without a registry version came from ("git+https://...",
  // "file:../lib", a tarball URL), kept because it is all the lockfile says.
  std::string source;
  std::optional<model::License> license;
  bool dev = false;
  bool optional = false;
  bool dev_optional = false;
  bool peer = false;
  bool bundled = false;
  // Reached through a symlink ("link": true in v2/v3, "file:" in v1).
  bool link = false;
  bool extraneous = false;
};

// "@babel/core" -> {"@babel", "core"}; "ms" -> {"", "ms"}.
struct SplitName {
  std::string group;
  std::string name;
};

// Splits a package name into scope and name; nullopt when it is not a
// well-formed npm package name ("", "@scope", "a/b", "@s/n/x").
std::optional<SplitName> split_package_name(std::string_view name);

// Whether `text` is a plain version ("1.2.3", "1.0.0-beta.1") rather than a
// spec (a URL, "file:...", "npm:...", "github:...").
bool looks_like_version(std::string_view text);

struct AliasTarget {
  std::string name;
  std::string version;
};

// "npm:@scope/name@1.2.3" -> {"@scope/name", "1.2.3"}; nullopt for anything
// else.
std::optional<AliasTarget> parse_alias_spec(std::string_view spec);

// The component for `facts`, found by `evidence`. Problems that do not stop
// the component from being reported (a malformed integrity, a name that makes
// no purl) are warnings in `report`, each naming the package.
model::Component make_component(const PackageFacts& facts, const model::Evidence& evidence,
                                FileReport& report);

} // namespace kensa::scanner::javascript
