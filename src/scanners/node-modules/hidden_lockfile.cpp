#include "hidden_lockfile.hpp"

#include "../common/javascript/json_text.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::node_modules {

namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool flag_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

} // namespace

std::optional<HiddenLockfile> read_hidden_lockfile(const source::SourceFile& file,
                                                   FileReport& report) {
  json document;
  if (!javascript::parse_json(file.contents, report, document)) {
    return std::nullopt;
  }
  if (!document.is_object()) {
    report.omit("not an npm hidden lockfile: the top level is not a JSON object");
    return std::nullopt;
  }
  HiddenLockfile lockfile;
  lockfile.name = text_of(document, "name");
  lockfile.version = text_of(document, "version");
  auto packages = document.find("packages");
  if (packages == document.end() || !packages->is_object()) {
    report.warn("\"packages\" is not an object");
    return lockfile;
  }
  for (const auto& [path, entry] : packages->items()) {
    if (!entry.is_object() || path.empty()) {
      continue;
    }
    if (lockfile.packages.size() >= k_max_hidden_entries) {
      report.omit("more than " + std::to_string(k_max_hidden_entries) +
                  " packages; the rest are not read");
      break;
    }
    HiddenEntry hidden;
    hidden.version = text_of(entry, "version");
    hidden.integrity = text_of(entry, "integrity");
    hidden.resolved = text_of(entry, "resolved");
    hidden.dev = flag_of(entry, "dev");
    hidden.optional = flag_of(entry, "optional");
    hidden.dev_optional = flag_of(entry, "devOptional");
    hidden.peer = flag_of(entry, "peer");
    lockfile.packages.emplace(path, std::move(hidden));
  }
  return lockfile;
}

} // namespace kensa::scanner::node_modules
