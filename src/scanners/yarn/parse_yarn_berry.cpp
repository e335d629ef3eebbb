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

javascript::DependencyList dependency_map(const YamlNode& node) {
  javascript::DependencyList list;
  if (!node.is_map()) {
    return list;
  }
  for (const YamlEntry dependency : node.entries()) {
    list.emplace_back(scalar(dependency.key), scalar(dependency.value));
  }
  return list;
}

void read_entry(const std::string& key, const YamlNode& value, YarnEntry& entry) {
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
  YamlNode meta = child(value, "dependenciesMeta");
  if (meta.is_map()) {
    for (const YamlEntry dependency : meta.entries()) {
      if (scalar(child(dependency.value, "optional")) == "true") {
        entry.optional_names.insert(scalar(dependency.key));
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
  auto document = load_yaml_map(text, report, "a yarn.lock");
  if (!document) {
    return false;
  }
  for (const YamlEntry listed : document->root().entries()) {
    std::string key = scalar(listed.key);
    if (key == "__metadata") {
      continue;
    }
    if (entries.size() >= k_max_entries) {
      report.omit("more than " + std::to_string(k_max_entries) +
                  " entries; the rest of the file is not read");
      break;
    }
    std::size_t line = listed.key.line();
    if (key.empty() || !listed.value.is_map()) {
      report.warn_at(line, "an entry that is not \"requests: {fields}\"; skipped");
      continue;
    }
    YarnEntry entry;
    entry.line = line;
    read_entry(key, listed.value, entry);
    if (entry.descriptors.empty()) {
      report.warn_at(line, "an entry without requests; skipped");
      continue;
    }
    entries.push_back(std::move(entry));
  }
  return true;
}

} // namespace kensa::scanner::yarn
