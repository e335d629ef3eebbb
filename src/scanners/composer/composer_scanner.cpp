#include "composer_scanner.hpp"

#include "installed_json.hpp"
#include "project.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::composer {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/vendor/composer/installed.json"}, EvidenceKind::installed),
                &parse_installed_json),
      // A folder's composer.json and composer.lock, read together; those
      // packages carry inside vendor/ are not the project's.
      file_set("PHP projects",
               patterns_of_kind({"**/composer.json", "**/composer.lock"}, EvidenceKind::declared),
               &read_projects, &is_project_file),
  }});
}

} // namespace kensa::scanner::composer
