#include "vcpkg_manifest.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/json_file.hpp"
#include "vcpkg_port.hpp"

#include <map>

namespace kensa::scanner::vcpkg {

namespace {

using json::Value;

// Far above real manifests (a few dozen dependencies).
constexpr std::size_t k_max_dependencies = 100'000;

std::string string_member(Value object, std::string_view key) {
  Value value = object[key];
  return value.is_string() ? std::string(value.string()) : std::string();
}

std::string integer_member(Value object, std::string_view key) {
  Value value = object[key];
  if (value.is_number_integer()) {
    return std::to_string(value.integer());
  }
  return {};
}

// The version of an object that may give it under any of vcpkg's four
// version schemes.
std::string any_version(Value object) {
  for (std::string_view key : {"version", "version-semver", "version-date", "version-string"}) {
    if (std::string version = string_member(object, key); !version.empty()) {
      return version;
    }
  }
  return {};
}

bool is_commit(std::string_view text) {
  return text.size() == 40 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

struct Override {
  std::string version;
  std::string port_version;
};

class ManifestReader {
 public:
  ManifestReader(FileReport& report, const source::SourceFile& file, std::string baseline,
                 std::map<std::string, Override, std::less<>> overrides)
      : m_report(report), m_locked(report, file), m_baseline(std::move(baseline)),
        m_overrides(std::move(overrides)) {}

  // False once the cap is reached.
  bool read_list(Value list, std::string_view where, std::string_view feature) {
    if (!list.exists() || list.is_null()) {
      return true;
    }
    if (!list.is_array()) {
      m_report.warn(std::string(where) + " is not a list; not read");
      return true;
    }
    for (Value entry : list) {
      if (++m_count > k_max_dependencies) {
        m_report.omit("more than " + std::to_string(k_max_dependencies) +
                      " dependencies; the rest is not read");
        return false;
      }
      read_dependency(entry, where, feature);
    }
    return true;
  }

  void finish(std::string root_name) { m_locked.finish(std::move(root_name)); }

 private:
  void read_dependency(Value entry, std::string_view where, std::string_view feature) {
    std::string name;
    if (entry.is_string()) {
      name = std::string(entry.string());
    } else if (entry.is_object()) {
      name = string_member(entry, "name");
    }
    if (name.empty()) {
      m_report.warn("an entry of " + std::string(where) + " names no port; not read");
      return;
    }
    if (m_locked.contains(name)) {
      return; // Asked for again by a feature: the first is kept.
    }
    Port port{name, {}, {}, {}, is_commit(m_baseline) ? m_baseline : std::string()};
    if (auto it = m_overrides.find(name); it != m_overrides.end()) {
      port.version = it->second.version;
      port.port_version = it->second.port_version;
    }
    model::Component component = make_port_component(m_report, port);
    if (!feature.empty()) {
      component.scope = model::Scope::optional;
      component.add_property(std::string(k_property_feature), std::string(feature));
    }
    if (entry.is_object()) {
      if (std::string minimum = string_member(entry, "version>="); !minimum.empty()) {
        component.add_property(std::string(k_property_minimum_version), minimum);
      }
      if (std::string platform = string_member(entry, "platform"); !platform.empty()) {
        component.add_property(std::string(k_property_platform), platform);
      }
      if (entry["host"].boolean()) {
        component.scope = model::Scope::excluded;
      }
      std::string features;
      for (Value asked : entry["features"].is_array() ? entry["features"] : Value()) {
        std::string feature_name =
            asked.is_string() ? std::string(asked.string()) : string_member(asked, "name");
        if (!feature_name.empty()) {
          features += (features.empty() ? "" : ",") + feature_name;
        }
      }
      if (!features.empty()) {
        component.add_property(std::string(k_property_features), features);
      }
    }
    if (m_locked.add(name, std::move(component))) {
      m_locked.direct(name);
    }
  }

  FileReport& m_report;
  LockedGraph m_locked;
  std::string m_baseline;
  std::map<std::string, Override, std::less<>> m_overrides;
  std::size_t m_count = 0;
};

std::map<std::string, Override, std::less<>> read_overrides(FileReport& report, Value list) {
  std::map<std::string, Override, std::less<>> overrides;
  if (!list.exists()) {
    return overrides;
  }
  if (!list.is_array()) {
    report.warn("\"overrides\" is not a list; not read");
    return overrides;
  }
  for (Value entry : list) {
    std::string name = string_member(entry, "name");
    std::string version = any_version(entry);
    if (name.empty() || version.empty()) {
      report.warn("an \"overrides\" entry without name or version; not read");
      continue;
    }
    if (overrides.size() == k_max_dependencies) {
      report.warn("more than " + std::to_string(k_max_dependencies) +
                  " overrides; the rest is not read");
      break;
    }
    std::string port_version = integer_member(entry, "port-version");
    overrides[name] = Override{version, port_version};
  }
  return overrides;
}

} // namespace

void parse_vcpkg_manifest(FileReport& report, const source::SourceFile& file) {
  auto document = read_json_object(report, file.contents, "a vcpkg manifest");
  if (!document) {
    return;
  }
  Value root = document->root();
  std::string baseline = string_member(root, "builtin-baseline");
  if (!baseline.empty() && !is_commit(baseline)) {
    report.warn("builtin-baseline \"" + baseline.substr(0, 100) +
                "\" is not a commit of 40 hex digits; not used");
  }
  ManifestReader reader(report, file, baseline, read_overrides(report, root["overrides"]));
  bool room = reader.read_list(root["dependencies"], "\"dependencies\"", {});
  Value features = root["features"];
  if (room && features.is_object()) {
    for (const auto& [feature, definition] : members_by_name(features)) {
      std::string where = "the dependencies of feature " + std::string(feature);
      if (!reader.read_list(definition["dependencies"], where, feature)) {
        break;
      }
    }
  } else if (features.exists() && !features.is_object()) {
    report.warn("\"features\" is not an object; not read");
  }
  reader.finish(string_member(root, "name"));
}

} // namespace kensa::scanner::vcpkg
