#pragma once

#include <kensa/model/document.hpp>
#include <kensa/model/hash.hpp>

#include <string>
#include <string_view>
#include <vector>

// The files an SBOM vouches for with a digest, whichever way its format
// says so: kensa's and CycloneDX's file components, CycloneDX components of
// type file and their evidence occurrences, SPDX 2 files with checksums,
// SPDX 3 software_File elements with verifiedUsing.
namespace kensa::audit {

struct ListedFile {
  // Normalised: '/'-separated, no leading "./" or "/", nesting as "!/".
  std::string path;
  std::vector<model::Hash> hashes;
};

// Every file of `sbom` that has at least one digest, sorted by path; a
// path listed twice keeps the hashes of both.
std::vector<ListedFile> listed_files(const model::Document& sbom);

// `path` as listed_files() writes paths: "./lib/x.jar" and "/lib/x.jar"
// become "lib/x.jar".
std::string normalise_listed_path(std::string_view path);

} // namespace kensa::audit
