#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>

// Rust crates as components (purl type cargo).
namespace kensa::scanner::rust {

inline constexpr std::string_view k_property_source = "kensa:cargo:source";
inline constexpr std::string_view k_property_git_revision = "kensa:cargo:git-revision";
inline constexpr std::string_view k_property_kind = "kensa:cargo:kind";
inline constexpr std::string_view k_property_local = "kensa:cargo:local";
inline constexpr std::string_view k_property_workspace_member = "kensa:cargo:workspace-member";

// Where a crate came from, as Cargo.lock's `source` and cargo-auditable's
// `source` say it.
struct CrateSource {
  // The text as written: "registry+https://...", "sparse+https://...",
  // "git+https://...?branch=x#<rev>"; cargo-auditable writes "crates.io",
  // "git", "local", "registry". Empty for a path (workspace) crate.
  std::string text;
};

// A crate: purl pkg:cargo/<name>@<version> for crates from a registry
// (with repository_url when it is not crates.io) or git (with vcs_url), none
// for path crates or without a version; the sha256 checksum when given, the
// source as a property, and for git sources the revision and the repository
// as a vcs reference. Problems are warnings in `report`.
model::Component make_crate_component(std::string_view name, std::string_view version,
                                      const CrateSource& source, std::string_view checksum,
                                      const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::rust
