#include "yarn_scanner.hpp"

#include "../common/javascript/paths.hpp"
#include "yarn_lock.hpp"

#include <spdlog/spdlog.h>

namespace kensa::scanner::yarn {

namespace {

class YarnScanner : public Scanner {
 public:
  std::span<const FilePattern> patterns() const override { return m_patterns; }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    javascript::ProjectManifests projects(context, files);
    for (const auto& file : files) {
      if (file.path != "yarn.lock" && !file.path.ends_with("/yarn.lock")) {
        continue;
      }
      // Yarn reads only the project's lockfile; copies inside installed
      // packages describe their authors' machines.
      if (javascript::is_installed_package_file(file.path, context.root_name())) {
        spdlog::debug("{}: skipped, a lockfile inside node_modules is not used", file.location);
        continue;
      }
      try {
        scan_yarn_lock(context, file, projects);
      } catch (const std::exception& error) {
        context.omit(file.location, std::string("cannot parse: ") + error.what());
      }
    }
  }

 private:
  std::vector<FilePattern> m_patterns =
      patterns_of_kind({"**/yarn.lock", "**/package.json"}, EvidenceKind::declared);
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<YarnScanner>();
}

} // namespace kensa::scanner::yarn
