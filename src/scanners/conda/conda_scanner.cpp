#include "conda_scanner.hpp"

#include "conda_meta.hpp"
#include "environment_yml.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::conda {

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      // One record per installed package in each environment's conda-meta
      // folder, read together so that dependencies resolve within the
      // environment.
      file_set("conda environments",
               patterns_of_kind({"**/conda-meta/*.json"}, EvidenceKind::installed),
               &read_conda_environments),
      each_file(
          patterns_of_kind({"**/environment.yml", "**/environment.yaml"}, EvidenceKind::declared),
          &parse_environment_yml),
  }});
}

} // namespace kensa::scanner::conda
