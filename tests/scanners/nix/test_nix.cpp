// The nix scanner: a store and database written by Nix 2.8 itself
// (tests/fixtures/nix/store-with-db, compared with what nix-store listed),
// name splitting, and crafted databases.
#include "../../support/test_support.hpp"
#include "../os_release/os_test_support.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <sstream>

using kensa::testing::fixture;
using kensa::testing::property;
using kensa::testing::os::file;
using kensa::testing::os::has_warning;
using kensa::testing::os::scan_files;
using kensa::testing::os::scan_folder;

namespace {

constexpr const char* k_nix_glibc =
    "pkg:nix/glibc@2.39-52?outputhash=lml8fj351jqsq8b1w1k52bjb3shwhrk9";
constexpr const char* k_nix_bash =
    "pkg:nix/bash@5.2p32?outputhash=frdnvr7d52ffa9fgw9kasjww3wvdikqg";

// The store paths of tests/fixtures/nix/store-with-db, as nix-store lists
// them.
std::set<std::string> nix_fixture_purls() {
  return {k_nix_bash,
          k_nix_glibc,
          "pkg:nix/hello@2.12.1?outputhash=qknqrmagfs6l3j36xgrdicvzymcngk9p",
          "pkg:nix/openssl@3.0.14-dev?outputhash=kgnc76n7l0rvys2yvvh0w60x67v00fsa",
          "pkg:nix/python3.11-requests@2.31.0?outputhash=hzny4ysgch0vlmbx3lwa09is3f0nyyp8",
          "pkg:nix/source?outputhash=w46gvb9j4zhj89x4svl4p522zk1cfkww"};
}

// A database made with libsqlite3 from `sql`, as bytes.
std::string nix_make_database(const std::string& name, const std::string& sql) {
  // A folder per database: the test cases may run at the same time.
  auto path = kensa::testing::scratch_dir("nix-sqlite-" + name) / name;
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error != nullptr ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
  return kensa::testing::read_file(path);
}

constexpr const char* k_nix_schema =
    "CREATE TABLE ValidPaths (id integer primary key autoincrement not null, path text unique "
    "not null, hash text not null, registrationTime integer not null, deriver text, narSize "
    "integer, ultimate integer, sigs text, ca text);"
    "CREATE TABLE Refs (referrer integer not null, reference integer not null, primary key "
    "(referrer, reference));";

} // namespace

TEST_CASE("nix fixture: the store paths and references nix-store lists", "[scanner][nix]") {
  auto scan = scan_folder(fixture("nix/store-with-db"), {"nix"});
  CHECK(scan.warnings().empty());
  CHECK(scan.purls("nix") == nix_fixture_purls());
  // Every reference `nix-store -q --references` printed, but a path's
  // reference to itself, is an edge.
  std::istringstream listed(kensa::testing::read_file(fixture("nix/store-with-db.references.txt")));
  std::size_t edges = 0;
  for (std::string line; std::getline(listed, line);) {
    auto arrow = line.find(" -> ");
    REQUIRE(arrow != std::string::npos);
    std::string from = line.substr(0, arrow);
    std::string to = line.substr(arrow + 4);
    if (from == to) {
      continue;
    }
    ++edges;
    const kensa::model::Component* referrer = nullptr;
    const kensa::model::Component* reference = nullptr;
    for (const auto& component : scan.document.components) {
      std::string path = property(component, "kensa:nix:store-path");
      referrer = path == from ? &component : referrer;
      reference = path == to ? &component : reference;
    }
    REQUIRE(referrer != nullptr);
    REQUIRE(reference != nullptr);
    CHECK(scan.depends_on(referrer->purl).count(reference->purl) == 1);
  }
  CHECK(edges == 3);
  CHECK(scan.depends_on(k_nix_bash) == std::set<std::string>{k_nix_glibc});
  const auto& glibc = scan.component(k_nix_glibc);
  CHECK(glibc.name == "glibc");
  CHECK(glibc.version == "2.39-52");
  CHECK(property(glibc, "kensa:nix:store-path") ==
        "/nix/store/lml8fj351jqsq8b1w1k52bjb3shwhrk9-glibc-2.39-52");
  CHECK(property(glibc, "kensa:nix:output-hash") == "lml8fj351jqsq8b1w1k52bjb3shwhrk9");
  CHECK(property(glibc, "kensa:nix:nar-hash").starts_with("sha256:"));
  CHECK_FALSE(property(glibc, "kensa:nix:nar-size").empty());
  CHECK(glibc.evidence.at(0).location == "nix/var/nix/db/db.sqlite");
  // The store's files name the same paths: the database alone is read.
  CHECK(scan.document.components.size() == 6);
}

