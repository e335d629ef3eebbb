#pragma once

#include "project_manifests.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

#include <initializer_list>
#include <memory>
#include <string_view>

// Which lockfiles a JavaScript package manager reads, and reading them with
// the package.json files of their projects.
namespace kensa::scanner::javascript {

// Whether `file` is a project's own lockfile: one in a node_modules folder
// (or in a node_modules folder scanned on its own) is the one an installed
// package's authors used, shipped in its tarball; npm, yarn, pnpm, bun and
// deno never read it, and neither does kensa. A FileParserScanner filter.
bool is_project_lockfile(const ScanContext& context, const source::SourceFile& file);

// A scanner of the lockfiles `globs` match that need nothing beside them
// (package-lock.json, bun.lock, deno.lock): each project lockfile is read
// on its own with `read`, as declared evidence.
std::unique_ptr<Scanner> lockfile_scanner(std::initializer_list<std::string_view> globs,
                                          FileParserScanner::Parser read);

// Reads a lockfile that needs the package.json files of its project and
// workspaces (yarn.lock, pnpm-lock.yaml).
using ProjectLockfileReader = void (*)(FileReport& report, const source::SourceFile& file,
                                       ProjectManifests& projects);

// Reads with `read` each project lockfile among `files` that `glob`
// matches, each on its own (FileSet::read_each), with the package.json
// files among `files` at hand.
void read_project_lockfiles(ScanContext& context, const FileSet& files, std::string_view glob,
                            ProjectLockfileReader read);

} // namespace kensa::scanner::javascript
