#include "databases.hpp"

#include <kensa/util/strings.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>

namespace kensa::scanner::rpm {

namespace {

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

// Work a database may cost, in SQLite virtual machine instructions. Reading
// the Packages table of a system with 10,000 packages takes well under a
// million; the cap ends a crafted schema or a looping b-tree in about a
// second.
constexpr int k_instructions_per_check = 10'000;
constexpr std::uint64_t k_max_instructions = 200'000'000;
// Rows read; rpm databases hold a few thousand.
constexpr std::size_t k_max_rows = 1'000'000;
// Memory SQLite may use besides the copy of the file: its page cache,
// parsed schema and any temporary storage, which is kept in memory, never
// in a file.
constexpr sqlite3_int64 k_working_memory = 64ll << 20;

// Counts the progress callbacks; a non-zero return interrupts the statement.
int on_progress(void* data) {
  auto* checks = static_cast<std::uint64_t*>(data);
  return ++*checks > k_max_instructions / k_instructions_per_check ? 1 : 0;
}

// SQLite's heap limit is process-wide: set for one read, then put back.
class HeapLimit {
 public:
  explicit HeapLimit(sqlite3_int64 bytes) : m_previous(sqlite3_hard_heap_limit64(bytes)) {}
  ~HeapLimit() { sqlite3_hard_heap_limit64(m_previous); }
  HeapLimit(const HeapLimit&) = delete;
  HeapLimit& operator=(const HeapLimit&) = delete;

 private:
  sqlite3_int64 m_previous;
};

using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

Result<Statement> prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  Statement statement(raw);
  if (rc != SQLITE_OK) {
    return fail(sqlite3_errmsg(db));
  }
  return statement;
}

// Only a plain table is read: a view (or a virtual table) named Packages
// would run whatever query the file's author wrote, such as an endless
// recursive one.
Status check_packages_table(sqlite3* db) {
  auto statement = prepare(db, "SELECT type, sql FROM main.sqlite_master WHERE name = "
                               "'Packages' COLLATE NOCASE");
  if (!statement) {
    return fail("cannot read the schema: " + statement.error());
  }
  int rc = sqlite3_step(statement->get());
  if (rc != SQLITE_ROW) {
    return fail(rc == SQLITE_DONE ? std::string("no rpm Packages table")
                                  : "cannot read the schema: " + std::string(sqlite3_errmsg(db)));
  }
  const auto* type = reinterpret_cast<const char*>(sqlite3_column_text(statement->get(), 0));
  const auto* sql = reinterpret_cast<const char*>(sqlite3_column_text(statement->get(), 1));
  if (type == nullptr || std::string_view(type) != "table") {
    return fail("Packages is a " + std::string(type != nullptr ? type : "nameless object") +
                ", not a table; not read");
  }
  if (sql == nullptr || !starts_with_ignore_case(sql, "CREATE TABLE")) {
    return fail("Packages is not a plain table; not read");
  }
  // A generated column runs an expression of the file's on every row read.
  auto columns = prepare(db, "SELECT name, hidden FROM pragma_table_xinfo('Packages')");
  if (!columns) {
    return fail("cannot read the schema: " + columns.error());
  }
  while ((rc = sqlite3_step(columns->get())) == SQLITE_ROW) {
    const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(columns->get(), 0));
    if (name != nullptr && (equals_ignore_case(name, "hnum") || equals_ignore_case(name, "blob")) &&
        sqlite3_column_int(columns->get(), 1) != 0) {
      return fail("Packages computes its " + to_lower_ascii(name) + " column; not read");
    }
  }
  if (rc != SQLITE_DONE) {
    return fail("cannot read the schema: " + std::string(sqlite3_errmsg(db)));
  }
  return ok_status();
}

} // namespace

Result<BlobRead> read_sqlite(std::string_view contents) {
  if (!contents.starts_with(k_sqlite_magic) || contents.size() < 100) {
    return fail("not an SQLite database");
  }
  // The copy below counts toward the limit.
  HeapLimit heap_limit(static_cast<sqlite3_int64>(contents.size()) + k_working_memory);
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
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_limit(db.get(), SQLITE_LIMIT_LENGTH, 256 << 20);
  // Whatever needs temporary storage stays in memory, under the heap limit:
  // SQLite would otherwise spill to files in /var/tmp.
  sqlite3_exec(db.get(), "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
  std::uint64_t checks = 0;
  sqlite3_progress_handler(db.get(), k_instructions_per_check, &on_progress, &checks);

  // SQLite owns the copy it is given, and reads it in place: the file never
  // touches the disk. Bytes 18 and 19 say WAL mode, which an in-memory
  // database cannot open; setting them to 1 (rollback journal) reads the
  // main file as it is.
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
  if (auto table = check_packages_table(db.get()); !table) {
    return fail(table.error());
  }

  // No ORDER BY: sorting is done here, so SQLite needs no temporary b-tree.
  auto statement = prepare(db.get(), "SELECT hnum, blob FROM main.Packages");
  if (!statement) {
    return fail("no rpm Packages table: " + statement.error());
  }
  BlobRead result;
  std::vector<std::pair<sqlite3_int64, std::string>> rows;
  // A damaged b-tree can list the same pages many times over; honest rows
  // never add up to more than the file.
  std::uint64_t bytes = 0;
  while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
    if (rows.size() >= k_max_rows) {
      result.problems.push_back("more than " + std::to_string(k_max_rows) +
                                " rows; the rest were not read");
      break;
    }
    const void* data = sqlite3_column_blob(statement->get(), 1);
    int length = sqlite3_column_bytes(statement->get(), 1);
    if (data == nullptr || length <= 0) {
      result.problems.push_back("an empty Packages row");
      continue;
    }
    bytes += static_cast<std::uint64_t>(length);
    if (bytes > contents.size()) {
      result.problems.push_back("the rows hold more bytes than the file; the rest were not read");
      break;
    }
    rows.emplace_back(
        sqlite3_column_int64(statement->get(), 0),
        std::string(static_cast<const char*>(data), static_cast<std::size_t>(length)));
  }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    result.problems.push_back(
        rc == SQLITE_INTERRUPT
            ? "reading stopped: the database costs more work than any rpm database"
            : std::string("reading stopped: ") + sqlite3_errmsg(db.get()));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  result.blobs.reserve(rows.size());
  for (auto& row : rows) {
    result.blobs.push_back(std::move(row.second));
  }
  return result;
}

} // namespace kensa::scanner::rpm
