#include "portage_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "portage_component.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace kensa::scanner::portage {

namespace {

constexpr std::string_view k_database = "var/db/pkg";

// The files of a package's folder that are read; Portage writes about forty.
constexpr std::array<std::string_view, 10> k_fields{"CATEGORY", "PF",         "SLOT", "LICENSE",
                                                    "RDEPEND",  "repository", "SIZE", "DESCRIPTION",
                                                    "HOMEPAGE", "CONTENTS"};

// One package folder: its location, and each field file in it.
struct Folder {
  std::string root;
  std::string category; // the folder above
  std::string entry;    // the folder's own name: "bash-4.4_p23-r1"
  std::map<std::string, const source::SourceFile*, std::less<>> fields;
};

// The first line of a field file, without surrounding blanks: Portage
// writes one value and a newline.
std::string first_line(std::string_view text) {
  return std::string(trim(text.substr(0, text.find('\n'))));
}

std::optional<PortagePackage> read_package(ScanContext& context, const Folder& folder) {
  FileReport report(context, folder.root + std::string(k_database) + "/" + folder.category + "/" +
                                 folder.entry);
  auto value = [&](std::string_view field) -> std::string {
    auto it = folder.fields.find(field);
    return it == folder.fields.end() ? std::string() : first_line(it->second->contents);
  };
  PortagePackage package;
  package.category = value("CATEGORY");
  if (package.category.empty()) {
    package.category = folder.category;
  }
  std::string pf = value("PF");
  if (pf.empty()) {
    pf = folder.entry;
  }
  auto name_version = split_name_version(pf);
  if (!name_version) {
    report.omit("\"" + pf.substr(0, 200) + "\" is not <name>-<version>: the package was not read");
    return std::nullopt;
  }
  if (pf != folder.entry || package.category != folder.category) {
    report.warn("the folder holds package " + package.category + "/" + pf);
  }
  package.name = std::move(name_version->name);
  package.version = std::move(name_version->version);
  package.slot = value("SLOT");
  package.license = value("LICENSE");
  package.repository = value("repository");
  package.size = value("SIZE");
  package.description = value("DESCRIPTION");
  package.homepage = value("HOMEPAGE");
  if (auto it = folder.fields.find("RDEPEND"); it != folder.fields.end()) {
    package.rdepend = it->second->contents;
  }
  if (auto it = folder.fields.find("CONTENTS"); it != folder.fields.end()) {
    FileReport contents_report(context, *it->second);
    ProblemList problems;
    parse_contents(it->second->contents, package, problems);
    contents_report.warn_all(problems);
  }
  return package;
}

struct Installed {
  PortagePackage package;
  const source::SourceFile* evidence = nullptr;
  const source::SourceFile* rdepend = nullptr;
};

void scan_database(ScanContext& context, const std::string& root, std::vector<Installed>& installed,
                   const distro::OsRelease* distro) {
  std::multimap<std::string, std::size_t> by_package;
  for (std::size_t i = 0; i < installed.size(); ++i) {
    const auto& package = installed[i].package;
    by_package.emplace(package.category + "/" + package.name, i);
  }
  std::vector<std::string> ids;
  ids.reserve(installed.size());
  for (const auto& entry : installed) {
    FileReport report(context, *entry.evidence);
    ids.push_back(context.graph().add(
        make_component(entry.package, distro, context.evidence_for(*entry.evidence), report)));
    const auto& package = entry.package;
    for (std::size_t f = 0; f < package.files.size(); ++f) {
      std::optional<model::Hash> recorded;
      if (!package.file_md5s[f].empty()) {
        recorded = model::Hash{model::HashAlgorithm::md5, package.file_md5s[f]};
      }
      context.own_file(ids.back(), root + package.files[f], std::move(recorded));
    }
  }
  std::vector<std::string> unresolved;
  for (std::size_t from = 0; from < installed.size(); ++from) {
    if (installed[from].rdepend == nullptr) {
      continue;
    }
    FileReport report(context, *installed[from].rdepend);
    ProblemList problems;
    std::set<std::size_t> targets;
    for (const auto& atom : parse_dependencies(installed[from].package.rdepend, problems)) {
      auto [first, last] = by_package.equal_range(atom.package);
      bool found = false;
      for (auto it = first; it != last; ++it) {
        std::string_view slot = installed[it->second].package.slot;
        slot = slot.substr(0, slot.find('/'));
        if (atom.slot.empty() || slot.empty() || slot == atom.slot) {
          found = true;
          if (it->second != from) {
            targets.insert(it->second);
          }
        }
      }
      if (!found) {
        unresolved.push_back(installed[from].package.category + "/" + installed[from].package.name +
                             " -> " + atom.package + (atom.slot.empty() ? "" : ":" + atom.slot));
      }
    }
    report.warn_all(problems);
    for (std::size_t to : targets) {
      context.graph().relate(ids[from], ids[to], model::RelationshipType::depends_on);
    }
  }
  if (!unresolved.empty()) {
    FileReport report(context, root + std::string(k_database));
    std::size_t count = unresolved.size();
    report.warn(std::to_string(count) + (count == 1 ? " dependency is" : " dependencies are") +
                " not installed (first: " + unresolved.front() + ")");
  }
}

// Each root's packages with the release file of the root.
void read_databases(ScanContext& context, const FileSet& files) {
  distro::DistroIndex distros(files);
  // Keyed by the package folder's location, so a root's packages come in
  // order.
  std::map<std::string, Folder> folders;
  for (const auto& file : files) {
    std::string_view field = file_name_of(file.location);
    std::string_view package_folder = folder_of(file.location);
    std::string_view entry = file_name_of(package_folder);
    std::string_view category = file_name_of(folder_of(package_folder));
    if (std::find(k_fields.begin(), k_fields.end(), field) == k_fields.end()) {
      continue;
    }
    std::string suffix = std::string(k_database) + "/" + std::string(category) + "/" +
                         std::string(entry) + "/" + std::string(field);
    auto root = distro::root_of(file.location, suffix);
    if (!root) {
      continue;
    }
    Folder& folder = folders[std::string(package_folder)];
    folder.root = *root;
    folder.category = std::string(category);
    folder.entry = std::string(entry);
    folder.fields.emplace(std::string(field), &file);
  }
  std::map<std::string, std::vector<Installed>> roots;
  for (const auto& named : folders) {
    // Not structured bindings: clang 14 cannot capture those in a lambda.
    const std::string& location = named.first;
    const Folder& folder = named.second;
    FileReport report(context, location);
    read_guarded(report, [&] {
      auto package = read_package(context, folder);
      if (!package) {
        return;
      }
      Installed entry{std::move(*package), folder.fields.begin()->second, nullptr};
      for (std::string_view preferred : {"PF", "CONTENTS"}) {
        if (auto it = folder.fields.find(preferred); it != folder.fields.end()) {
          entry.evidence = it->second;
          break;
        }
      }
      if (auto it = folder.fields.find("RDEPEND"); it != folder.fields.end()) {
        entry.rdepend = it->second;
      }
      roots[folder.root].push_back(std::move(entry));
    });
  }
  for (auto& [root, installed] : roots) {
    scan_database(context, root, installed, distros.find(root));
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> patterns;
  for (std::string_view field : k_fields) {
    patterns.push_back(FilePattern{"**/" + std::string(k_database) + "/*/*/" + std::string(field),
                                   EvidenceKind::installed});
  }
  add_patterns(patterns, distro::release_file_patterns(), EvidenceKind::installed);
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("portage databases", std::move(patterns), &read_databases),
  }});
}

} // namespace kensa::scanner::portage
