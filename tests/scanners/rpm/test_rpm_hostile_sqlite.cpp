// Crafted rpmdb.sqlite files: SQL the file's author wrote must never run.
// Each database is made here with libsqlite3, the headers taken from the
// rhel-9 fixture.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;
using kensa::testing::fixture;
using kensa::testing::read_file;
using kensa::testing::scratch_dir;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::scan_files;

namespace {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Database = std::unique_ptr<sqlite3, SqliteCloser>;

Database open_database(const fs::path& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open(path.c_str(), &raw);
  Database db(raw);
  REQUIRE(rc == SQLITE_OK);
  return db;
}

void execute(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO(sql << ": " << (error != nullptr ? error : ""));
  sqlite3_free(error);
  REQUIRE(rc == SQLITE_OK);
}

// The header blobs of the rhel-9 fixture, in hnum order.
std::vector<std::string> fixture_blobs(const fs::path& scratch) {
  fs::path copy = scratch / "fixture.sqlite";
  fs::copy_file(fixture("rpm/rhel-9/var/lib/rpm/rpmdb.sqlite"), copy,
                fs::copy_options::overwrite_existing);
  auto db = open_database(copy);
  sqlite3_stmt* statement = nullptr;
  REQUIRE(sqlite3_prepare_v2(db.get(), "SELECT blob FROM Packages ORDER BY hnum", -1, &statement,
                             nullptr) == SQLITE_OK);
  std::vector<std::string> blobs;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    blobs.emplace_back(static_cast<const char*>(sqlite3_column_blob(statement, 0)),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement, 0)));
  }
  sqlite3_finalize(statement);
  return blobs;
}

// A database made by `sql`, then `blobs` inserted into Packages(hnum, blob)
// with hnum counting down, as bytes.
std::string make_database(const fs::path& scratch, const std::string& sql,
                          const std::vector<std::string>& blobs = {}) {
  fs::path path = scratch / "crafted.sqlite";
  fs::remove(path);
  {
    auto db = open_database(path);
    execute(db.get(), sql);
    sqlite3_stmt* insert = nullptr;
    if (!blobs.empty()) {
      REQUIRE(sqlite3_prepare_v2(db.get(), "INSERT INTO Packages (hnum, blob) VALUES (?, ?)", -1,
                                 &insert, nullptr) == SQLITE_OK);
    }
    for (std::size_t i = 0; i < blobs.size(); ++i) {
      sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(blobs.size() - i));
      sqlite3_bind_blob(insert, 2, blobs[blobs.size() - 1 - i].data(),
                        static_cast<int>(blobs[blobs.size() - 1 - i].size()), SQLITE_STATIC);
      REQUIRE(sqlite3_step(insert) == SQLITE_DONE);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
  }
  return read_file(path);
}

const std::string k_endless_view =
    "CREATE VIEW Packages AS WITH RECURSIVE r(hnum, blob) AS "
    "(SELECT 1, x'00112233445566778899' UNION ALL SELECT hnum + 1, blob FROM r) "
    "SELECT hnum, blob FROM r";

} // namespace

TEST_CASE("rpm: a Packages view over an endless recursive query is not run",
          "[scanner][rpm][hostile]") {
  auto scratch = scratch_dir("rpm-sqlite-view");
  std::string database = make_database(scratch, k_endless_view);
  auto started = std::chrono::steady_clock::now();
  auto scan = scan_files("rpm", {file("var/lib/rpm/rpmdb.sqlite", database)});
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(scan.document.components.empty());
  CHECK(has_warning(scan.warnings(), {"var/lib/rpm/rpmdb.sqlite",
                                      "cannot read the rpm database: Packages is a view, not a "
                                      "table; not read"}));
}

TEST_CASE("rpm: a Packages table that computes its blob column is not read",
          "[scanner][rpm][hostile]") {
  auto scratch = scratch_dir("rpm-sqlite-generated");
  std::string database = make_database(
      scratch, "CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, b BLOB, blob BLOB AS "
               "(replace(hex(zeroblob(100000000)), '0', b)))");
  auto scan = scan_files("rpm", {file("var/lib/rpm/rpmdb.sqlite", database)});
  CHECK(scan.document.components.empty());
  CHECK(has_warning(scan.warnings(), {"Packages computes its blob column; not read"}));
}

TEST_CASE("rpm: rows are read in hnum order without SQLite sorting them",
          "[scanner][rpm][hostile]") {
  auto scratch = scratch_dir("rpm-sqlite-order");
  auto blobs = fixture_blobs(scratch);
  REQUIRE(blobs.size() == 3);
  // hnum is not the rowid here, and the rows are stored in reverse order.
  std::string database =
      make_database(scratch, "CREATE TABLE Packages (hnum INTEGER, blob BLOB NOT NULL)", blobs);
  auto scan = scan_files("rpm", {file("var/lib/rpm/rpmdb.sqlite", database)});
  CHECK(scan.document.components.size() == 3);
  CHECK(scan.named("kensa-base") != nullptr);
  CHECK(scan.named("kensa-lib") != nullptr);
  CHECK(scan.named("kensa-tool") != nullptr);
}

TEST_CASE("rpm: a crafted rpmdb.sqlite in a tar.gz ends quickly and writes nothing to disk",
          "[scanner][rpm][hostile][cli]") {
  auto scratch = scratch_dir("rpm-sqlite-cli");
  std::string database = make_database(scratch, k_endless_view);
  kensa::testing::os::write_file(scratch / "root", "var/lib/rpm/rpmdb.sqlite", database);
  fs::create_directories(scratch / "sqlite-tmp");
  REQUIRE(std::system(("tar -czf " + (scratch / "image.tar.gz").string() + " -C " +
                       (scratch / "root").string() + " var")
                          .c_str()) == 0);
  // SQLite writes its temporary files to SQLITE_TMPDIR (and unlinks them at
  // once); a file size limit turns any such write into SIGXFSZ.
  kensa::testing::Bounds bounds;
  bounds.max_file_bytes = 1 << 20;
  for (const auto& input : {scratch / "image.tar.gz", scratch / "root"}) {
    auto run = kensa::testing::run_kensa_bounded(
        {"scan", input.string(), "--scanner", "rpm", "-o", "cyclonedx-json"}, bounds,
        {"SQLITE_TMPDIR=" + (scratch / "sqlite-tmp").string()});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.seconds < 10);
    CHECK(run.err.find("Packages is a view, not a table") != std::string::npos);
  }
}
