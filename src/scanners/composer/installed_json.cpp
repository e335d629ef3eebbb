#include "installed_json.hpp"

#include "../common/parsers/json_file.hpp"
#include "package_set.hpp"

namespace kensa::scanner::composer {

void parse_installed_json(FileReport& report, const source::SourceFile& file) {
  auto document = read_json_file(report, file.contents);
  if (!document) {
    return;
  }
  json::Value root = document->root();
  PackageSet packages;
  if (root.is_array()) {
    packages.read(report, root, "packages", false);
  } else if (root.is_object()) {
    packages.read(report, root["packages"], "packages", false);
    packages.mark_development(root["dev-package-names"]);
  } else {
    report.omit("not an installed.json: the top level is neither an array nor an object");
    return;
  }
  packages.add_to_graph(report, report.context().evidence_for(file));
}

} // namespace kensa::scanner::composer
