#include "installed_packages.hpp"

#include "../common/distro/os_package.hpp"
#include "dcf.hpp"
#include "r_package.hpp"

#include <kensa/model/license.hpp>

#include <map>

namespace kensa::scanner::r {

namespace {

struct InstalledPackage {
  std::string name;
  std::string prefix;
  std::string id;
  std::vector<std::string> dependencies;
};

std::string field(const std::map<std::string, std::string, std::less<>>& fields,
                  std::string_view name) {
  auto found = fields.find(name);
  return found == fields.end() ? std::string() : found->second;
}

// A DESCRIPTION's text with its line breaks and indentation made spaces.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n') {
      c = ' ';
    }
  }
  return text;
}

} // namespace

void read_installed_packages(ScanContext& context, const FileSet& files) {
  std::vector<InstalledPackage> installed;
  files.read_each(
      context, "**/DESCRIPTION", [&](FileReport& report, const source::SourceFile& file) {
        auto fields = read_dcf(file.contents, report);
        std::string name = field(fields, "Package");
        if (name.empty()) {
          report.warn("no Package field; not an installed R package's DESCRIPTION");
          return;
        }
        std::string version = field(fields, "Version");
        if (version.empty()) {
          report.warn("package " + name + " has no Version");
        }
        Origin origin;
        origin.repository = field(fields, "Repository");
        origin.git_url = field(fields, "git_url");
        origin.git_commit = field(fields, "git_last_commit");
        std::string remote = field(fields, "RemoteType");
        if (!field(fields, "biocViews").empty() && !origin.git_url.empty()) {
          origin.source = "Bioconductor";
        } else if (remote == "github" || remote == "gitlab") {
          origin.source = remote == "github" ? "GitHub" : "GitLab";
          origin.remote_host = field(fields, "RemoteHost");
          origin.remote_user = field(fields, "RemoteUsername");
          origin.remote_repo = field(fields, "RemoteRepo");
          origin.remote_sha = field(fields, "RemoteSha");
        } else if (!remote.empty() && remote != "standard") {
          origin.source = remote;
        }
        bool base = field(fields, "Priority") == "base";
        model::Component component = make_r_component(report, name, version, origin);
        if (base && !is_part_of_r(name)) {
          // Priority: base, a name kensa does not list: still part of R.
          component.purl.clear();
          component.add_property(std::string(k_property_base), "true");
        }
        component.description = one_line(field(fields, "Title"));
        std::string description = one_line(field(fields, "Description"));
        if (component.description.empty()) {
          component.description = description;
        }
        std::string license = one_line(field(fields, "License"));
        if (!license.empty()) {
          component.licenses_declared.push_back(model::license_from_text(license));
        }
        std::string maintainer = one_line(field(fields, "Maintainer"));
        if (!maintainer.empty()) {
          component.supplier = distro::parse_maintainer(maintainer);
        }
        component.evidence.push_back(context.evidence_for(file));
        InstalledPackage package{name, std::string(source::container_prefix(file)), {}, {}};
        for (std::string_view kind : {"Depends", "Imports", "LinkingTo"}) {
          for (auto& dependency : dependency_names(field(fields, kind), report)) {
            if (package.dependencies.size() < k_max_package_dependencies) {
              package.dependencies.push_back(std::move(dependency));
            }
          }
        }
        package.id = context.graph().add(std::move(component));
        installed.push_back(std::move(package));
      });
  std::multimap<std::pair<std::string, std::string>, std::size_t> by_name;
  for (std::size_t i = 0; i < installed.size(); ++i) {
    by_name.emplace(std::make_pair(installed[i].prefix, installed[i].name), i);
  }
  for (const auto& package : installed) {
    for (const auto& dependency : package.dependencies) {
      auto range = by_name.equal_range(std::make_pair(package.prefix, dependency));
      if (range.first != range.second && std::next(range.first) == range.second &&
          installed[range.first->second].id != package.id) {
        context.graph().relate(package.id, installed[range.first->second].id,
                               model::RelationshipType::depends_on);
      }
    }
  }
}

} // namespace kensa::scanner::r
