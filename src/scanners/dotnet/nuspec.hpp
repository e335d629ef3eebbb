#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

// .nuspec files: the manifest of a NuGet package, at the root of each
// .nupkg and beside the package's files in NuGet's global packages folder
// (~/.nuget/packages/<id>/<version>/<id>.nuspec), next to the
// <id>.<version>.nupkg.sha512 NuGet writes there.
namespace kensa::scanner::dotnet {

// Adds each package a .nuspec describes (metadata/id and version) with
// its authors (the supplier), license (an expression, else licenseUrl),
// projectUrl, repository and description; the SHA-512 of the .nupkg when a
// *.nupkg.sha512 lies in the same folder; and an edge for each dependency
// of every group to the package of that id among the files read (the one
// at the range's lowest version when there are several). A template with
// $token$ placeholders, a file that is not readable XML or whose root is
// not <package> with an id and a version is a warning naming it.
void read_nuspecs(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::dotnet
