#include "os_release_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "os_component.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

#include <vector>

namespace kensa::scanner::os_release {

namespace {

// One component per root, from its most authoritative release file: a root
// with both os-release and debian_version is one distribution, not two.
void read_release_files(ScanContext& context, const FileSet& files) {
  distro::DistroIndex index(files);
  for (const auto& problem : index.problems()) {
    FileReport(context, problem.location).omit("cannot read release file: " + problem.message);
  }
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

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> patterns;
  add_patterns(patterns, distro::release_file_patterns(), EvidenceKind::installed);
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("release files", std::move(patterns), &read_release_files),
  }});
}

} // namespace kensa::scanner::os_release
