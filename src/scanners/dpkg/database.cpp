#include "database.hpp"

#include "dependencies.hpp"
#include "dpkg_component.hpp"
#include "file_lists.hpp"

#include <kensa/scanner/file_report.hpp>

#include <set>
#include <unordered_map>

namespace kensa::scanner::dpkg {

namespace {

struct ReadPackage {
  DpkgPackage package;
  const source::SourceFile* file = nullptr;
};

const source::SourceFile*
find_info(const std::map<std::string, const source::SourceFile*, std::less<>>& files,
          const DpkgPackage& package) {
  // Multi-Arch: same packages name their files "<package>:<arch>".
  if (auto it = files.find(package.name + ":" + package.architecture); it != files.end()) {
    return it->second;
  }
  if (auto it = files.find(package.name); it != files.end()) {
    return it->second;
  }
  return nullptr;
}

std::string dependency_summary(const std::vector<std::string>& unresolved) {
  return std::to_string(unresolved.size()) +
         (unresolved.size() == 1 ? " dependency is" : " dependencies are") +
         " not installed (first: " + unresolved.front() + ")";
}

// The packages of the status file and of status.d, each with the file it
// came from.
std::vector<ReadPackage> read_packages(ScanContext& context, const DatabaseFiles& files) {
  std::vector<ReadPackage> read;
  auto read_file = [&](const source::SourceFile& file, bool require_status) {
    StatusParse parsed = parse_status(file.contents, file.location, require_status);
    FileReport(context, file).warn_all(parsed.problems);
    for (auto& package : parsed.packages) {
      read.push_back({std::move(package), &file});
    }
  };
  if (files.status != nullptr) {
    read_file(*files.status, true);
  }
  for (const auto* file : files.status_d) {
    read_file(*file, false);
  }
  return read;
}

// The packages' copyright files, each read once per package name.
std::unordered_map<std::string, CopyrightLicenses>
read_copyrights(const DatabaseFiles& files, const std::vector<DpkgPackage>& packages,
                SynopsisCache& licenses) {
  std::unordered_map<std::string, CopyrightLicenses> copyright_of;
  for (const auto& package : packages) {
    if (copyright_of.contains(package.name)) {
      continue;
    }
    if (auto it = files.copyrights.find(package.name); it != files.copyrights.end()) {
      copyright_of.emplace(package.name, read_copyright(it->second->contents, licenses));
    }
  }
  return copyright_of;
}

// What package `index` takes from a copyright file: its own, or, since
// Debian policy (12.5) lets /usr/share/doc/<package> be a link to the
// folder of a package it depends on built from the same source, that
// package's (the walk may deliver the file under one name only).
void add_copyright(const std::vector<DpkgPackage>& packages, std::size_t index,
                   const std::vector<std::size_t>& depends_on,
                   const std::unordered_map<std::string, CopyrightLicenses>& copyright_of,
                   PackageExtras& extras) {
  const DpkgPackage& package = packages[index];
  const CopyrightLicenses* copyright = nullptr;
  if (auto it = copyright_of.find(package.name); it != copyright_of.end()) {
    copyright = &it->second;
  } else {
    std::string_view source = package.source_name.empty() ? package.name : package.source_name;
    for (std::size_t target : depends_on) {
      const DpkgPackage& other = packages[target];
      std::string_view other_source = other.source_name.empty() ? other.name : other.source_name;
      auto found = copyright_of.find(other.name);
      if (other_source == source && found != copyright_of.end()) {
        copyright = &found->second;
        extras.copyright_from = other.name;
        break;
      }
    }
  }
  if (copyright != nullptr) {
    extras.licenses = copyright->licenses;
    extras.copyright_format = copyright->machine_readable ? "machine-readable" : "free-form";
  }
}

// The package's component, with the files its .list and .md5sums say it
// installed.
std::string add_package(ScanContext& context, const DatabaseFiles& files, const ReadPackage& read,
                        PackageExtras extras) {
  const DpkgPackage& package = read.package;
  std::vector<std::string_view> listed;
  if (const auto* list = find_info(files.lists, package)) {
    listed = parse_file_list(list->contents);
    extras.listed_paths = listed.size();
  }
  std::vector<FileDigest> digests;
  if (const auto* sums = find_info(files.md5sums, package)) {
    Md5sumsParse parsed = parse_md5sums(sums->contents);
    FileReport(context, *sums).warn_all(parsed.problems);
    digests = std::move(parsed.digests);
    extras.md5sums = digests.size();
  }
  FileReport report(context, *read.file);
  model::Component component =
      make_component(package, extras, context.evidence_for(*read.file), report);
  // A free-form copyright file is often the license text itself, with no
  // short name the file's grammar would give: its text shows evidence, kept
  // apart from the concluded licenses (docs/licenses.md). Machine-readable
  // files say their licenses by name, which read_copyright maps.
  if (extras.copyright_format == "free-form" && context.reads_license_files()) {
    const std::string& owner = extras.copyright_from.empty() ? package.name : extras.copyright_from;
    if (auto it = files.copyrights.find(owner); it != files.copyrights.end()) {
      model::add_license_file_evidence(component, it->second->location, it->second->bytes(),
                                       context.keeps_unlisted_license_texts());
    }
  }
  const std::string id = context.graph().add(std::move(component));
  // .list paths are absolute, .md5sums paths relative to the root;
  // distroless images have only the latter. Folders in the list claim
  // nothing, since the inventory holds files only.
  for (std::string_view path : listed) {
    context.own_file(id, files.root + std::string(path.substr(1)));
  }
  for (const auto& digest : digests) {
    std::string_view path = digest.path;
    if (path.starts_with('/')) {
      path.remove_prefix(1);
    }
    context.own_file(id, files.root + std::string(path), digest.md5);
  }
  return id;
}

} // namespace

void scan_database(ScanContext& context, const DatabaseFiles& files,
                   const distro::OsRelease* distro, SynopsisCache& licenses) {
  std::vector<ReadPackage> read = read_packages(context, files);
  if (read.empty()) {
    return;
  }
  std::vector<DpkgPackage> packages;
  packages.reserve(read.size());
  for (const auto& entry : read) {
    packages.push_back(entry.package);
  }
  DependencyResolution resolution = resolve_dependencies(packages);
  // Distroless images keep only some packages' metadata, so missing
  // dependencies are expected there; in a real status file they mean a
  // broken system worth a warning.
  if (!resolution.unresolved.empty() && files.status != nullptr) {
    FileReport(context, *files.status).warn(dependency_summary(resolution.unresolved));
  }
  std::vector<std::vector<std::size_t>> depends_on(packages.size());
  for (const auto& [from, to] : resolution.edges) {
    depends_on[from].push_back(to);
  }
  const auto copyright_of = read_copyrights(files, packages, licenses);
  std::vector<std::string> ids(packages.size());
  for (std::size_t i = 0; i < packages.size(); ++i) {
    PackageExtras extras;
    extras.distro = distro;
    add_copyright(packages, i, depends_on[i], copyright_of, extras);
    ids[i] = add_package(context, files, read[i], std::move(extras));
  }
  for (const auto& [from, to] : resolution.edges) {
    context.graph().relate(ids[from], ids[to], model::RelationshipType::depends_on);
  }
}

} // namespace kensa::scanner::dpkg
