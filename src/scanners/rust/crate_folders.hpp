#pragma once

#include "../common/license_files.hpp"
#include "cargo_workspace.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_parser_scanner.hpp>

#include <string>
#include <string_view>
#include <vector>

// The source folders of crates that lie in a scanned tree: vendored crates
// (`cargo vendor`'s vendor/<crate>/ beside a Cargo.lock), Debian's cargo
// registry (/usr/share/cargo/registry/<crate>-<version>/) and cargo's own
// (~/.cargo/registry/src/<index>/<crate>-<version>/). What kensa reads of
// them is their license files, and for the registries their Cargo.toml.
namespace kensa::scanner::rust {

// Globs of the license files of vendored crates, and of registry crates.
std::vector<std::string> vendored_license_file_globs();
std::vector<std::string> registry_license_file_globs();
// Globs of the Cargo.toml files of registry crates.
std::vector<std::string> registry_manifest_globs();

// The license files and Cargo.toml files of a scan's crate folders.
struct CrateFolderFiles {
  LicenseFilesByFolder licenses;
  // ScanContext::keeps_unlisted_license_texts of the scan.
  bool keep_unlisted_texts = false;
  const CargoManifests* manifests = nullptr;
};

// Adds the license evidence of the vendored copy of `component` (a crate
// from a registry or git in the Cargo.lock at `lock_location`): the
// license files of vendor/<name>-<version>/, or of vendor/<name>/ when its
// Cargo.toml says that version (or, without one, when the lockfile holds
// one version of the crate, `unique_name`). Nothing when neither is there.
void add_vendored_license_evidence(model::Component& component, const CrateFolderFiles& files,
                                   std::string_view lock_location, bool unique_name);

// True when `location` is the Cargo.toml of a crate in Debian's or cargo's
// registry of crate sources.
bool is_registry_manifest(std::string_view location);

// Adds a library for each registry crate's Cargo.toml of `files.manifests`:
// purl pkg:cargo/<name>@<version>, the declared `license` (or, failing
// that, the `license-file` as a name), and the license evidence of its
// folder's license files. A Cargo.toml that is not TOML or names no
// package is a warning naming it.
void add_registry_crates(ScanContext& context, const CrateFolderFiles& files);

} // namespace kensa::scanner::rust
