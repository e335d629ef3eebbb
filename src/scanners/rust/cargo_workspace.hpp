#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/source/source.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

// Which crates of a Cargo.lock are the workspace's own members, from the
// Cargo.toml files beside it, as cargo decides them (`cargo metadata`'s
// workspace_members): the root package, the folders [workspace] members
// names (globs) less those `exclude` names, and every path dependency of a
// member that lies inside the workspace's folder.
namespace kensa::scanner::rust {

// The Cargo.toml files of a scan, by location.
using CargoManifests = std::map<std::string, const source::SourceFile*, std::less<>>;

// Most members followed in one workspace, and most path dependencies read
// from one Cargo.toml: far above real workspaces (the largest have a few
// hundred crates).
inline constexpr std::size_t k_max_workspace_members = 10'000;
inline constexpr std::size_t k_max_manifest_dependencies = 10'000;

// The package names of the members of the workspace whose Cargo.lock is at
// `lock_location`; nullopt when there is no Cargo.toml beside it (the
// lockfile alone does not say). Problems with a Cargo.toml (not TOML, a
// member without a name) are warnings naming that file.
std::optional<std::set<std::string>> workspace_members(ScanContext& context,
                                                       const CargoManifests& manifests,
                                                       std::string_view lock_location);

} // namespace kensa::scanner::rust
