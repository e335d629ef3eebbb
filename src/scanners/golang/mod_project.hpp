#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <span>

// Go projects from their manifests: each go.mod with the go.sum beside it,
// and the go.work files that group modules into a workspace.
namespace kensa::scanner::golang {

// `files` are the scanner's go.mod, go.sum and go.work files, sorted by
// location. Each go.mod gives its main module (an application described by
// the subject) and its requirements, replace and exclude directives applied
// (a go.work's replace directives first, for the modules it uses); the
// go.sum beside it gives the h1 hashes and, for go.mod files older than Go
// 1.17 that list only direct requirements, the versions of the others.
void add_mod_projects(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::golang
