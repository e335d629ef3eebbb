#include "python_scanner.hpp"

#include "installed.hpp"
#include "lockfiles.hpp"
#include "paths.hpp"
#include "requirements_txt.hpp"

#include <kensa/scanner/file_report.hpp>

#include <exception>
#include <map>
#include <string>
#include <vector>

namespace kensa::scanner::python {

namespace {

const std::vector<FilePattern> k_patterns = [] {
  std::vector<FilePattern> patterns = patterns_of_kind(
      {
          // Installed packages.
          "**/*.dist-info/METADATA",
          "**/*.dist-info/RECORD",
          "**/*.dist-info/direct_url.json",
          "**/*.dist-info/top_level.txt",
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
  for (auto& pattern : patterns_of_kind(
           {
               // Declared dependencies.
               "**/requirements*.txt",
               "**/requirements/*.txt",
               "**/constraints*.txt",
               "**/pyproject.toml",
               "**/poetry.lock",
               "**/uv.lock",
               "**/pdm.lock",
               "**/Pipfile.lock",
               "**/pylock.toml",
               "**/pylock.*.toml",
               // A wheel lying on disk (a package file: what it holds is
               // declared, docs/sources.md) names itself in the metadata
               // at its top.
               "*.dist-info/METADATA",
           },
           EvidenceKind::declared)) {
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}();

// Zipped eggs on a Python path are imported in place: installed.
const std::vector<std::string> k_installed_archives = {"**/*.egg"};

// One folder of a project: its pyproject.toml and lockfiles belong together,
// since the lockfile pins what pyproject.toml declares.
struct ProjectFolder {
  const source::SourceFile* pyproject = nullptr;
  std::vector<const source::SourceFile*> lockfiles;
};

void read_project_folder(ScanContext& context, const ProjectFolder& folder) {
  std::optional<Project> project;
  if (folder.pyproject != nullptr) {
    FileReport warnings(context, folder.pyproject->location);
    project = read_pyproject(*folder.pyproject, warnings);
  }
  const Project* declared = project ? &*project : nullptr;
  bool any_lock = false;
  for (const source::SourceFile* lockfile : folder.lockfiles) {
    FileReport warnings(context, lockfile->location);
    try {
      auto packages = lock_reader_for(file_name_of(lockfile->path))(*lockfile, warnings);
      if (!packages) {
        continue;
      }
      any_lock = true;
      emit_project_and_lock(context, declared, lockfile, *packages, &warnings);
    } catch (const std::exception& error) {
      // The readers report bad input as warnings; this is for what they
      // did not foresee, so that one file cannot end the scan.
      warnings.omit(std::string("cannot parse: ") + error.what());
    }
  }
  if (!any_lock && declared != nullptr) {
    std::vector<LockedPackage> none;
    emit_project_and_lock(context, declared, nullptr, none, nullptr);
  }
}

// Runs one reader; an exception it did not foresee becomes a warning and the
// other readers still run.
template <typename Read>
void guarded(ScanContext& context, const std::string& what, Read read) {
  try {
    read();
  } catch (const std::exception& error) {
    context.omit(what, std::string("cannot read Python metadata: ") + error.what());
  }
}

class PythonScanner : public Scanner {
 public:
  std::span<const FilePattern> patterns() const override { return k_patterns; }
  std::span<const std::string> installed_archives() const override { return k_installed_archives; }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    guarded(context, "installed packages", [&] { read_installed(context, files); });
    guarded(context, "requirements files", [&] { read_requirements(context, files); });

    std::map<std::string, ProjectFolder> folders;
    for (const auto& file : files) {
      std::string_view name = file_name_of(file.path);
      std::string folder(parent_of(file.location));
      if (name == "pyproject.toml") {
        folders[folder].pyproject = &file;
      } else if (lock_reader_for(name) != nullptr) {
        folders[folder].lockfiles.push_back(&file);
      }
    }
    for (const auto& [location, folder] : folders) {
      guarded(context, location.empty() ? "the top folder" : location,
              [&context, &project = folder] { read_project_folder(context, project); });
    }
  }
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<PythonScanner>();
}

} // namespace kensa::scanner::python
