#include "dpkg_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "database.hpp"
#include "loose_deb.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

#include <map>

namespace kensa::scanner::dpkg {

namespace {

constexpr std::string_view k_status = "var/lib/dpkg/status";
constexpr std::string_view k_status_d = "var/lib/dpkg/status.d/";
constexpr std::string_view k_info = "var/lib/dpkg/info/";
constexpr std::string_view k_doc = "usr/share/doc/";
constexpr std::string_view k_copyright = "/copyright";

// Splits "<root><marker><rest>" at the last `marker` that starts a path
// segment; false when there is none.
bool split_at(std::string_view location, std::string_view marker, std::string& root,
              std::string_view& rest) {
  std::size_t at = location.rfind(marker);
  while (at != std::string_view::npos) {
    if (at == 0 || location[at - 1] == '/') {
      root = std::string(location.substr(0, at));
      rest = location.substr(at + marker.size());
      return true;
    }
    if (at == 0) {
      break;
    }
    at = location.rfind(marker, at - 1);
  }
  return false;
}

bool strip_suffix(std::string_view& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) {
    return false;
  }
  text.remove_suffix(suffix.size());
  return true;
}

// Sorts a file into the database of its root, or the .deb it is in.
void classify(const source::SourceFile& file, std::map<std::string, DatabaseFiles>& roots,
              std::map<std::string, LooseDeb>& debs) {
  std::string root;
  std::string_view rest;
  if (file.path == "control" || file.path == "md5sums") {
    if (auto member = control_member(file.location)) {
      auto& deb = debs[member->first];
      (member->second == "control" ? deb.control : deb.md5sums) = &file;
    }
    return;
  }
  if (auto status_root = distro::root_of(file.location, k_status)) {
    roots[*status_root].status = &file;
    return;
  }
  if (split_at(file.location, k_status_d, root, rest) && rest.find('/') == std::string_view::npos &&
      !rest.empty()) {
    if (strip_suffix(rest, ".md5sums")) {
      roots[root].md5sums.emplace(std::string(rest), &file);
    } else {
      roots[root].status_d.push_back(&file);
    }
    return;
  }
  if (split_at(file.location, k_info, root, rest) && rest.find('/') == std::string_view::npos) {
    if (strip_suffix(rest, ".list")) {
      roots[root].lists.emplace(std::string(rest), &file);
    } else if (strip_suffix(rest, ".md5sums")) {
      roots[root].md5sums.emplace(std::string(rest), &file);
    }
    return;
  }
  if (split_at(file.location, k_doc, root, rest) && strip_suffix(rest, k_copyright) &&
      rest.find('/') == std::string_view::npos && !rest.empty()) {
    roots[root].copyrights.emplace(std::string(rest), &file);
  }
}

void read_databases(ScanContext& context, const FileSet& files) {
  std::map<std::string, DatabaseFiles> roots;
  std::map<std::string, LooseDeb> debs;
  for (const auto& file : files) {
    classify(file, roots, debs);
  }
  distro::DistroIndex distros(files);
  SynopsisCache licenses;
  for (auto& [root, database] : roots) {
    if (auto deb = data_tarball_deb(root); deb && debs.contains(*deb)) {
      debs[*deb].copyrights = database.copyrights;
    }
    if (database.status == nullptr && database.status_d.empty()) {
      continue; // Documentation without a database says nothing installed.
    }
    database.root = root;
    scan_database(context, database, distros.find(root), licenses);
  }
  for (const auto& [prefix, deb] : debs) {
    if (deb.control != nullptr) {
      scan_loose_deb(context, prefix, deb, licenses);
    }
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> patterns = patterns_of_kind(
      {"**/var/lib/dpkg/status", "**/var/lib/dpkg/status.d/*", "**/var/lib/dpkg/info/*.list",
       "**/var/lib/dpkg/info/*.md5sums", "**/usr/share/doc/*/copyright"},
      EvidenceKind::installed);
  add_patterns(patterns, distro::release_file_patterns(), EvidenceKind::installed);
  // The control tarball of a .deb file lying on disk (loose_deb.hpp): what
  // it would install.
  for (const char* name : {"control", "md5sums",
                           // Its data tarball's copyright files: its licenses.
                           "usr/share/doc/*/copyright"}) {
    patterns.push_back(FilePattern{name, EvidenceKind::declared});
  }
  // A status file with the .list, .md5sums and copyright files of its
  // packages and the release file of its root, read together.
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("dpkg databases", std::move(patterns), &read_databases),
  }});
}

} // namespace kensa::scanner::dpkg
