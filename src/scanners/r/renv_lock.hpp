#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// renv.lock, the packages `renv::snapshot()` recorded for an R project.
namespace kensa::scanner::r {

// Adds a component per entry of `Packages` (purl by `Source`:
// make_r_component), with renv's `Hash` (an MD5 of the package's
// DESCRIPTION, not of an archive) and `R.Version` as properties, and an
// edge per `Requirements` entry to the package of that name. The packages
// no other package requires are the project's direct dependencies: edges
// from a project root named after the lockfile's folder. Malformed entries
// are warnings naming the file.
void parse_renv_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::r
