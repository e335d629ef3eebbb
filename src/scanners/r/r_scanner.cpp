#include "r_scanner.hpp"

#include "installed_packages.hpp"
#include "renv_lock.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::r {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      // Installed packages: one DESCRIPTION each, read together so that
      // their dependencies resolve among them. R's own library
      // (usr/lib/R/library), site libraries (usr/lib/R/site-library,
      // usr/local/lib/R/site-library) and renv's project libraries
      // (renv/library/<R version>/<platform>/<package>).
      file_set("installed R packages",
               patterns_of_kind({"**/R/library/*/DESCRIPTION", "**/site-library/*/DESCRIPTION",
                                 "**/renv/library/*/*/*/DESCRIPTION"},
                                EvidenceKind::installed),
               &read_installed_packages),
      each_file(patterns_of_kind({"**/renv.lock"}, EvidenceKind::declared), &parse_renv_lock),
  }});
}

} // namespace kensa::scanner::r
