#include "sqlite_file.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::sqlite {

namespace {

constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

// Work a database may cost, in SQLite virtual machine instructions. Reading
// the Packages table of a system with 10,000 rpm packages, or the ValidPaths
// and Refs of a Nix store of 50,000 paths, takes a few million; the cap ends
// a crafted schema or a looping b-tree in about a second.
constexpr int k_instructions_per_check = 10'000;
constexpr std::uint64_t k_max_instructions = 200'000'000;
// Memory SQLite may use besides the copy of the file: its page cache,
// parsed schema and any temporary storage, which is kept in memory, never
// in a file.
constexpr sqlite3_int64 k_working_memory = 64ll << 20;

// Counts the progress callbacks; a non-zero return interrupts the statement.
int on_progress(void* data) {
  auto* checks = static_cast<std::uint64_t*>(data);
  return ++*checks > k_max_instructions / k_instructions_per_check ? 1 : 0;
}

} // namespace

// SQLite's heap limit is process-wide: set while a file is open, then put
// back.
class SqliteFile::HeapLimit {
 public:
  explicit HeapLimit(sqlite3_int64 bytes) : m_previous(sqlite3_hard_heap_limit64(bytes)) {}
  ~HeapLimit() { sqlite3_hard_heap_limit64(m_previous); }
  HeapLimit(const HeapLimit&) = delete;
  HeapLimit& operator=(const HeapLimit&) = delete;

 private:
  sqlite3_int64 m_previous;
};

SqliteFile::SqliteFile(SqliteFile&&) noexcept = default;
SqliteFile& SqliteFile::operator=(SqliteFile&&) noexcept = default;
SqliteFile::~SqliteFile() = default;

Result<SqliteFile> SqliteFile::open(std::string_view contents) {
  if (!contents.starts_with(k_sqlite_magic) || contents.size() < 100) {
    return fail("not an SQLite database");
  }
  SqliteFile file;
  // The copy below counts toward the limit.
  file.m_heap_limit =
      std::make_unique<HeapLimit>(static_cast<sqlite3_int64>(contents.size()) + k_working_memory);
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(raw);
    return fail("cannot open an in-memory SQLite database");
  }
  file.m_db.reset(raw);
  sqlite3* db = file.m_db.get();
  // Hostile files: no triggers, views or schema tricks run, and no string or
  // blob larger than a header may be.
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 256 << 20);
  // Whatever needs temporary storage stays in memory, under the heap limit:
  // SQLite would otherwise spill to files in /var/tmp.
  sqlite3_exec(db, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
  file.m_checks = std::make_unique<std::uint64_t>(0);
  sqlite3_progress_handler(db, k_instructions_per_check, &on_progress, file.m_checks.get());

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
  int rc = sqlite3_deserialize(db, "main", copy, size, size,
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK) {
    return fail(std::string("cannot load the database: ") + sqlite3_errmsg(db));
  }
  return file;
}

Result<Statement> SqliteFile::prepare(const char* sql) const {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(m_db.get(), sql, -1, &raw, nullptr);
  Statement statement(raw);
  if (rc != SQLITE_OK) {
    return fail(sqlite3_errmsg(m_db.get()));
  }
  return statement;
}

Status SqliteFile::check_plain_table(std::string_view table,
                                     std::initializer_list<std::string_view> columns) const {
  sqlite3* db = m_db.get();
  auto statement =
      prepare("SELECT type, sql FROM main.sqlite_master WHERE name = ?1 COLLATE NOCASE");
  if (!statement) {
    return fail("cannot read the schema: " + statement.error());
  }
  // No destructor: `table` outlives the statement.
  sqlite3_bind_text(statement->get(), 1, table.data(), static_cast<int>(table.size()), nullptr);
  int rc = sqlite3_step(statement->get());
  std::string name(table);
  if (rc != SQLITE_ROW) {
    return fail(rc == SQLITE_DONE ? "no " + name + " table"
                                  : "cannot read the schema: " + std::string(sqlite3_errmsg(db)));
  }
  const auto* type = reinterpret_cast<const char*>(sqlite3_column_text(statement->get(), 0));
  const auto* sql = reinterpret_cast<const char*>(sqlite3_column_text(statement->get(), 1));
  if (type == nullptr || std::string_view(type) != "table") {
    return fail(name + " is a " + std::string(type != nullptr ? type : "nameless object") +
                ", not a table; not read");
  }
  if (sql == nullptr || !starts_with_ignore_case(sql, "CREATE TABLE")) {
    return fail(name + " is not a plain table; not read");
  }
  auto xinfo = prepare("SELECT name, hidden FROM pragma_table_xinfo(?1)");
  if (!xinfo) {
    return fail("cannot read the schema: " + xinfo.error());
  }
  sqlite3_bind_text(xinfo->get(), 1, table.data(), static_cast<int>(table.size()), nullptr);
  while ((rc = sqlite3_step(xinfo->get())) == SQLITE_ROW) {
    const auto* column = reinterpret_cast<const char*>(sqlite3_column_text(xinfo->get(), 0));
    if (column == nullptr || sqlite3_column_int(xinfo->get(), 1) == 0) {
      continue;
    }
    for (std::string_view wanted : columns) {
      if (equals_ignore_case(column, wanted)) {
        return fail(name + " computes its " + to_lower_ascii(column) + " column; not read");
      }
    }
  }
  if (rc != SQLITE_DONE) {
    return fail("cannot read the schema: " + std::string(sqlite3_errmsg(db)));
  }
  return ok_status();
}

std::string SqliteFile::stop_reason(int rc, std::string_view what) const {
  return rc == SQLITE_INTERRUPT ? "the database costs more work than " + std::string(what)
                                : std::string(sqlite3_errmsg(m_db.get()));
}

} // namespace kensa::scanner::sqlite
