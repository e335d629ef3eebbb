#pragma once

#include <kensa/util/result.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

// Reading an SQLite database a scanner was handed as bytes (rpmdb.sqlite,
// Nix's db.sqlite), as hostile input: the file is loaded into memory
// read-only and never touches the disk, triggers, views and untrusted schema
// functions are off, and work and memory are capped, so that a crafted
// schema or a looping b-tree ends with an error, not a hang.
namespace kensa::scanner::sqlite {

struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

class SqliteFile {
 public:
  // Loads `contents`: a read-only in-memory copy (a database in WAL mode is
  // read as if checkpointed: what is in its -wal file is not seen). While
  // the returned object lives, SQLite's process-wide heap is capped at the
  // copy plus 64 MiB of working memory, and each statement at 200 million
  // virtual machine instructions. Fails when the bytes are not an SQLite
  // database or cannot be loaded.
  static Result<SqliteFile> open(std::string_view contents);

  SqliteFile(SqliteFile&&) noexcept;
  SqliteFile& operator=(SqliteFile&&) noexcept;
  ~SqliteFile();

  // Fails unless `table` is an ordinary table the file declares with CREATE
  // TABLE (not a view or a virtual table, whose reading runs what the
  // file's author wrote) in which none of `columns` is generated (an
  // expression of the file's run on every row). The messages name the table:
  // "Packages is a view, not a table; not read", "no Packages table".
  Status check_plain_table(std::string_view table,
                           std::initializer_list<std::string_view> columns) const;

  // Compiles `sql`; fails with SQLite's message.
  Result<Statement> prepare(const char* sql) const;

  // Why stepping a statement ended with `rc` (neither SQLITE_ROW nor
  // SQLITE_DONE): "the database costs more work than <what>" when the
  // work cap stopped it, SQLite's message otherwise.
  std::string stop_reason(int rc, std::string_view what) const;

 private:
  class HeapLimit;
  struct CloseDatabase {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
  };
  SqliteFile() = default;

  // Destroyed in reverse order: the database is closed before the heap
  // limit is put back.
  std::unique_ptr<HeapLimit> m_heap_limit;
  std::unique_ptr<std::uint64_t> m_checks;
  std::unique_ptr<sqlite3, CloseDatabase> m_db;
};

} // namespace kensa::scanner::sqlite
