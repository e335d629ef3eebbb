#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

// R packages installed in a library: one folder per package, with the
// DESCRIPTION R CMD INSTALL wrote.
namespace kensa::scanner::r {

// Adds each installed package (Package, Version, License, Maintainer as
// supplier, Title and Description, Repository or Bioconductor's git
// fields for the purl) and an edge for each Depends, Imports and LinkingTo
// entry to the package of that name installed in the same container when
// there is exactly one. `Priority: base` packages are R itself: no purl.
// A DESCRIPTION without Package is a warning naming the file.
void read_installed_packages(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::r
