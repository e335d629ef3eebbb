#include "project_lockfile.hpp"

#include "paths.hpp"

#include <spdlog/spdlog.h>

namespace kensa::scanner::javascript {

bool is_project_lockfile(const ScanContext& context, const source::SourceFile& file) {
  if (is_installed_package_file(file.path, context.root_name())) {
    spdlog::debug("{}: skipped, a lockfile inside node_modules is not used", file.location);
    return false;
  }
  return true;
}

std::unique_ptr<Scanner> lockfile_scanner(std::initializer_list<std::string_view> globs,
                                          FileParserScanner::Parser read) {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind(globs, EvidenceKind::declared), read, &is_project_lockfile),
  }});
}

void read_project_lockfiles(ScanContext& context, const FileSet& files, std::string_view glob,
                            ProjectLockfileReader read) {
  ProjectManifests projects(context, files);
  files.read_each(context, glob, [&](FileReport& report, const source::SourceFile& file) {
    if (is_project_lockfile(context, file)) {
      read(report, file, projects);
    }
  });
}

} // namespace kensa::scanner::javascript
