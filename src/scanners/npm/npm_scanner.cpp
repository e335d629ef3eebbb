#include "npm_scanner.hpp"

#include "../common/javascript/project_lockfile.hpp"
#include "lockfile.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::npm {

std::unique_ptr<Scanner> make_scanner() {
  // npm-shrinkwrap.json has the layout of package-lock.json. Each file is
  // read on its own: when a folder has both, npm uses only the shrinkwrap,
  // but both are reported (docs/scanners/npm.md, known gaps). npm reads only
  // the lockfile at the project root: copies shipped inside installed
  // packages list what their authors had, and whatever npm took from a
  // dependency's npm-shrinkwrap.json is already in the root lockfile.
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/package-lock.json", "**/npm-shrinkwrap.json"},
                                 EvidenceKind::declared),
                &parse_package_lock, &javascript::is_project_lockfile),
  }});
}

} // namespace kensa::scanner::npm
