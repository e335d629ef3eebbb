#include "installed_gems.hpp"

#include "../common/license_files.hpp"
#include "gem_component.hpp"
#include "gemspec_ruby.hpp"

#include <kensa/util/path_text.hpp>

#include <map>

namespace kensa::scanner::ruby {

namespace {

struct InstalledGem {
  Gem gem;
  std::string prefix;
  std::string id;
};

// gems/<name>-<version>/ beside specifications/<name>-<version>.gemspec:
// where RubyGems unpacks the gem the specification describes. Default gems
// (specifications/default/) have no such folder.
std::string gem_folder_of(std::string_view spec_location) {
  const std::string_view specifications = folder_of(spec_location);
  if (file_name_of(specifications) != "specifications") {
    return {};
  }
  std::string_view stem = file_name_of(spec_location);
  stem.remove_suffix(std::string_view(".gemspec").size());
  return join_path(join_path(folder_of(specifications), "gems"), stem);
}

} // namespace

std::vector<std::string> installed_gem_license_globs() {
  return license_file_globs("**/gems/*");
}

void read_installed_gems(ScanContext& context, const FileSet& files) {
  LicenseFilesByFolder license_files;
  for (const auto* file : files.pointers()) {
    if (!file->path.ends_with(".gemspec") && context.reads_license_files()) {
      add_license_file(license_files, *file);
    }
  }
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
    // The license files of the unpacked gem show evidence, kept apart from
    // the licenses the specification declares (docs/licenses.md).
    for (const source::SourceFile* license_file :
         license_files_of(license_files, gem_folder_of(file.location))) {
      model::add_license_file_evidence(component, license_file->location, license_file->bytes(),
                                       context.keeps_unlisted_license_texts());
    }
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
