#include "pacman_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "pacman_component.hpp"
#include "pacman_dependencies.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>

#include <map>

namespace kensa::scanner::pacman {

namespace {

constexpr std::string_view k_local = "var/lib/pacman/local";

// The root of the database a desc or files file belongs to:
// "img/var/lib/pacman/local/bash-5.2.026-2/desc" is in "img/".
std::optional<std::string> database_root(const source::SourceFile& file) {
  std::string_view entry = file_name_of(folder_of(file.location));
  std::string suffix = std::string(k_local) + "/" + std::string(entry) + "/" +
                       std::string(file_name_of(file.location));
  return distro::root_of(file.location, suffix);
}

struct Installed {
  PacmanPackage package;
  const source::SourceFile* desc = nullptr;
};

// Reads one package's desc file (and its files file, when there is one);
// nullopt when the desc names no package.
std::optional<Installed> read_package(ScanContext& context, const source::SourceFile& desc,
                                      const source::SourceFile* files) {
  FileReport report(context, desc);
  DescParse parsed = parse_desc(desc.contents);
  report.warn_all(parsed.problems);
  PacmanPackage& package = parsed.package;
  if (package.name.empty() || package.version.empty()) {
    report.omit(std::string("no ") + (package.name.empty() ? "%NAME%" : "%VERSION%") +
                ": the package was not read");
    return std::nullopt;
  }
  std::string_view entry = file_name_of(folder_of(desc.location));
  if (entry != package.name + "-" + package.version) {
    report.warn("the folder " + std::string(entry.substr(0, 200)) + " holds package " +
                package.name + " " + package.version);
  }
  if (files != nullptr) {
    FileReport files_report(context, *files);
    DescParse listed = parse_files(files->contents);
    files_report.warn_all(listed.problems);
    package.files = std::move(listed.package.files);
  }
  return Installed{std::move(package), &desc};
}

void scan_database(ScanContext& context, const std::string& root,
                   const std::vector<Installed>& installed, const distro::OsRelease* distro) {
  std::vector<PacmanPackage> packages;
  packages.reserve(installed.size());
  for (const auto& entry : installed) {
    packages.push_back(entry.package);
  }
  PacmanResolution resolution = resolve_dependencies(packages);
  if (!resolution.unresolved.empty()) {
    FileReport report(context, root + std::string(k_local));
    std::size_t count = resolution.unresolved.size();
    report.warn(std::to_string(count) + (count == 1 ? " dependency is" : " dependencies are") +
                " not installed (first: " + resolution.unresolved.front() + ")");
  }
  std::vector<std::string> ids;
  ids.reserve(installed.size());
  for (const auto& entry : installed) {
    FileReport report(context, *entry.desc);
    ids.push_back(context.graph().add(
        make_component(entry.package, distro, context.evidence_for(*entry.desc), report)));
    for (const auto& path : entry.package.files) {
      context.own_file(ids.back(), root + path);
    }
  }
  for (const auto& [from, to] : resolution.edges) {
    context.graph().relate(ids[from], ids[to], model::RelationshipType::depends_on);
  }
}

// Every database with the release file of its root: the desc files of each
// root are one database, so that dependencies resolve among them.
void read_databases(ScanContext& context, const FileSet& files) {
  distro::DistroIndex distros(files);
  std::map<std::string, const source::SourceFile*, std::less<>> files_lists;
  for (const auto& file : files) {
    if (file_name_of(file.path) == "files") {
      files_lists.emplace(std::string(folder_of(file.location)), &file);
    }
  }
  std::map<std::string, std::vector<Installed>> roots;
  for (const auto& file : files) {
    if (file_name_of(file.path) != "desc") {
      continue;
    }
    auto root = database_root(file);
    if (!root) {
      continue;
    }
    auto list = files_lists.find(folder_of(file.location));
    FileReport report(context, file);
    read_guarded(report, [&] {
      auto package =
          read_package(context, file, list == files_lists.end() ? nullptr : list->second);
      if (package) {
        roots[*root].push_back(std::move(*package));
      }
    });
  }
  for (const auto& [root, installed] : roots) {
    scan_database(context, root, installed, distros.find(root));
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> patterns{
      FilePattern{"**/" + std::string(k_local) + "/*/desc", EvidenceKind::installed},
      FilePattern{"**/" + std::string(k_local) + "/*/files", EvidenceKind::installed}};
  add_patterns(patterns, distro::release_file_patterns(), EvidenceKind::installed);
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("pacman databases", std::move(patterns), &read_databases),
  }});
}

} // namespace kensa::scanner::pacman
