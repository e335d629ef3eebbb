#pragma once

#include <kensa/scanner/problem_list.hpp>
#include <kensa/util/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Nix's store database, /nix/var/nix/db/db.sqlite: every valid store path
// (ValidPaths) and what each one refers to (Refs).
namespace kensa::scanner::nix {

struct ValidPath {
  std::int64_t id = 0;
  std::string path;     // "/nix/store/<hash>-<name>"
  std::string nar_hash; // "sha256:<hex>": the hash of the path's NAR serialisation
  std::string deriver;  // the .drv that built it; empty when unknown
  std::string nar_size; // bytes of the NAR serialisation
};

struct StoreDatabase {
  std::vector<ValidPath> paths;
  // (referrer, reference) ids, self references left out.
  std::vector<std::pair<std::int64_t, std::int64_t>> refs;
  // Rows that could not be read, caps reached; what was read is kept.
  ProblemList problems;
};

// Most paths and references read; a large NixOS system has about 20,000
// paths and 200,000 references.
inline constexpr std::size_t k_max_paths = 1'000'000;
inline constexpr std::size_t k_max_refs = 10'000'000;

// Reads ValidPaths and Refs from the bytes of db.sqlite through the hostile
// SQLite reader (common/sqlite): both must be plain tables. Fails when the
// bytes are not such a database.
Result<StoreDatabase> read_store_database(std::string_view contents);

} // namespace kensa::scanner::nix
