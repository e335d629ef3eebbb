#include "packages_lock.hpp"

#include "../common/parsers/json_file.hpp"
#include "nuget_component.hpp"

#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>

namespace kensa::scanner::dotnet {

namespace {

// The project a packages.lock.json belongs to is the folder it lies in
// (NuGet writes it beside the .csproj and does not name the project).
std::string project_name(const ScanContext& context, const source::SourceFile& file) {
  std::string_view folder = folder_of(file.location);
  if (folder.empty() || folder.ends_with('/')) {
    return context.root_name().empty() ? std::string("packages.lock.json") : context.root_name();
  }
  return std::string(file_name_of(folder));
}

struct LockedEntry {
  std::string id;
  json::Value dependencies;
};

class LockReader {
 public:
  LockReader(FileReport& report, const source::SourceFile& file)
      : m_report(report), m_graph(report.context().graph()),
        m_evidence(report.context().evidence_for(file)) {}

  void read(json::Value root, const std::string& project_id) {
    for (auto [framework, packages] : members_by_name(root["dependencies"])) {
      if (!packages.is_object()) {
        m_report.warn("target framework \"" + std::string(framework) + "\" is " +
                      std::string(json_type_name(packages)) + ", not an object; not read");
        continue;
      }
      if (!read_framework(framework, packages, project_id)) {
        return;
      }
    }
  }

 private:
  // False once the cap on entries is reached.
  bool read_framework(std::string_view framework, json::Value packages,
                      const std::string& project_id) {
    std::map<std::string, LockedEntry> entries;
    bool capped = false;
    for (auto [name, entry] : members_by_name(packages)) {
      if (++m_entries > k_max_packages) {
        m_report.omit("more than " + std::to_string(k_max_packages) +
                      " locked packages; the rest are not read");
        capped = true;
        break;
      }
      if (!entry.is_object()) {
        m_report.warn(std::string(framework) + ": package " + std::string(name) + " is " +
                      std::string(json_type_name(entry)) + ", not an object; skipped");
        continue;
      }
      std::string_view type = entry["type"].string();
      std::string id;
      if (type == "Project") {
        id = m_graph.add(make_project_component(name, entry["resolved"].string(),
                                                model::ComponentType::library, m_evidence));
      } else {
        std::string_view resolved = entry["resolved"].string();
        if (resolved.empty()) {
          m_report.warn(std::string(framework) + ": package " + std::string(name) +
                        " has no resolved version; skipped");
          continue;
        }
        id = m_graph.add(make_package_component(name, resolved, entry["contentHash"].string(),
                                                m_evidence, m_report));
      }
      if (type == "Direct") {
        m_graph.relate(project_id, id, model::RelationshipType::depends_on);
      }
      entries[to_lower_ascii(name)] = LockedEntry{id, entry["dependencies"]};
    }
    relate_dependencies(entries);
    return !capped;
  }

  // An entry's dependencies name other entries of the same framework
  // (with a version range, which the entry's resolved version satisfies).
  void relate_dependencies(const std::map<std::string, LockedEntry>& entries) {
    for (const auto& [key, entry] : entries) {
      std::size_t count = 0;
      for (auto it = entry.dependencies.begin(); it != entry.dependencies.end(); ++it) {
        if (++count > k_max_dependencies) {
          m_report.warn("package " + key + ": more than " + std::to_string(k_max_dependencies) +
                        " dependencies; the rest are left out");
          break;
        }
        auto target = entries.find(to_lower_ascii(it.key()));
        if (target != entries.end() && target->second.id != entry.id) {
          m_graph.relate(entry.id, target->second.id, model::RelationshipType::depends_on);
        }
      }
    }
  }

  FileReport& m_report;
  model::ComponentGraph& m_graph;
  model::Evidence m_evidence;
  std::size_t m_entries = 0;
};

} // namespace

void parse_packages_lock(FileReport& report, const source::SourceFile& file) {
  auto document = read_json_object(report, file.contents, "a packages.lock.json");
  if (!document) {
    return;
  }
  json::Value root = document->root();
  if (!root["dependencies"].is_object()) {
    report.omit("not a packages.lock.json: no \"dependencies\" object");
    return;
  }
  ScanContext& context = report.context();
  std::string project_id = context.graph().add(
      make_project_component(project_name(context, file), "", model::ComponentType::application,
                             context.evidence_for(file)));
  if (!context.subject_id().empty()) {
    context.graph().relate(context.subject_id(), project_id, model::RelationshipType::describes);
  }
  LockReader(report, file).read(root, project_id);
}

} // namespace kensa::scanner::dotnet
