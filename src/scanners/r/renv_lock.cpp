#include "renv_lock.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/json_file.hpp"
#include "r_package.hpp"

#include <set>

namespace kensa::scanner::r {

namespace {

using json::Value;

// Far above real files (large projects lock a few hundred packages).
constexpr std::size_t k_max_packages = 100'000;

std::string string_member(Value object, std::string_view key) {
  Value value = object[key];
  return value.is_string() ? std::string(value.string()) : std::string();
}

bool is_md5_hex(std::string_view text) {
  return text.size() == 32 &&
         text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

} // namespace

void parse_renv_lock(FileReport& report, const source::SourceFile& file) {
  auto document = read_json_object(report, file.contents, "an renv.lock");
  if (!document) {
    return;
  }
  Value root = document->root();
  std::string r_version = string_member(root["R"], "Version");
  std::string bioconductor = string_member(root["Bioconductor"], "Version");
  Value packages = root["Packages"];
  if (!packages.exists()) {
    return;
  }
  if (!packages.is_object()) {
    report.omit("\"Packages\" is " + std::string(json_type_name(packages)) + ", not an object");
    return;
  }
  LockedGraph locked(report, file);
  std::set<std::string, std::less<>> required;
  std::vector<std::string> names;
  std::size_t count = 0;
  for (const auto& [key, entry] : members_by_name(packages)) {
    if (++count > k_max_packages) {
      report.omit("more than " + std::to_string(k_max_packages) +
                  " packages; the rest is not read");
      break;
    }
    std::string name(key);
    if (!entry.is_object()) {
      report.warn("package " + name + " is " + std::string(json_type_name(entry)) +
                  ", not an object; skipped");
      continue;
    }
    std::string package = string_member(entry, "Package");
    if (!package.empty() && package != name) {
      report.warn("package " + name + " says its Package is \"" + package + "\"; read as " + name);
    }
    Origin origin;
    origin.source = string_member(entry, "Source");
    origin.repository = string_member(entry, "Repository");
    origin.bioconductor_version = bioconductor;
    origin.remote_host = string_member(entry, "RemoteHost");
    origin.remote_user = string_member(entry, "RemoteUsername");
    origin.remote_repo = string_member(entry, "RemoteRepo");
    origin.remote_sha = string_member(entry, "RemoteSha");
    origin.git_url = string_member(entry, "git_url");
    origin.git_commit = string_member(entry, "git_last_commit");
    std::string version = string_member(entry, "Version");
    if (version.empty()) {
      report.warn("package " + name + " has no Version");
    }
    model::Component component = make_r_component(report, name, version, origin);
    std::string hash = string_member(entry, "Hash");
    if (is_md5_hex(hash)) {
      component.add_property(std::string(k_property_description_md5), hash);
    } else if (!hash.empty()) {
      report.warn("package " + name + ": Hash \"" + hash + "\" is not an MD5 in hex; ignored");
    }
    if (!r_version.empty()) {
      component.add_property(std::string(k_property_r_version), r_version);
    }
    if (!locked.add(name, std::move(component))) {
      break;
    }
    names.push_back(name);
    Value requirements = entry["Requirements"];
    if (!requirements.is_array()) {
      if (requirements.exists() && !requirements.is_null()) {
        report.warn("package " + name + ": Requirements is not a list; ignored");
      }
      continue;
    }
    for (Value requirement : requirements) {
      if (!requirement.is_string()) {
        report.warn("package " + name + ": a Requirements entry is not a string; ignored");
        continue;
      }
      std::string target(requirement.string());
      if (is_part_of_r(target)) {
        continue;
      }
      required.insert(target);
      locked.depend(name, target);
    }
  }
  // What no locked package needs, the project itself uses: renv records
  // the packages a project's code loads and what those need.
  for (const auto& name : names) {
    if (required.count(name) == 0) {
      locked.direct(name);
    }
  }
  locked.finish();
}

} // namespace kensa::scanner::r
