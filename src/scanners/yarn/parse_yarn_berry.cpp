// Berry's lockfile: YAML whose keys are comma-separated requests
// ("ms@npm:2.1.2, ms@npm:^2.1.1") and whose "__metadata" entry gives the
// format version. Each entry's "resolution" says what was picked.
#include "../common/parsers/yaml_text.hpp"
#include "yarn_lock.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::yarn {

using scanner::child;
using scanner::scalar;

namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

javascript::DependencyList dependency_map(const YAML::Node& node) {
  javascript::DependencyList list;
  if (!node.IsDefined() || !node.IsMap()) {
    return list;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    list.emplace_back(scalar(it->first), scalar(it->second));
  }
  return list;
}

void read_entry(const std::string& key, const YAML::Node& value, YarnEntry& entry) {
  std::string_view rest = key;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view descriptor = trim_spaces(rest.substr(0, comma));
    if (!descriptor.empty()) {
      entry.descriptors.emplace_back(descriptor);
    }
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  entry.version = scalar(child(value, "version"));
  entry.resolution = scalar(child(value, "resolution"));
  entry.checksum = scalar(child(value, "checksum"));
  entry.dependencies = dependency_map(child(value, "dependencies"));
  YAML::Node meta = child(value, "dependenciesMeta");
  if (meta.IsMap()) {
    for (auto it = meta.begin(); it != meta.end(); ++it) {
      if (scalar(child(it->second, "optional")) == "true") {
        entry.optional_names.insert(scalar(it->first));
      }
    }
  }
  auto [name, reference] =
      split_descriptor(entry.resolution.empty() ? entry.descriptors.front() : entry.resolution);
  entry.name = std::string(name);
  if (reference.starts_with("workspace:")) {
    entry.workspace = true;
    entry.workspace_path = std::string(reference.substr(10));
  } else if (reference.starts_with("link:") || reference.starts_with("portal:")) {
    entry.link = true;
  } else if (reference.starts_with("patch:")) {
    entry.patch = true;
  }
}

} // namespace

bool parse_yarn_berry(std::string_view text, FileReport& report, std::vector<YarnEntry>& entries) {
  YAML::Node document;
  if (!load_yaml(text, report, document)) {
    return false;
  }
  if (!document.IsMap()) {
    report.omit("not a yarn.lock: the top level is not a map");
    return false;
  }
  for (auto it = document.begin(); it != document.end(); ++it) {
    std::string key = scalar(it->first);
    if (key == "__metadata") {
      continue;
    }
    if (entries.size() >= k_max_entries) {
      report.omit("more than " + std::to_string(k_max_entries) +
                  " entries; the rest of the file is not read");
      break;
    }
    std::size_t line = it->first.Mark().is_null() ? 0 : it->first.Mark().line + 1;
    if (key.empty() || !it->second.IsMap()) {
      report.warn_at(line, "an entry that is not \"requests: {fields}\"; skipped");
      continue;
    }
    YarnEntry entry;
    entry.line = line;
    read_entry(key, it->second, entry);
    if (entry.descriptors.empty()) {
      report.warn_at(line, "an entry without requests; skipped");
      continue;
    }
    entries.push_back(std::move(entry));
  }
  return true;
}

} // namespace kensa::scanner::yarn
