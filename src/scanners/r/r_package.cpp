#include "r_package.hpp"

#include "../common/lockfile/locked_graph.hpp"

#include <array>
#include <cctype>

namespace kensa::scanner::r {

namespace {

// The packages every R installation has under R_HOME/library with
// `Priority: base`; they are versioned with R and not on CRAN.
constexpr std::array<std::string_view, 15> k_base_packages{
    "R",        "base",    "compiler", "datasets", "grDevices", "graphics", "grid",  "methods",
    "parallel", "splines", "stats",    "stats4",   "tcltk",     "tools",    "utils",
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

} // namespace

bool is_part_of_r(std::string_view name) {
  for (std::string_view base : k_base_packages) {
    if (name == base) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> dependency_names(std::string_view field, FileReport& report) {
  std::vector<std::string> names;
  while (!field.empty()) {
    auto comma = field.find(',');
    std::string_view entry = trim(field.substr(0, comma));
    field = comma == std::string_view::npos ? std::string_view() : field.substr(comma + 1);
    entry = trim(entry.substr(0, entry.find('(')));
    if (entry.empty()) {
      continue;
    }
    if (names.size() == k_max_package_dependencies) {
      report.warn("more than " + std::to_string(k_max_package_dependencies) +
                  " dependencies; the rest is not read");
      break;
    }
    names.emplace_back(entry);
  }
  return names;
}

model::Component make_r_component(FileReport& report, const std::string& name,
                                  const std::string& version, const Origin& origin) {
  std::vector<std::pair<std::string, std::string>> qualifiers;
  std::string purl_type = "cran";
  std::string vcs;
  if (is_part_of_r(name)) {
    purl_type.clear();
  } else if (origin.source == "Bioconductor") {
    qualifiers.emplace_back("repository_url", origin.bioconductor_version.empty()
                                                  ? std::string("https://bioconductor.org")
                                                  : "https://bioconductor.org/packages/" +
                                                        origin.bioconductor_version + "/bioc");
    vcs = origin.git_url;
  } else if (origin.source == "GitHub" || origin.source == "GitLab") {
    std::string host = origin.remote_host;
    if (host.empty() || host == "api.github.com") {
      host = origin.source == "GitHub" ? "github.com" : "gitlab.com";
    }
    if (origin.remote_user.empty() || origin.remote_repo.empty()) {
      purl_type.clear();
    } else {
      vcs = "https://" + host + "/" + origin.remote_user + "/" + origin.remote_repo;
      qualifiers.emplace_back(
          "vcs_url", "git+" + vcs + (origin.remote_sha.empty() ? "" : "@" + origin.remote_sha));
    }
  } else if (!origin.source.empty() && origin.source != "Repository") {
    // Local, URL, git, unknown: built from something no repository names.
    purl_type.clear();
  }
  model::Component component =
      make_locked_component(report, "cran", purl_type, "", name, version, std::move(qualifiers));
  if (!origin.source.empty()) {
    component.add_property(std::string(k_property_source), origin.source);
  }
  if (!origin.repository.empty()) {
    component.add_property(std::string(k_property_repository), origin.repository);
  }
  if (!vcs.empty()) {
    component.external_references.push_back(model::ExternalReference{"vcs", vcs});
  }
  std::string commit = origin.remote_sha.empty() ? origin.git_commit : origin.remote_sha;
  if (!commit.empty()) {
    component.add_property(std::string(k_property_git_commit), commit);
  }
  if (is_part_of_r(name)) {
    component.add_property(std::string(k_property_base), "true");
  }
  return component;
}

} // namespace kensa::scanner::r
