#include "python_scanner.hpp"

#include "installed.hpp"
#include "lockfiles.hpp"
#include "requirements_txt.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/util/path_text.hpp>

#include <map>
#include <string>
#include <vector>

namespace kensa::scanner::python {

namespace {

// Installed packages, and a wheel lying on disk (a package file: what it
// holds is declared, docs/sources.md), which names itself in the metadata
// at its top.
std::vector<FilePattern> installed_patterns() {
  std::vector<FilePattern> patterns = patterns_of_kind(
      {
          "**/*.dist-info/METADATA",
          "**/*.dist-info/RECORD",
          "**/*.dist-info/direct_url.json",
          "**/*.dist-info/top_level.txt",
          "**/*.dist-info/licenses/**",
          "**/*.dist-info/[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]*",
          "**/*.dist-info/[Cc][Oo][Pp][Yy][Ii][Nn][Gg]*",
          "**/*.dist-info/[Nn][Oo][Tt][Ii][Cc][Ee]*",
          "**/*.egg-info",
          "**/*.egg-info/PKG-INFO",
          "**/*.egg-info/requires.txt",
          "**/*.egg-info/installed-files.txt",
          "**/*.egg-info/top_level.txt",
          "**/EGG-INFO/PKG-INFO",
          "**/EGG-INFO/requires.txt",
          "**/EGG-INFO/top_level.txt",
          "**/PKG-INFO",
      },
      EvidenceKind::installed);
  patterns.push_back(FilePattern{"*.dist-info/METADATA", EvidenceKind::declared});
  return patterns;
}

// One folder of a project: its pyproject.toml and lockfiles belong together,
// since the lockfile pins what pyproject.toml declares.
struct ProjectFolder {
  const source::SourceFile* pyproject = nullptr;
  std::vector<const source::SourceFile*> lockfiles;
};

void read_project_folder(ScanContext& context, const ProjectFolder& folder) {
  std::optional<Project> project;
  if (folder.pyproject != nullptr) {
    FileReport report(context, *folder.pyproject);
    project = read_pyproject(*folder.pyproject, report);
  }
  const Project* declared = project ? &*project : nullptr;
  bool any_lock = false;
  for (const source::SourceFile* lockfile : folder.lockfiles) {
    FileReport report(context, *lockfile);
    read_guarded(report, [&] {
      auto packages = lock_reader_for(file_name_of(lockfile->path))(*lockfile, report);
      if (packages) {
        any_lock = true;
        emit_project_and_lock(context, declared, lockfile, *packages, &report);
      }
    });
  }
  if (!any_lock && declared != nullptr) {
    std::vector<LockedPackage> none;
    emit_project_and_lock(context, declared, nullptr, none, nullptr);
  }
}

// pyproject.toml files and lockfiles, read folder by folder; a folder a
// reader chokes on is reported and the others are still read.
void read_projects(ScanContext& context, const FileSet& files) {
  std::map<std::string, ProjectFolder> folders;
  for (const auto& file : files) {
    std::string_view name = file_name_of(file.path);
    std::string folder(folder_of(file.location));
    if (name == "pyproject.toml") {
      folders[folder].pyproject = &file;
    } else if (lock_reader_for(name) != nullptr) {
      folders[folder].lockfiles.push_back(&file);
    }
  }
  for (const auto& [location, folder] : folders) {
    FileReport report(context, location.empty() ? "the top folder" : location);
    read_guarded(report, [&context, &project = folder] { read_project_folder(context, project); });
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  FileParserScanner::Rules rules{{
      file_set("installed packages", installed_patterns(), &read_installed),
      file_set(
          "requirements files",
          patterns_of_kind({"**/requirements*.txt", "**/requirements/*.txt", "**/constraints*.txt"},
                           EvidenceKind::declared),
          &read_requirements),
      file_set("Python projects",
               patterns_of_kind({"**/pyproject.toml", "**/poetry.lock", "**/uv.lock", "**/pdm.lock",
                                 "**/Pipfile.lock", "**/pylock.toml", "**/pylock.*.toml"},
                                EvidenceKind::declared),
               &read_projects),
  }};
  // Zipped eggs on a Python path are imported in place: installed.
  rules.installed_archives = {"**/*.egg"};
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::python
