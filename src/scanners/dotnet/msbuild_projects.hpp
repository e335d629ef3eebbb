#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

// MSBuild projects (*.csproj, *.fsproj, *.vbproj) with the
// Directory.Packages.props of central package management and the
// Directory.Build.props they import: the packages a project declares, as
// written.
namespace kensa::scanner::dotnet {

// Adds each project (named by its file, `App` for App.csproj) as an
// application the scan's subject describes, each PackageReference as a
// NuGet package it depends on, and each ProjectReference as a project it
// depends on.
//
// MSBuild imports the Directory.Build.props and the
// Directory.Packages.props nearest above a project (its own folder
// first), and each of those may import the next one above
// ($([MSBuild]::GetPathOfFileAbove(...))); those chains are followed
// within the scanned files. The PackageReferences of the
// Directory.Build.props chain are the project's too; a PackageReference
// without a Version takes it from the nearest PackageVersion of the
// Directory.Packages.props chain, and VersionOverride wins over both; the
// GlobalPackageReferences of that chain are references of the project.
// $(Property) references resolve against the literal properties of the
// project, then of the Directory.Build.props chain, then of the
// Directory.Packages.props chain. A version that is a range, a floating
// version (1.0.*) or unresolved is never made exact: the package has no
// version and no purl, kensa:dotnet:requested-version holds the text as
// written, and the project gets one warning naming them. PrivateAssets="all"
// (and every GlobalPackageReference) makes the package scope `excluded`.
void read_msbuild_projects(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::dotnet
