#include "hidden_lockfile.hpp"

#include "../common/parsers/json_file.hpp"

namespace kensa::scanner::node_modules {

std::optional<HiddenLockfile> read_hidden_lockfile(const source::SourceFile& file,
                                                   FileReport& report) {
  const auto parsed = read_json_object(report, file.contents, "an npm hidden lockfile");
  if (!parsed) {
    return std::nullopt;
  }
  const json::Value document = parsed->root();
  HiddenLockfile lockfile;
  lockfile.name = document["name"].string();
  lockfile.version = document["version"].string();
  const json::Value packages = document["packages"];
  if (!packages.is_object()) {
    report.warn("\"packages\" is not an object");
    return lockfile;
  }
  for (const auto& [path, entry] : members_by_name(packages)) {
    if (!entry.is_object() || path.empty()) {
      continue;
    }
    if (lockfile.packages.size() >= k_max_hidden_entries) {
      report.omit("more than " + std::to_string(k_max_hidden_entries) +
                  " packages; the rest are not read");
      break;
    }
    HiddenEntry hidden;
    hidden.version = entry["version"].string();
    hidden.integrity = entry["integrity"].string();
    hidden.resolved = entry["resolved"].string();
    hidden.dev = entry["dev"].boolean();
    hidden.optional = entry["optional"].boolean();
    hidden.dev_optional = entry["devOptional"].boolean();
    hidden.peer = entry["peer"].boolean();
    lockfile.packages.emplace(path, std::move(hidden));
  }
  return lockfile;
}

} // namespace kensa::scanner::node_modules
