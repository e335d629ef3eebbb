#include "yarn_scanner.hpp"

#include "../common/javascript/project_lockfile.hpp"
#include "yarn_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::yarn {

namespace {

// Each yarn.lock with the package.json files of its project and workspaces.
// Yarn reads only the project's lockfile; copies inside installed packages
// describe their authors' machines.
void read_yarn_projects(ScanContext& context, const FileSet& files) {
  javascript::read_project_lockfiles(context, files, "**/yarn.lock", &scan_yarn_lock);
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("yarn projects",
               patterns_of_kind({"**/yarn.lock", "**/package.json"}, EvidenceKind::declared),
               &read_yarn_projects),
  }});
}

} // namespace kensa::scanner::yarn
