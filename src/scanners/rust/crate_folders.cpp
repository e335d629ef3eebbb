#include "crate_folders.hpp"

#include "../common/javascript/manifest.hpp"
#include "../common/parsers/toml_text.hpp"
#include "rust_component.hpp"

#include <kensa/model/license.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>
#include <kensa/util/path_text.hpp>

namespace kensa::scanner::rust {

namespace {

// Debian's registry (librust-*-dev packages), and cargo's crate sources
// under its home (~/.cargo, /usr/local/cargo in the Rust images), one
// folder per index.
constexpr std::string_view k_debian_registry_glob = "**/share/cargo/registry/*";
constexpr std::string_view k_cargo_registry_glob = "**/registry/src/*/*";
constexpr std::string_view k_vendor_glob = "**/vendor/*";

// The folder names cargo gives crates.io's index under registry/src: the
// sparse index, and the git index before cargo 1.70. Crates of other
// registries are left out: their folder does not say the registry's URL,
// which their purl needs.
bool is_crates_io_index(std::string_view folder_name) {
  return folder_name.starts_with("index.crates.io-") ||
         folder_name == "github.com-1ecc6299db9ec823";
}

// The text of a string key of `table`, or "".
std::string string_of(const toml::table& table, std::string_view key) {
  if (const auto value = table[key].value<std::string>()) {
    return *value;
  }
  return {};
}

// The version the Cargo.toml in `folder` gives its package, or "".
std::string manifest_version(const CargoManifests& manifests, std::string_view folder) {
  auto found = manifests.find(join_path(folder, "Cargo.toml"));
  if (found == manifests.end()) {
    return {};
  }
  auto parsed = parse_toml(found->second->contents);
  if (!parsed) {
    return {};
  }
  if (const auto* package = (*parsed)["package"].as_table()) {
    return string_of(*package, "version");
  }
  return {};
}

// Cargo.toml's `license` is an SPDX expression; before cargo 1.2 "/" stood
// for OR ("MIT/Apache-2.0"), and crates.io still reads it so.
model::License cargo_license(std::string_view text) {
  model::License license = model::license_from_text(text);
  if (!license.expression.empty() || text.find('/') == std::string_view::npos) {
    return license;
  }
  std::string with_or;
  for (const char c : text) {
    if (c == '/') {
      with_or += " OR ";
    } else {
      with_or += c;
    }
  }
  if (auto parsed = model::parse_license_expression(with_or)) {
    model::License mapped;
    mapped.expression = parsed->canonical;
    return mapped;
  }
  return license;
}

void add_evidence_of(model::Component& component, const CrateFolderFiles& files,
                     std::string_view folder) {
  for (const source::SourceFile* file : license_files_of(files.licenses, folder)) {
    model::add_license_file_evidence(component, file->location, file->bytes(),
                                     files.keep_unlisted_texts);
  }
}

} // namespace

std::vector<std::string> vendored_license_file_globs() {
  return license_file_globs(k_vendor_glob);
}

std::vector<std::string> registry_license_file_globs() {
  std::vector<std::string> globs = license_file_globs(k_debian_registry_glob);
  for (auto& glob : license_file_globs(k_cargo_registry_glob)) {
    globs.push_back(std::move(glob));
  }
  return globs;
}

std::vector<std::string> registry_manifest_globs() {
  return {std::string(k_debian_registry_glob) + "/Cargo.toml",
          std::string(k_cargo_registry_glob) + "/Cargo.toml"};
}

void add_vendored_license_evidence(model::Component& component, const CrateFolderFiles& files,
                                   std::string_view lock_location, bool unique_name) {
  const std::string vendor = join_path(folder_of(lock_location), "vendor");
  const std::string versioned = join_path(vendor, component.name + "-" + component.version);
  if (!license_files_of(files.licenses, versioned).empty()) {
    add_evidence_of(component, files, versioned);
    return;
  }
  const std::string plain = join_path(vendor, component.name);
  if (license_files_of(files.licenses, plain).empty()) {
    return;
  }
  const std::string version =
      files.manifests == nullptr ? std::string() : manifest_version(*files.manifests, plain);
  if (version.empty() ? unique_name : version == component.version) {
    add_evidence_of(component, files, plain);
  }
}

bool is_registry_manifest(std::string_view location) {
  if (glob_match(std::string(k_debian_registry_glob) + "/Cargo.toml", location)) {
    return true;
  }
  if (!glob_match(std::string(k_cargo_registry_glob) + "/Cargo.toml", location)) {
    return false;
  }
  return is_crates_io_index(file_name_of(folder_of(folder_of(location))));
}

void add_registry_crates(ScanContext& context, const CrateFolderFiles& files) {
  if (files.manifests == nullptr) {
    return;
  }
  for (const auto& entry : *files.manifests) {
    const source::SourceFile* file = entry.second;
    const std::string& location = entry.first;
    if (!is_registry_manifest(file->path)) {
      continue;
    }
    FileReport report(context, *file);
    read_guarded(report, [&] {
      auto parsed = parse_toml(file->contents);
      if (!parsed) {
        report.warn(parsed.error());
        return;
      }
      const auto* package = (*parsed)["package"].as_table();
      const std::string name = package == nullptr ? "" : string_of(*package, "name");
      const std::string version = package == nullptr ? "" : string_of(*package, "version");
      if (name.empty() || version.empty()) {
        report.warn("a registry crate's Cargo.toml without [package] name and version");
        return;
      }
      model::Component component = make_crate_component(
          name, version, CrateSource{"registry+https://github.com/rust-lang/crates.io-index"}, "",
          context.evidence_for(*file), report);
      if (const std::string license = string_of(*package, "license"); !license.empty()) {
        component.licenses_declared.push_back(cargo_license(license));
      }
      // "Name <email>", as npm writes a person; Cargo.toml has no other
      // party a supplier could come from.
      if (const auto* authors = (*package)["authors"].as_array()) {
        for (const auto& author : *authors) {
          if (const auto* text = author.as_string();
              text != nullptr && component.authors.size() < 100) {
            if (model::Party party = javascript::parse_person(text->get()); !party.empty()) {
              component.authors.push_back(std::move(party));
            }
          }
        }
      }
      add_evidence_of(component, files, folder_of(location));
      context.graph().add(std::move(component));
    });
  }
}

} // namespace kensa::scanner::rust
