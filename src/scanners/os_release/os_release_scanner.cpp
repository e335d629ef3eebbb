#include "os_release_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "os_component.hpp"

#include <kensa/scanner/file_report.hpp>

#include <vector>

namespace kensa::scanner::os_release {

namespace {

class OsReleaseScanner : public Scanner {
 public:
  OsReleaseScanner() {
    add_patterns(m_patterns, distro::release_file_patterns(), EvidenceKind::installed);
  }

  std::span<const FilePattern> patterns() const override { return m_patterns; }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    distro::DistroIndex index(files);
    for (const auto& problem : index.problems()) {
      FileReport(context, problem.location).omit("cannot read release file: " + problem.message);
    }
    // One component per root, from its most authoritative file: a root with
    // both os-release and debian_version is one distribution, not two.
    for (const auto& entry : index.entries()) {
      model::Evidence evidence{entry.location, {}, context.scanner_name()};
      for (const auto& file : files) {
        if (file.location == entry.location) {
          evidence = context.evidence_for(file);
          break;
        }
      }
      context.graph().add(make_os_component(entry.release, evidence));
    }
  }

 private:
  std::vector<FilePattern> m_patterns;
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<OsReleaseScanner>();
}

} // namespace kensa::scanner::os_release
