#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>

// npm's hidden lockfile, node_modules/.package-lock.json: what npm installed
// in that folder, as it recorded it (npm 7 and later; the layout of a
// lockfile version 3 without the project's own entry). npm trusts it as
// long as node_modules was not changed behind its back; kensa takes from it
// what the installed package.json files do not say.
namespace kensa::scanner::node_modules {

// Most entries read from one hidden lockfile.
inline constexpr std::size_t k_max_hidden_entries = 1'000'000;

struct HiddenEntry {
  std::string version;
  std::string integrity;
  std::string resolved;
  bool dev = false;
  bool optional = false;
  bool dev_optional = false;
  bool peer = false;
};

struct HiddenLockfile {
  // The project's name and version.
  std::string name;
  std::string version;
  // By folder relative to the project ("node_modules/debug",
  // "node_modules/a/node_modules/b").
  std::map<std::string, HiddenEntry, std::less<>> packages;
};

// Reads `file`; problems are warnings in `report`. Nullopt when it is not
// a JSON object.
std::optional<HiddenLockfile> read_hidden_lockfile(const source::SourceFile& file,
                                                   FileReport& report);

} // namespace kensa::scanner::node_modules
