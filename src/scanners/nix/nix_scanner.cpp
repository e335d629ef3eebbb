#include "nix_scanner.hpp"

#include "nix_component.hpp"
#include "nix_database.hpp"
#include "store_path.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>

#include <set>
#include <string_view>
#include <unordered_map>

namespace kensa::scanner::nix {

namespace {

constexpr std::string_view k_database = "nix/var/nix/db/db.sqlite";
constexpr std::string_view k_store = "nix/store/";

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

// Where "nix/store/" starts in `path` as a whole segment; npos when it
// does not.
std::size_t store_offset(std::string_view path) {
  const auto store = path.find(k_store);
  if (store == std::string_view::npos || (store > 0 && path[store - 1] != '/')) {
    return std::string_view::npos;
  }
  return store;
}

// "nix/store/<hash>-<name>" of a path inside a store, with what comes
// before it, or the whole path when it is in no store: the name-only key,
// one file per store path.
std::string_view store_path_of(std::string_view path) {
  const auto store = store_offset(path);
  if (store == std::string_view::npos) {
    return path;
  }
  const auto end = path.find('/', store + k_store.size());
  return end == std::string_view::npos ? path : path.substr(0, end);
}

// A store copied without its database (a dockerTools image): the store
// paths are known by their names only, with no references, hashes or
// deriver. Where the database is there, it alone is read.
void read_store_paths_by_name(ScanContext& context, const FileSet& files,
                              const std::set<std::string_view>& roots_with_database) {
  for (const auto& file : files) {
    const std::string_view location = file.location;
    const auto store = store_offset(location);
    if (file.path.ends_with(k_database) || store == std::string_view::npos ||
        roots_with_database.contains(location.substr(0, store))) {
      continue;
    }
    // The driver handed over one file of each store path: the folder is
    // where it was found.
    const std::string_view folder = store_path_of(location);
    const std::string_view store_path = folder.substr(store);
    // Derivations are build recipes; a name that is no store path (the
    // store's own .links folder) is none.
    if (store_path.ends_with(".drv")) {
      continue;
    }
    const std::string absolute = "/" + std::string(store_path);
    auto path = parse_store_path(absolute);
    if (!path) {
      continue;
    }
    FileReport report(context, file);
    model::Evidence evidence = context.evidence_for(file);
    evidence.location = std::string(folder);
    ValidPath valid;
    valid.path = absolute;
    context.graph().add(make_component(valid, *path, evidence, report));
  }
}

void read_store(ScanContext& context, const FileSet& files) {
  std::set<std::string_view> roots_with_database;
  for (const auto& file : files) {
    if (file.path.ends_with(k_database)) {
      const std::string_view location = file.location;
      roots_with_database.insert(location.substr(0, location.size() - k_database.size()));
      FileReport report(context, file);
      read_guarded(report, [&] { parse_store_database(report, file); });
    }
  }
  read_store_paths_by_name(context, files, roots_with_database);
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> patterns =
      patterns_of_kind({"**/nix/var/nix/db/db.sqlite"}, EvidenceKind::installed);
  for (auto& pattern :
       name_only_patterns({"**/nix/store/*", "**/nix/store/*/**"}, EvidenceKind::installed)) {
    patterns.push_back(std::move(pattern));
  }
  FileParserScanner::Rules rules{{file_set("Nix store", std::move(patterns), &read_store)}};
  rules.name_only_key = &store_path_of;
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::nix
