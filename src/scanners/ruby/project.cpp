#include "project.hpp"

#include "gem_component.hpp"
#include "gemfile_lock.hpp"
#include "gemspec_ruby.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>

namespace kensa::scanner::ruby {

namespace {

struct ProjectFolder {
  std::vector<const source::SourceFile*> lockfiles;
  std::vector<const source::SourceFile*> gemspecs;
};

bool is_gemspec(std::string_view path) {
  return path.ends_with(".gemspec");
}

void add_gemspec_project(FileReport& report, const ProjectGemspec& gemspec) {
  ScanContext& context = report.context();
  auto& graph = context.graph();
  // The project's own code: the published gem of the same name and version
  // may differ from it, so it gets no purl.
  Gem gem = gemspec.gem;
  gem.source = GemSource::path;
  model::Component project = make_gem_component(gem, gemspec.evidence, report);
  project.type = model::ComponentType::application;
  project.scope = model::Scope::unknown;
  project.properties.clear();
  std::string project_id = graph.add(std::move(project));
  if (!context.subject_id().empty()) {
    graph.relate(context.subject_id(), project_id, model::RelationshipType::describes);
  }
  add_declared_dependencies(graph, project_id, gem, gemspec.evidence, report);
}

void read_folder(ScanContext& context, const ProjectFolder& folder) {
  std::vector<ProjectGemspec> gemspecs;
  for (const source::SourceFile* file : folder.gemspecs) {
    FileReport report(context, *file);
    read_guarded(report, [&] {
      ProblemList problems;
      Gem gem = read_ruby_gemspec(file->contents, problems);
      report.warn_all(problems);
      if (gem.name.empty()) {
        report.warn("no literal name; not read");
        return;
      }
      gemspecs.push_back(ProjectGemspec{std::move(gem), context.evidence_for(*file)});
    });
  }
  for (const source::SourceFile* file : folder.lockfiles) {
    FileReport report(context, *file);
    read_guarded(report, [&] { read_gemfile_lock(report, *file, gemspecs); });
  }
  if (!folder.lockfiles.empty()) {
    return;
  }
  for (std::size_t i = 0; i < gemspecs.size(); ++i) {
    FileReport report(context, *folder.gemspecs[i]);
    read_guarded(report, [&] { add_gemspec_project(report, gemspecs[i]); });
  }
}

} // namespace

void read_projects(ScanContext& context, const FileSet& files) {
  std::map<std::string, ProjectFolder> folders;
  for (const auto& file : files) {
    auto& folder = folders[std::string(folder_of(file.location))];
    (is_gemspec(file.path) ? folder.gemspecs : folder.lockfiles).push_back(&file);
  }
  for (const auto& [location, folder] : folders) {
    FileReport report(context, location.empty() ? "the top folder" : location);
    read_guarded(report, [&context, &project = folder] { read_folder(context, project); });
  }
}

bool is_project_file(const ScanContext& context, const source::SourceFile& file) {
  (void)context;
  if (!is_gemspec(file.path)) {
    return true;
  }
  std::string_view folder = folder_of(file.path);
  std::string_view parent = file_name_of(folder);
  std::string_view name = file_name_of(file.path);
  name.remove_suffix(std::string_view(".gemspec").size());
  // An installed gem's folder is gems/<name>-<version>; Bundler checks
  // git gems out to bundler/gems/<name>-<commit>.
  bool installed_copy = parent.size() > name.size() + 1 && parent.starts_with(name) &&
                        parent[name.size()] == '-' && file_name_of(folder_of(folder)) == "gems";
  return !installed_copy;
}

} // namespace kensa::scanner::ruby
