#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

// Ruby projects: the Gemfile.lock and the gemspecs of a folder, read
// together since the lockfile locks what the gemspec declares.
namespace kensa::scanner::ruby {

// Reads the projects of `files` folder by folder. A folder with a lockfile
// is read as the lockfile says (read_gemfile_lock), its gemspecs adding
// their metadata to the project's gem; a gemspec without a lockfile is the
// project's gem as an application the subject describes, with each
// dependency it declares as a component without a version (unless it pins
// one with "= <version>"), related as a runtime or development dependency.
void read_projects(ScanContext& context, const FileSet& files);

// Whether `file` is a project's file: a lockfile, or a gemspec that is not
// one a gem carries inside an installed copy (gems/<name>-<version>/).
bool is_project_file(const ScanContext& context, const source::SourceFile& file);

} // namespace kensa::scanner::ruby
