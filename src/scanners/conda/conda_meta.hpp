#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

// The conda-meta folder of a conda environment: one JSON record per
// installed package, written by conda, mamba and pixi when they link the
// package into the environment.
namespace kensa::scanner::conda {

// Adds a component per record (make_conda_component, with the record's
// `license`, `md5` and `sha256` of the package file), the environment's
// files each record lists (`files`, relative to the environment's folder)
// as owned by it, and an edge per `depends` entry to the package of that
// name installed in the same environment. Virtual packages (`__glibc`)
// and names not installed there give no edge. A record that is not JSON,
// or has no name or version, is a warning naming the file.
void read_conda_environments(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::conda
