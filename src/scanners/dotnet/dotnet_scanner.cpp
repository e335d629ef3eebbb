#include "dotnet_scanner.hpp"

#include "assemblies.hpp"
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

// The rule the assemblies found by their content join: the deps.json files
// that say which library each of them is.
constexpr std::size_t k_applications_rule = 0;

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  FileParserScanner::Rules rules{{
      file_set("built .NET applications",
               patterns_of_kind({"**/*.deps.json"}, EvidenceKind::installed),
               &read_dotnet_applications),
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
  }};
  rules.content = FileParserScanner::ContentFiles{
      {&looks_like_pe, &condense_assembly}, nullptr, k_applications_rule};
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::dotnet
