#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// vendor/composer/installed.json: what Composer installed into vendor/.
namespace kensa::scanner::composer {

// Adds every installed package, in Composer 1's layout (the top level is
// the array of packages) or Composer 2's (`{"packages": [...], "dev":
// true, "dev-package-names": [...]}`, the packages named there being
// development ones), with an edge for each requirement naming another
// installed package. A file that is not JSON, or neither layout, is an
// omission naming it.
void parse_installed_json(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::composer
