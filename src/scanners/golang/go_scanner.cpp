#include "go_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "binary_modules.hpp"
#include "mod_project.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

namespace kensa::scanner::golang {

namespace {

class GoScanner : public Scanner {
 public:
  std::span<const FilePattern> patterns() const override { return m_patterns; }

  const ContentRule* content_rule() const override { return &k_rule; }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    std::vector<const source::SourceFile*> manifests;
    for (const auto& file : files) {
      if (is_manifest(file.path)) {
        manifests.push_back(&file);
        continue;
      }
      FileReport report(context, file);
      read_guarded(report, [&] { add_binary_modules(report, file); });
    }
    try {
      add_mod_projects(context, manifests);
    } catch (const std::exception& error) {
      // Each file's problems are warnings already; this is a bug or memory
      // exhaustion, and the other scanners still run.
      spdlog::error("go: {}", error.what());
    }
  }

 private:
  bool is_manifest(std::string_view path) const {
    return std::any_of(m_patterns.begin(), m_patterns.end(),
                       [&](const FilePattern& pattern) { return glob_match(pattern.glob, path); });
  }

  static constexpr ContentRule k_rule{&binary::looks_like_executable, &condense_go_binary};
  std::vector<FilePattern> m_patterns =
      patterns_of_kind({"**/go.mod", "**/go.sum", "**/go.work"}, EvidenceKind::declared);
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<GoScanner>();
}

} // namespace kensa::scanner::golang
