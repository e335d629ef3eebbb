#include "apk_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "apk_component.hpp"
#include "apk_dependencies.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::apk {

namespace {

constexpr std::string_view k_installed = "lib/apk/db/installed";

void scan_database(ScanContext& context, const source::SourceFile& file, const std::string& root,
                   const distro::OsRelease* distro) {
  FileReport report(context, file);
  InstalledParse parsed = parse_installed(file.contents);
  report.warn_all(parsed.problems);
  ApkResolution resolution = resolve_dependencies(parsed.packages);
  if (!resolution.unresolved.empty()) {
    std::size_t count = resolution.unresolved.size();
    report.warn(std::to_string(count) + (count == 1 ? " dependency is" : " dependencies are") +
                " not installed (first: " + resolution.unresolved.front() + ")");
  }
  std::vector<std::string> ids;
  ids.reserve(parsed.packages.size());
  for (const auto& package : parsed.packages) {
    ids.push_back(
        context.graph().add(make_component(package, distro, context.evidence_for(file), report)));
    for (std::size_t f = 0; f < package.files.size(); ++f) {
      std::optional<model::Hash> recorded;
      if (f < package.file_sha1s.size() && !package.file_sha1s[f].empty()) {
        recorded = model::Hash{model::HashAlgorithm::sha1, package.file_sha1s[f]};
      }
      context.own_file(ids.back(), root + package.files[f], std::move(recorded));
    }
  }
  for (const auto& [from, to] : resolution.edges) {
    context.graph().relate(ids[from], ids[to], model::RelationshipType::depends_on);
  }
}

// Each installed database with the release file of its root.
void read_databases(ScanContext& context, const FileSet& files) {
  distro::DistroIndex distros(files);
  for (const auto& file : files) {
    if (auto root = distro::root_of(file.location, k_installed)) {
      scan_database(context, file, *root, distros.find(*root));
    }
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> patterns{
      FilePattern{"**/" + std::string(k_installed), EvidenceKind::installed}};
  add_patterns(patterns, distro::release_file_patterns(), EvidenceKind::installed);
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("apk databases", std::move(patterns), &read_databases),
  }});
}

} // namespace kensa::scanner::apk
