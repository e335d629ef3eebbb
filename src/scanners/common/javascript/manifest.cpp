#include "manifest.hpp"

#include "../parsers/json_file.hpp"

#include <kensa/model/license.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/url_text.hpp>

#include <algorithm>
#include <optional>

namespace kensa::scanner::javascript {

using json::Value;

namespace {

std::string_view trim_view(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string string_member(Value object, const char* key, FileReport& report) {
  const Value value = object[key];
  if (value.is_null()) {
    return {};
  }
  if (!value.is_string()) {
    report.warn(std::string("\"") + key + "\" is not a string");
    return {};
  }
  return std::string(value.string());
}

DependencyList dependency_list(Value object, const char* key, FileReport& report) {
  DependencyList list;
  const Value value = object[key];
  if (value.is_null()) {
    return list;
  }
  if (!value.is_object()) {
    report.warn(std::string("\"") + key + "\" is not an object");
    return list;
  }
  for (const auto& [name, spec] : members_by_name(value)) {
    list.emplace_back(std::string(name), std::string(spec.string()));
  }
  return list;
}

void add_license(Value value, FileReport& report, std::vector<model::License>& licenses) {
  if (value.is_string()) {
    auto license = model::license_from_text(value.string());
    if (!license.expression.empty() || !license.name.empty()) {
      licenses.push_back(std::move(license));
    }
    return;
  }
  // The old {"type": "MIT", "url": "..."} form.
  if (const Value type = value["type"]; type.is_string()) {
    {
      auto license = model::license_from_text(type.string());
      if (const Value url = value["url"]; url.is_string()) {
        license.url = std::string(url.string());
      }
      if (!license.expression.empty() || !license.name.empty()) {
        licenses.push_back(std::move(license));
      }
      return;
    }
  }
  report.warn("a license is neither a string nor {\"type\": ...}");
}

void read_licenses(Value document, FileReport& report, Manifest& manifest) {
  if (const Value license = document["license"]; !license.is_null()) {
    add_license(license, report, manifest.licenses);
  }
  if (const Value list = document["licenses"]; !list.is_null()) {
    if (!list.is_array()) {
      add_license(list, report, manifest.licenses);
      return;
    }
    for (const auto license : list) {
      add_license(license, report, manifest.licenses);
    }
  }
}

std::optional<model::Party> person(Value value) {
  if (value.is_string()) {
    model::Party party = parse_person(value.string());
    return party.empty() ? std::nullopt : std::optional(party);
  }
  if (value.is_object()) {
    model::Party party;
    for (auto [key, field] : {std::pair{"name", &party.name}, std::pair{"email", &party.email},
                              std::pair{"url", &party.url}}) {
      if (const Value text = value[key]; text.is_string()) {
        *field = std::string(trim_view(text.string()));
      }
    }
    return party.empty() ? std::nullopt : std::optional(party);
  }
  return std::nullopt;
}

void read_people(Value document, Manifest& manifest) {
  auto add = [&](Value value) {
    if (auto party = person(value)) {
      if (std::find(manifest.authors.begin(), manifest.authors.end(), *party) ==
          manifest.authors.end()) {
        manifest.authors.push_back(std::move(*party));
      }
    }
  };
  if (const Value author = document["author"]; author.exists()) {
    add(author);
  }
  if (const Value list = document["maintainers"]; list.is_array()) {
    for (const auto maintainer : list) {
      add(maintainer);
    }
  }
}

void add_reference(Manifest& manifest, std::string type, std::string url) {
  if (url.empty()) {
    return;
  }
  model::ExternalReference reference{std::move(type), std::move(url)};
  if (std::find(manifest.references.begin(), manifest.references.end(), reference) ==
      manifest.references.end()) {
    manifest.references.push_back(std::move(reference));
  }
}

void read_references(Value document, FileReport& report, Manifest& manifest) {
  if (const Value repository = document["repository"]; repository.exists()) {
    if (repository.is_string()) {
      add_reference(manifest, "vcs", repository_url(repository.string()));
    } else if (repository.is_object()) {
      add_reference(manifest, "vcs", repository_url(string_member(repository, "url", report)));
    }
  }
  add_reference(manifest, "website", string_member(document, "homepage", report));
  if (const Value bugs = document["bugs"]; bugs.exists()) {
    if (bugs.is_string()) {
      add_reference(manifest, "issue-tracker", std::string(bugs.string()));
    } else if (const Value url = bugs["url"]; url.is_string()) {
      add_reference(manifest, "issue-tracker", std::string(url.string()));
    }
  }
}

void read_workspaces(Value document, FileReport& report, Manifest& manifest) {
  Value list = document["workspaces"];
  if (list.is_null()) {
    return;
  }
  if (list.is_object()) {
    list = list["packages"];
    if (!list.exists()) {
      return;
    }
  }
  if (!list.is_array()) {
    report.warn("\"workspaces\" is not an array");
    return;
  }
  for (const auto pattern : list) {
    if (pattern.is_string()) {
      manifest.workspaces.emplace_back(pattern.string());
    }
  }
}

} // namespace

model::Party parse_person(std::string_view text) {
  model::Party party;
  std::string_view rest = text;
  if (auto open = rest.find('('); open != std::string_view::npos) {
    if (auto close = rest.find(')', open); close != std::string_view::npos) {
      party.url = std::string(trim_view(rest.substr(open + 1, close - open - 1)));
      rest = rest.substr(0, open);
    }
  }
  if (auto open = rest.find('<'); open != std::string_view::npos) {
    if (auto close = rest.find('>', open); close != std::string_view::npos) {
      model::set_party_address(party, rest.substr(open + 1, close - open - 1));
      rest = rest.substr(0, open);
    }
  }
  party.name = std::string(trim_view(rest));
  return party;
}

std::string repository_url(std::string_view text) {
  text = trim_view(text);
  if (text.empty()) {
    return {};
  }
  constexpr std::pair<std::string_view, std::string_view> k_hosts[] = {
      {"github:", "https://github.com/"},
      {"gitlab:", "https://gitlab.com/"},
      {"bitbucket:", "https://bitbucket.org/"},
      {"gist:", "https://gist.github.com/"},
  };
  for (auto [prefix, host] : k_hosts) {
    if (text.starts_with(prefix)) {
      return std::string(host) + std::string(text.substr(prefix.size()));
    }
  }
  // "git@github.com:owner/repo.git" is a git address over ssh, which a
  // link must spell as a URL.
  if (auto scp = url_of_scp_address(text)) {
    return std::move(*scp);
  }
  if (text.find("://") != std::string_view::npos) {
    return std::string(text);
  }
  // "user/repo" is npm's shorthand for a GitHub repository.
  auto slash = text.find('/');
  if (slash != std::string_view::npos && slash > 0 &&
      text.find('/', slash + 1) == std::string_view::npos &&
      text.find(':') == std::string_view::npos && text.find(' ') == std::string_view::npos) {
    return "https://github.com/" + std::string(text);
  }
  return {};
}

bool parse_manifest(std::string_view text, FileReport& report, Manifest& manifest) {
  if (text.size() > k_max_manifest_size) {
    report.warn("larger than " + std::to_string(k_max_manifest_size) + " bytes; not read");
    return false;
  }
  const auto parsed = read_json_object(report, text, "a package.json");
  if (!parsed) {
    return false;
  }
  const Value document = parsed->root();
  manifest.name = string_member(document, "name", report);
  manifest.version = string_member(document, "version", report);
  manifest.description = string_member(document, "description", report);
  manifest.integrity = string_member(document, "_integrity", report);
  manifest.resolved = string_member(document, "_resolved", report);
  read_licenses(document, report, manifest);
  read_people(document, manifest);
  read_references(document, report, manifest);
  manifest.dependencies = dependency_list(document, "dependencies", report);
  manifest.dev_dependencies = dependency_list(document, "devDependencies", report);
  manifest.optional_dependencies = dependency_list(document, "optionalDependencies", report);
  manifest.peer_dependencies = dependency_list(document, "peerDependencies", report);
  for (const auto& [name, entry] : members_by_name(document["peerDependenciesMeta"])) {
    if (entry["optional"].boolean()) {
      manifest.optional_peers.emplace(name);
    }
  }
  read_workspaces(document, report, manifest);
  return true;
}

} // namespace kensa::scanner::javascript
