#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>
#include <vector>

// What renv.lock and installed DESCRIPTION files share: R's own packages,
// dependency fields, and the purl of a package by where it came from.
namespace kensa::scanner::r {

inline constexpr std::string_view k_property_repository = "kensa:r:repository";
inline constexpr std::string_view k_property_source = "kensa:r:source";
inline constexpr std::string_view k_property_description_md5 = "kensa:r:description-md5";
inline constexpr std::string_view k_property_r_version = "kensa:r:r-version";
inline constexpr std::string_view k_property_base = "kensa:r:base";
inline constexpr std::string_view k_property_git_commit = "kensa:r:git-commit";

// Dependencies one package may name, all fields together.
inline constexpr std::size_t k_max_package_dependencies = 10'000;

// Whether `name` is a package that ships with R itself (base, utils,
// stats, ...), or R itself ("R"): not a package any repository has.
bool is_part_of_r(std::string_view name);

// The package names of a Depends/Imports/LinkingTo value ("R (>= 3.5),
// methods, Rcpp (>= 1.0)"), without their version ranges, at most
// k_max_package_dependencies (the rest is a warning in `report`).
std::vector<std::string> dependency_names(std::string_view field, FileReport& report);

// Where a package came from, as the files record it.
struct Origin {
  // "Repository" (CRAN or a CRAN-like repository), "Bioconductor",
  // "GitHub", "GitLab", "Local", ... (renv's Source).
  std::string source;
  // The repository's name (CRAN, RSPM, ...).
  std::string repository;
  // Bioconductor release ("3.19") for Bioconductor packages.
  std::string bioconductor_version;
  // GitHub/GitLab: host, user and repository, commit.
  std::string remote_host;
  std::string remote_user;
  std::string remote_repo;
  std::string remote_sha;
  // Bioconductor's git mirror and commit.
  std::string git_url;
  std::string git_commit;
};

// A library component for package `name` at `version`: purl
// pkg:cran/<name>@<version> for CRAN-like repositories, with
// repository_url for Bioconductor and vcs_url for GitHub and GitLab
// packages; no purl for R's own packages and for local or unknown
// sources. Scope required; no evidence yet.
model::Component make_r_component(FileReport& report, const std::string& name,
                                  const std::string& version, const Origin& origin);

} // namespace kensa::scanner::r
