#include "yarn_scanner.hpp"

#include "../javascript/paths.hpp"
#include "yarn_lock.hpp"

#include <spdlog/spdlog.h>

namespace kensa::scanner::yarn {

namespace {

class YarnScanner : public Scanner {
 public:
  std::span<const std::string> patterns() const override { return m_patterns; }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    javascript::ProjectManifests projects(context, files);
    for (const auto& file : files) {
      if (file.path != "yarn.lock" && !file.path.ends_with("/yarn.lock")) {
        continue;
      }
      // Yarn reads only the project's lockfile; copies inside installed
      // packages describe their authors' machines.
      if (javascript::inside_node_modules(file.path)) {
        spdlog::debug("{}: skipped, a lockfile inside node_modules is not used", file.location);
        continue;
      }
      try {
        scan_yarn_lock(context, file, projects);
      } catch (const std::exception& error) {
        context.warn(file.location, std::string("cannot parse: ") + error.what());
      }
    }
  }

 private:
  std::vector<std::string> m_patterns{"**/yarn.lock", "**/package.json"};
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<YarnScanner>();
}

} // namespace kensa::scanner::yarn
