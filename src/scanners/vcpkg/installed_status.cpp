#include "installed_status.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "vcpkg_port.hpp"

#include <kensa/util/strings.hpp>

#include <cctype>
#include <map>

namespace kensa::scanner::vcpkg {

namespace {

// Far above real files (a large installation has a few hundred ports and
// features).
constexpr std::size_t k_max_stanzas = 200'000;
constexpr std::size_t k_max_depends = 10'000;

struct Stanza {
  std::size_t line = 0;
  std::map<std::string, std::string, std::less<>> fields;

  std::string field(std::string_view name) const {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  }
};

// The stanzas of `text`; lines that are not fields are warnings.
std::vector<Stanza> read_stanzas(FileReport& report, std::string_view text) {
  std::vector<Stanza> stanzas;
  Stanza current;
  std::string last_field;
  std::size_t line_number = 0;
  auto close = [&]() {
    if (!current.fields.empty()) {
      stanzas.push_back(std::move(current));
    }
    current = Stanza{};
    last_field.clear();
  };
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (trim(line).empty()) {
      close();
      if (stanzas.size() >= k_max_stanzas) {
        report.omit("more than " + std::to_string(k_max_stanzas) +
                    " stanzas; the rest is not read");
        return stanzas;
      }
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (last_field.empty()) {
        report.warn_at(line_number, "a continuation line before any field; ignored");
      } else {
        current.fields[last_field] += "\n" + std::string(trim(line));
      }
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      report.warn_at(line_number, "not a \"Field: value\" line; ignored");
      continue;
    }
    if (current.fields.empty()) {
      current.line = line_number;
    }
    last_field = std::string(line.substr(0, colon));
    current.fields[last_field] = std::string(trim(line.substr(colon + 1)));
  }
  close();
  return stanzas;
}

// "vcpkg-cmake:x64-linux", "zlib", "openssl[core]" -> the key of the port
// meant: "<name>:<triplet>".
std::string dependency_key(std::string_view entry, std::string_view triplet) {
  entry = trim(entry.substr(0, entry.find_first_of("[(")));
  auto colon = entry.find(':');
  if (colon != std::string_view::npos) {
    return std::string(trim(entry.substr(0, colon))) + ":" +
           std::string(trim(entry.substr(colon + 1)));
  }
  return std::string(entry) + ":" + std::string(triplet);
}

std::vector<std::string> dependency_keys(FileReport& report, std::string_view field,
                                         std::string_view triplet) {
  std::vector<std::string> keys;
  while (!field.empty()) {
    auto comma = field.find(',');
    std::string_view entry = trim(field.substr(0, comma));
    field = comma == std::string_view::npos ? std::string_view() : field.substr(comma + 1);
    if (entry.empty()) {
      continue;
    }
    if (keys.size() == k_max_depends) {
      report.warn("more than " + std::to_string(k_max_depends) +
                  " dependencies in one stanza; the rest is not read");
      break;
    }
    keys.push_back(dependency_key(entry, triplet));
  }
  return keys;
}

bool is_installed(std::string_view status) {
  return status.ends_with(" installed") && !status.ends_with("not-installed");
}

} // namespace

void parse_installed_status(FileReport& report, const source::SourceFile& file) {
  std::vector<Stanza> stanzas = read_stanzas(report, file.contents);
  LockedGraph locked(report, file);
  // Feature stanzas may come before or after their port's.
  std::map<std::string, std::vector<std::string>, std::less<>> features;
  std::vector<std::pair<std::string, std::string>> feature_depends;
  for (const auto& stanza : stanzas) {
    std::string name = stanza.field("Package");
    FileReport at(report, "line " + std::to_string(stanza.line) + ": ");
    if (name.empty()) {
      at.warn("a stanza without Package; skipped");
      continue;
    }
    if (!is_installed(stanza.field("Status"))) {
      continue;
    }
    std::string triplet = stanza.field("Architecture");
    std::string key = name + ":" + triplet;
    if (std::string feature = stanza.field("Feature"); !feature.empty()) {
      features[key].push_back(feature);
      for (auto& target : dependency_keys(at, stanza.field("Depends"), triplet)) {
        feature_depends.emplace_back(key, std::move(target));
      }
      continue;
    }
    Port port{name, stanza.field("Version"), stanza.field("Port-Version"), triplet, {}};
    if (port.version.empty()) {
      at.warn("port " + name + " has no Version");
    }
    model::Component component = make_port_component(at, port);
    if (std::string description = stanza.field("Description"); !description.empty()) {
      component.description = description.substr(0, description.find('\n'));
    }
    if (std::string abi = stanza.field("Abi"); !abi.empty()) {
      component.add_property(std::string(k_property_abi), abi);
    }
    if (!locked.add(key, std::move(component))) {
      break;
    }
    for (auto& target : dependency_keys(at, stanza.field("Depends"), triplet)) {
      locked.depend(key, std::move(target));
    }
  }
  for (auto& [key, names] : features) {
    model::Component* port = locked.find(key);
    if (port == nullptr) {
      report.warn("features of " + key + " are installed without the port");
      continue;
    }
    std::string list;
    for (const auto& feature : names) {
      list += (list.empty() ? "" : ",") + feature;
    }
    port->add_property(std::string(k_property_features), list);
  }
  for (auto& [key, target] : feature_depends) {
    if (locked.contains(key)) {
      locked.depend(key, std::move(target));
    }
  }
  locked.finish();
}

} // namespace kensa::scanner::vcpkg
