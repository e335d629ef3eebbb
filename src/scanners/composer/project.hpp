#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

// PHP projects: a folder's composer.json and composer.lock, read together
// since the lockfile pins what composer.json requires.
namespace kensa::scanner::composer {

// Reads the projects of `files` folder by folder. composer.lock gives every
// locked package ("packages", and "packages-dev" as development ones) with
// the edges of their "require" lists. composer.json gives the project: an
// application the subject describes (named by "name", or after its folder),
// which depends on the packages of "require" and, as development
// dependencies, of "require-dev"; without a lockfile, each is a component
// without a version. Malformed files are omissions naming them.
void read_projects(ScanContext& context, const FileSet& files);

// Whether `file` is a project's own composer.json or composer.lock, not one
// a package carries inside vendor/.
bool is_project_file(const ScanContext& context, const source::SourceFile& file);

} // namespace kensa::scanner::composer