TEST_CASE("nix fixture: a store copied without its database is read by its names",
          "[scanner][nix]") {
  // What a dockerTools image holds: the store paths, no nix/var.
  const auto root = kensa::testing::scratch_dir("nix-store-without-db");
  std::filesystem::remove_all(root / "nix");
  std::filesystem::create_directories(root / "nix");
  std::filesystem::copy(fixture("nix/store-with-db/nix/store"), root / "nix/store",
                        std::filesystem::copy_options::recursive);
  // A derivation and the store's hard-link folder are no installed software.
  kensa::testing::os::write_file(
      root, "nix/store/4yfrzh2xxkyvmxbml9rl31hfnsxcqcdn-hello-2.12.1.drv", "Derive([])");
  kensa::testing::os::write_file(root, "nix/store/.links/0a1b2c", "linked");
  auto scan = scan_folder(root, {"nix"});
  CHECK(scan.warnings().empty());
  CHECK(scan.purls("nix") == nix_fixture_purls());
  CHECK(scan.document.components.size() == 6);
  const auto& glibc = scan.component(k_nix_glibc);
  CHECK(property(glibc, "kensa:nix:store-path") ==
        "/nix/store/lml8fj351jqsq8b1w1k52bjb3shwhrk9-glibc-2.39-52");
  // Only the database knows the NAR hash and the references.
  CHECK(property(glibc, "kensa:nix:nar-hash").empty());
  CHECK(scan.depends_on(k_nix_bash).empty());
  CHECK(glibc.evidence.at(0).location ==
        "nix/store/lml8fj351jqsq8b1w1k52bjb3shwhrk9-glibc-2.39-52");
}

TEST_CASE("nix: names split as builtins.parseDrvName does", "[scanner][nix]") {
  auto database = nix_make_database(
      "names.sqlite",
      std::string(k_nix_schema) +
          "INSERT INTO ValidPaths (path, hash, registrationTime) VALUES "
          "('/nix/store/00000000000000000000000000000000-firefox-unwrapped-128.0esr', 'x', 0),"
          "('/nix/store/11111111111111111111111111111111-perl5.38.2-URI-5.21', 'x', 0),"
          "('/nix/store/22222222222222222222222222222222-hello-2.12.1.drv', 'x', 0),"
          "('/nix/store/33333333333333333333333333333333-nixos-system-x-24.05.1', 'x', 0),"
          "('/nix/store/not-a-store-path', 'x', 0);");
  auto scan = scan_files("nix", {file("nix/var/nix/db/db.sqlite", database)});
  CHECK(scan.purls("nix") ==
        std::set<std::string>{
            "pkg:nix/firefox-unwrapped@128.0esr?outputhash=00000000000000000000000000000000",
            "pkg:nix/perl5.38.2-URI@5.21?outputhash=11111111111111111111111111111111",
            "pkg:nix/nixos-system-x@24.05.1?outputhash=33333333333333333333333333333333"});
  CHECK(has_warning(scan.warnings(),
                    {"nix/var/nix/db/db.sqlite", "1 ValidPaths rows are not store paths"}));
}

TEST_CASE("nix: crafted databases are refused quickly", "[scanner][nix][hostile]") {
  SECTION("a view named ValidPaths") {
    auto database = nix_make_database(
        "view.sqlite",
        "CREATE TABLE Refs (referrer integer, reference integer);"
        "CREATE VIEW ValidPaths AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
        "FROM n) SELECT i AS id, 'p' AS path, 'h' AS hash, NULL AS deriver, 0 AS narSize FROM "
        "n;");
    auto started = std::chrono::steady_clock::now();
    auto scan = scan_files("nix", {file("nix/var/nix/db/db.sqlite", database)});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(scan.document.components.empty());
    CHECK(has_warning(scan.warnings(),
                      {"nix/var/nix/db/db.sqlite", "ValidPaths is a view, not a table"}));
  }
  SECTION("a generated path column") {
    auto database = nix_make_database(
        "generated.sqlite",
        "CREATE TABLE ValidPaths (id integer primary key, p text, hash text, deriver text, "
        "narSize integer, path text AS (replace(hex(zeroblob(100000000)), '0', p)));"
        "CREATE TABLE Refs (referrer integer, reference integer);");
    auto scan = scan_files("nix", {file("nix/var/nix/db/db.sqlite", database)});
    CHECK(has_warning(scan.warnings(), {"ValidPaths computes its path column; not read"}));
  }
  SECTION("no Refs table, and bytes that are not SQLite") {
    auto database = nix_make_database(
        "norefs.sqlite", "CREATE TABLE ValidPaths (id integer, path text, hash text, deriver "
                         "text, narSize integer);");
    auto scan = scan_files("nix", {file("a/nix/var/nix/db/db.sqlite", database),
                                   file("b/nix/var/nix/db/db.sqlite", "not a database")});
    CHECK(has_warning(scan.warnings(), {"a/nix/var/nix/db/db.sqlite", "no Refs table"}));
    CHECK(has_warning(scan.warnings(), {"b/nix/var/nix/db/db.sqlite", "not an SQLite database"}));
  }
}
