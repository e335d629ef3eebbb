#pragma once

#include <kensa/scanner/problem_list.hpp>
#include <kensa/util/result.hpp>

#include <string>
#include <string_view>
#include <vector>

// The three formats rpm has kept its package database in, each read straight
// from the file's bytes (scanners never open files) down to the header blobs.
namespace kensa::scanner::rpm {

struct BlobRead {
  std::vector<std::string> blobs;
  // Records that could not be read; the others still are.
  ProblemList problems;
};

// rpmdb.sqlite (rpm 4.16 and later, Fedora 33+, RHEL 9): the Packages table,
// through libsqlite3 on a read-only in-memory copy (nothing is written to
// disk, temporary storage included), rows sorted by hnum. A database in WAL
// mode is read as if checkpointed: what is still in rpmdb.sqlite-wal is not
// seen. Only a plain table whose hnum and blob are stored columns is read,
// within caps on work, rows, bytes and memory (docs/scanners/rpm.md). Fails
// when the bytes are not an SQLite database with such a table.
Result<BlobRead> read_sqlite(std::string_view contents);

// Packages (Berkeley DB hash, rpm before 4.16, RHEL 8 and older): every
// key/data pair of the hash pages, data on the page or in a chain of overflow
// pages; either byte order. Fails when the metadata page is not a hash
// database's.
Result<BlobRead> read_bdb(std::string_view contents);

// Packages.db (rpm's NDB, SUSE): the slot pages and the blobs they point to.
// Fails when the file does not start with an NDB header.
Result<BlobRead> read_ndb(std::string_view contents);

} // namespace kensa::scanner::rpm
