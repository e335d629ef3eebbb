#include "npm_scanner.hpp"

#include "../common/javascript/project_lockfile.hpp"
#include "lockfile.hpp"

namespace kensa::scanner::npm {

std::unique_ptr<Scanner> make_scanner() {
  // npm-shrinkwrap.json has the layout of package-lock.json. Each file is
  // read on its own: when a folder has both, npm uses only the shrinkwrap,
  // but both are reported (docs/scanners/npm.md, known gaps). npm reads only
  // the lockfile at the project root: copies shipped inside installed
  // packages list what their authors had, and whatever npm took from a
  // dependency's npm-shrinkwrap.json is already in the root lockfile.
  return javascript::lockfile_scanner({"**/package-lock.json", "**/npm-shrinkwrap.json"},
                                      &parse_package_lock);
}

} // namespace kensa::scanner::npm
