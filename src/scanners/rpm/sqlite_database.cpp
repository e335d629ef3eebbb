#include "../common/sqlite/sqlite_file.hpp"
#include "databases.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace kensa::scanner::rpm {

namespace {

// Rows read; rpm databases hold a few thousand.
constexpr std::size_t k_max_rows = 1'000'000;

} // namespace

Result<BlobRead> read_sqlite(std::string_view contents) {
  auto file = sqlite::SqliteFile::open(contents);
  if (!file) {
    return fail(file.error());
  }
  // Only a plain table is read: a view (or a virtual table) named Packages
  // would run whatever query the file's author wrote, such as an endless
  // recursive one.
  if (auto table = file->check_plain_table("Packages", {"hnum", "blob"}); !table) {
    return fail(table.error());
  }

  // No ORDER BY: sorting is done here, so SQLite needs no temporary b-tree.
  auto statement = file->prepare("SELECT hnum, blob FROM main.Packages");
  if (!statement) {
    return fail("no rpm Packages table: " + statement.error());
  }
  BlobRead result;
  std::vector<std::pair<sqlite3_int64, std::string>> rows;
  // A damaged b-tree can list the same pages many times over; honest rows
  // never add up to more than the file.
  std::uint64_t bytes = 0;
  int rc = SQLITE_OK;
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
    result.problems.push_back("reading stopped: " + file->stop_reason(rc, "any rpm database"));
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
