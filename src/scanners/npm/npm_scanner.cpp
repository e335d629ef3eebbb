#include "npm_scanner.hpp"

#include "lockfile.hpp"

namespace kensa::scanner::npm {

std::unique_ptr<Scanner> make_scanner() {
  // npm-shrinkwrap.json has the layout of package-lock.json. Each file is
  // read on its own: when a folder has both, npm uses only the shrinkwrap,
  // but both are reported (docs/scanners/npm.md, known gaps).
  return std::make_unique<FileParserScanner>(std::vector<FileParserScanner::Rule>{
      {"**/package-lock.json", EvidenceKind::declared, &parse_package_lock},
      {"**/npm-shrinkwrap.json", EvidenceKind::declared, &parse_package_lock},
  });
}

} // namespace kensa::scanner::npm
