#pragma once

#include <kensa/model/document.hpp>
#include <kensa/scanner/scan.hpp>
#include <kensa/util/result.hpp>
#include <kensa/validate/finding.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

// `kensa verify` as a library: does a delivery (a folder, an archive, an
// image) hold what its SBOM says, file by file and package by package
// (docs/cli.md, "kensa verify").
namespace kensa::audit {

struct VerifyOptions {
  // How the target is read: limits, image platform, exclusions. The file
  // digests are chosen by verify_delivery.
  scanner::ScanOptions scan;
  // Files in the target that the SBOM does not list are errors, not
  // warnings.
  bool strict = false;
  // The SBOM's own place in the target, in location notation, when it
  // ships inside it: not an extra file.
  std::string sbom_location;
  // Findings kept; the rest are counted.
  std::size_t max_findings = 10'000;
};

struct VerifyResult {
  // Sorted: errors first, then by rule and location. Rules:
  // VERIFY-FILE-MISSING, VERIFY-FILE-CHANGED (errors), VERIFY-FILE-EXTRA
  // (a warning, an error with strict), VERIFY-FILE-UNCHECKED (a warning:
  // no algorithm kensa computes), VERIFY-FILES-NOT-LISTED (a warning: the
  // SBOM has no file digests), VERIFY-PACKAGE-CODE (an error: an SPDX 2
  // package verification code is not that of the files delivered),
  // VERIFY-PACKAGE-CODE-UNCHECKED (a warning: a code, but no files listed
  // for it), VERIFY-PACKAGE-MISSING,
  // VERIFY-PACKAGE-UNDECLARED (errors), VERIFY-INCOMPLETE (a warning: the
  // scan of the target skipped something).
  std::vector<validate::Finding> findings;
  std::size_t dropped_findings = 0;
  // Files the SBOM lists with a digest, and how many of them matched.
  std::size_t files_listed = 0;
  std::size_t files_matched = 0;
  // Files the target holds.
  std::size_t target_files = 0;
  // Packages the SBOM lists, and how many the target was found to hold.
  std::size_t packages_listed = 0;
  std::size_t packages_matched = 0;
  std::size_t target_packages = 0;
};

// Verifies `target` against `sbom` in one walk of the target, which both
// hashes every file and finds its packages. Fails only when the target as
// a whole cannot be read (the CLI exits 2); everything else is a finding.
Result<VerifyResult> verify_delivery(const model::Document& sbom,
                                     const std::filesystem::path& target,
                                     const VerifyOptions& options);

} // namespace kensa::audit
