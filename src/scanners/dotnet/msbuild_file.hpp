#pragma once

#include <kensa/scanner/file_report.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What kensa reads of an MSBuild file (*.csproj, *.fsproj, *.vbproj,
// Directory.Packages.props): its package items and literal properties. No
// target is run, no import followed, no condition evaluated.
namespace kensa::scanner::dotnet {

// Most '<' an MSBuild file or a .nuspec may hold (a large project has a
// few thousand items).
inline constexpr std::size_t k_max_msbuild_markup = 200'000;

// A PackageReference, PackageVersion or GlobalPackageReference item, or a
// ProjectReference (`name` is then the path written, `\` or `/`).
struct PackageItem {
  std::string name;
  // The Version attribute or child element, as written; empty for none.
  std::string version;
  // VersionOverride (PackageReference only).
  std::string version_override;
  // PrivateAssets="all": the package is used for the build only.
  bool private_assets = false;
};

struct MsbuildFile {
  std::vector<PackageItem> references;
  std::vector<PackageItem> central_versions;
  std::vector<PackageItem> global_references;
  std::vector<PackageItem> project_references;
  // Properties whose value is literal text, by name in lower case (MSBuild
  // names are case-insensitive); a property set twice keeps the last.
  std::map<std::string, std::string> properties;
  // The Project attribute of each <Import> (Directory.*.props files chain
  // to the one above with $([MSBuild]::GetPathOfFileAbove(...))).
  std::vector<std::string> imports;
};

// Reads the items of every ItemGroup (whatever its Condition), the
// properties of every PropertyGroup and the imports. A file that is not readable XML or
// whose root is not <Project> is an omission naming it (nullopt); past
// k_max_dependencies items of one kind the rest are left out with a
// warning.
std::optional<MsbuildFile> read_msbuild_file(FileReport& report, std::string_view text);

// `text` with each $(Name) replaced by the property's value from the
// first of `properties` that has one; nullopt when some reference has no
// value there (or the text calls a property function, $([...])).
std::optional<std::string>
expand_properties(std::string_view text,
                  const std::vector<const std::map<std::string, std::string>*>& properties);

} // namespace kensa::scanner::dotnet
