#include "nix_scanner.hpp"

#include "nix_component.hpp"
#include "nix_database.hpp"
#include "store_path.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>

#include <unordered_map>

namespace kensa::scanner::nix {

namespace {

void parse_store_database(FileReport& report, const source::SourceFile& file) {
  auto database = read_store_database(file.contents);
  if (!database) {
    report.omit(database.error());
    return;
  }
  report.warn_all(database->problems);
  ScanContext& context = report.context();
  model::Evidence evidence = context.evidence_for(file);
  std::unordered_map<std::int64_t, std::string> ids;
  std::size_t not_store_paths = 0;
  for (const auto& valid : database->paths) {
    // Derivations (.drv) are build recipes, not software that is there.
    if (valid.path.ends_with(".drv")) {
      continue;
    }
    auto path = parse_store_path(valid.path);
    if (!path) {
      ++not_store_paths;
      continue;
    }
    ids.emplace(valid.id, context.graph().add(make_component(valid, *path, evidence, report)));
  }
  if (not_store_paths > 0) {
    report.warn(std::to_string(not_store_paths) + " ValidPaths rows are not store paths " +
                "(<store>/<32-character hash>-<name>); not read");
  }
  for (const auto& [referrer, reference] : database->refs) {
    auto from = ids.find(referrer);
    auto to = ids.find(reference);
    if (from != ids.end() && to != ids.end()) {
      context.graph().relate(from->second, to->second, model::RelationshipType::depends_on);
    }
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/nix/var/nix/db/db.sqlite"}, EvidenceKind::installed),
                &parse_store_database),
  }});
}

} // namespace kensa::scanner::nix
