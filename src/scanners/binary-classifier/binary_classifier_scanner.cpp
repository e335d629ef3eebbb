#include "binary_classifier_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "binary_classes.hpp"
#include "classified_component.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/util/strings.hpp>

#include <set>

namespace kensa::scanner::binary_classifier {

std::unique_ptr<Scanner> make_scanner() {
  // Every row's file names: the classifier reads only files named like the
  // software it knows, which keeps a scan of a root file system from
  // reading every executable twice.
  std::set<std::string> globs;
  for (const auto& row : binary_classes()) {
    for (const auto glob : split(row.globs, ';')) {
      if (!glob.empty()) {
        globs.emplace(glob);
      }
    }
  }
  std::vector<FilePattern> patterns;
  for (const auto& glob : globs) {
    patterns.push_back(FilePattern{glob, EvidenceKind::installed});
  }
  FileParserScanner::Rules rules{{
      each_file(std::move(patterns), &add_classified),
  }};
  // Each file is classified as it arrives and only what was found is kept:
  // a root file system has hundreds of megabytes of such binaries.
  rules.condense_named = &condense_classified;
  // An executable too large to buffer (node is 98 MB) is read mapped, in
  // chunks: its version string is as good as a small one's.
  rules.maps_large_named = &binary::looks_like_executable;
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::binary_classifier
