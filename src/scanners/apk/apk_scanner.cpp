#include "apk_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "apk_component.hpp"
#include "apk_dependencies.hpp"

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

class ApkScanner : public Scanner {
 public:
  ApkScanner() {
    m_patterns = {FilePattern{"**/" + std::string(k_installed), EvidenceKind::installed}};
    add_patterns(m_patterns, distro::release_file_patterns(), EvidenceKind::installed);
  }

  std::span<const FilePattern> patterns() const override { return m_patterns; }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    distro::DistroIndex distros(files);
    for (const auto& file : files) {
      if (auto root = distro::root_of(file.location, k_installed)) {
        scan_database(context, file, *root, distros.find(*root));
      }
    }
  }

 private:
  std::vector<FilePattern> m_patterns;
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<ApkScanner>();
}

} // namespace kensa::scanner::apk
