#include "databases.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace kensa::scanner::rpm {

namespace {

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

} // namespace

Result<BlobRead> read_sqlite(std::string_view contents) {
  if (!contents.starts_with(k_sqlite_magic) || contents.size() < 100) {
    return fail("not an SQLite database");
  }
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(raw);
    return fail("cannot open an in-memory SQLite database");
  }
  std::unique_ptr<sqlite3, CloseDatabase> db(raw);
  // Hostile files: no triggers, views or schema tricks run, and no string or
  // blob larger than a header may be.
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_limit(db.get(), SQLITE_LIMIT_LENGTH, 256 << 20);

  // SQLite owns the copy it is given. Bytes 18 and 19 say WAL mode, which an
  // in-memory database cannot open; setting them to 1 (rollback journal)
  // reads the main file as it is.
  auto size = static_cast<sqlite3_int64>(contents.size());
  auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(contents.size()));
  if (copy == nullptr) {
    return fail("out of memory copying the database");
  }
  std::copy(contents.begin(), contents.end(), copy);
  if (copy[18] == 2) {
    copy[18] = 1;
  }
  if (copy[19] == 2) {
    copy[19] = 1;
  }
  int rc = sqlite3_deserialize(db.get(), "main", copy, size, size,
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK) {
    return fail(std::string("cannot load the database: ") + sqlite3_errmsg(db.get()));
  }

  sqlite3_stmt* raw_statement = nullptr;
  rc = sqlite3_prepare_v2(db.get(), "SELECT blob FROM Packages ORDER BY hnum", -1, &raw_statement,
                          nullptr);
  std::unique_ptr<sqlite3_stmt, FinalizeStatement> statement(raw_statement);
  if (rc != SQLITE_OK) {
    return fail(std::string("no rpm Packages table: ") + sqlite3_errmsg(db.get()));
  }
  BlobRead result;
  while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
    const void* data = sqlite3_column_blob(statement.get(), 0);
    int length = sqlite3_column_bytes(statement.get(), 0);
    if (data == nullptr || length <= 0) {
      result.problems.push_back("an empty Packages row");
      continue;
    }
    result.blobs.emplace_back(static_cast<const char*>(data), static_cast<std::size_t>(length));
  }
  if (rc != SQLITE_DONE) {
    result.problems.push_back(std::string("reading stopped: ") + sqlite3_errmsg(db.get()));
  }
  return result;
}

} // namespace kensa::scanner::rpm
