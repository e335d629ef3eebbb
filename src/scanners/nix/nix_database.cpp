#include "nix_database.hpp"

#include "../common/sqlite/sqlite_file.hpp"

namespace kensa::scanner::nix {

namespace {

std::string text_at(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text == nullptr ? std::string() : std::string(text);
}

} // namespace

Result<StoreDatabase> read_store_database(std::string_view contents) {
  auto file = sqlite::SqliteFile::open(contents);
  if (!file) {
    return fail(file.error());
  }
  if (auto table =
          file->check_plain_table("ValidPaths", {"id", "path", "hash", "deriver", "narSize"});
      !table) {
    return fail(table.error());
  }
  if (auto table = file->check_plain_table("Refs", {"referrer", "reference"}); !table) {
    return fail(table.error());
  }

  StoreDatabase database;
  // Honest rows never add up to more than the file: a damaged b-tree that
  // lists the same pages over and over is stopped by that.
  std::uint64_t bytes = 0;
  auto paths = file->prepare("SELECT id, path, hash, deriver, narSize FROM main.ValidPaths");
  if (!paths) {
    return fail("cannot read ValidPaths: " + paths.error());
  }
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(paths->get())) == SQLITE_ROW) {
    if (database.paths.size() >= k_max_paths) {
      database.problems.push_back("more than " + std::to_string(k_max_paths) +
                                  " store paths; the rest were not read");
      break;
    }
    ValidPath path;
    path.id = sqlite3_column_int64(paths->get(), 0);
    path.path = text_at(paths->get(), 1);
    path.nar_hash = text_at(paths->get(), 2);
    path.deriver = text_at(paths->get(), 3);
    path.nar_size = text_at(paths->get(), 4);
    bytes += path.path.size() + path.nar_hash.size() + path.deriver.size();
    if (bytes > contents.size()) {
      database.problems.push_back("the rows hold more bytes than the file; the rest were not read");
      break;
    }
    database.paths.push_back(std::move(path));
  }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    database.problems.push_back("reading ValidPaths stopped: " +
                                file->stop_reason(rc, "any Nix store database"));
  }

  auto refs = file->prepare("SELECT referrer, reference FROM main.Refs");
  if (!refs) {
    return fail("cannot read Refs: " + refs.error());
  }
  while ((rc = sqlite3_step(refs->get())) == SQLITE_ROW) {
    if (database.refs.size() >= k_max_refs) {
      database.problems.push_back("more than " + std::to_string(k_max_refs) +
                                  " references; the rest were not read");
      break;
    }
    std::int64_t referrer = sqlite3_column_int64(refs->get(), 0);
    std::int64_t reference = sqlite3_column_int64(refs->get(), 1);
    // Most store paths refer to themselves (a binary's RPATH): no edge.
    if (referrer != reference) {
      database.refs.emplace_back(referrer, reference);
    }
  }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    database.problems.push_back("reading Refs stopped: " +
                                file->stop_reason(rc, "any Nix store database"));
  }
  return database;
}

} // namespace kensa::scanner::nix
