#include "ruby_scanner.hpp"

#include "gem_file.hpp"
#include "installed_gems.hpp"
#include "project.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::ruby {

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> installed =
      patterns_of_kind({"**/specifications/*.gemspec", "**/specifications/default/*.gemspec"},
                       EvidenceKind::installed);
  add_patterns(installed, installed_gem_license_globs(), EvidenceKind::installed);
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      // Installed gems with the license files of their unpacked folders,
      // read together so that their dependencies resolve among them. Debian
      // installs its gems' specifications under
      // usr/share/rubygems-integration/all/ and
      // usr/lib/<triplet>/rubygems-integration/<version>/.
      file_set("installed gems", std::move(installed), &read_installed_gems),
      // A folder's lockfile and gemspecs, read together.
      file_set("Ruby projects",
               patterns_of_kind({"**/Gemfile.lock", "**/gems.locked", "**/*.gemspec"},
                                EvidenceKind::declared),
               &read_projects, &is_project_file),
      // The specification inside a .gem lying on disk.
      each_file(patterns_of_kind({"metadata.gz"}, EvidenceKind::declared), &parse_gem_metadata,
                &is_gem_metadata),
  }});
}

} // namespace kensa::scanner::ruby
