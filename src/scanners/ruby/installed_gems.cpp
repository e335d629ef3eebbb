#include "installed_gems.hpp"

#include "gem_component.hpp"
#include "gemspec_ruby.hpp"

#include <map>

namespace kensa::scanner::ruby {

namespace {

struct InstalledGem {
  Gem gem;
  std::string prefix;
  std::string id;
};

} // namespace

void read_installed_gems(ScanContext& context, const FileSet& files) {
  std::vector<InstalledGem> installed;
  files.read_each(context, "**/*.gemspec", [&](FileReport& report, const source::SourceFile& file) {
    ProblemList problems;
    Gem gem = read_ruby_gemspec(file.contents, problems);
    report.warn_all(problems);
    if (gem.name.empty()) {
      report.warn("no literal s.name; not a gem specification kensa can read");
      return;
    }
    model::Component component = make_gem_component(gem, context.evidence_for(file), report);
    std::string id = context.graph().add(std::move(component));
    installed.push_back(
        InstalledGem{std::move(gem), std::string(source::container_prefix(file)), std::move(id)});
  });
  std::multimap<std::pair<std::string, std::string>, std::size_t> by_name;
  for (std::size_t i = 0; i < installed.size(); ++i) {
    by_name.emplace(std::make_pair(installed[i].prefix, installed[i].gem.name), i);
  }
  for (const auto& gem : installed) {
    for (const auto& dependency : gem.gem.dependencies) {
      if (dependency.development) {
        continue;
      }
      auto [begin, end] = by_name.equal_range(std::make_pair(gem.prefix, dependency.name));
      if (begin != end && std::next(begin) == end && installed[begin->second].id != gem.id) {
        context.graph().relate(gem.id, installed[begin->second].id,
                               model::RelationshipType::depends_on);
      }
    }
  }
}

} // namespace kensa::scanner::ruby
