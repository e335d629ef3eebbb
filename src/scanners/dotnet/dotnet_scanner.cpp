#include "dotnet_scanner.hpp"

#include "deps_json.hpp"
#include "msbuild_projects.hpp"
#include "nuspec.hpp"
#include "packages_lock.hpp"
#include "project_assets.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

namespace kensa::scanner::dotnet {

namespace {

std::vector<FilePattern> nuget_package_patterns() {
  auto patterns = patterns_of_kind({"**/*.nuspec", "**/*.nupkg.sha512"}, EvidenceKind::installed);
  // Matched against the path inside the innermost container: the .nuspec
  // at the root of a .nupkg.
  patterns.push_back(FilePattern{"*.nuspec", EvidenceKind::declared});
  return patterns;
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      each_file(patterns_of_kind({"**/*.deps.json"}, EvidenceKind::installed), &parse_deps_json),
      each_file(patterns_of_kind({"**/packages.lock.json"}, EvidenceKind::declared),
                &parse_packages_lock),
      each_file(patterns_of_kind({"**/project.assets.json"}, EvidenceKind::declared),
                &parse_project_assets),
      file_set("MSBuild projects",
               patterns_of_kind({"**/*.csproj", "**/*.fsproj", "**/*.vbproj",
                                 "**/Directory.Packages.props", "**/Directory.Build.props"},
                                EvidenceKind::declared),
               &read_msbuild_projects),
      // NuGet's global packages folder, and the manifest at the root of a
      // .nupkg (a package file: what it holds is declared, docs/sources.md).
      file_set("NuGet packages", nuget_package_patterns(), &read_nuspecs),
  }});
}

} // namespace kensa::scanner::dotnet
