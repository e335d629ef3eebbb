#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// obj/project.assets.json: what NuGet's restore resolved for a project (the
// file `dotnet restore` writes and the build reads).
namespace kensa::scanner::dotnet {

// Adds the project (project.restore.projectName, else the folder above
// obj/) as the application the scan's subject describes; each library of
// "libraries" of type `package` as a NuGet package with its SHA-512, and of
// type `project` as a referenced project without a purl; an edge from the
// project to each of its direct dependencies (the names under
// project.frameworks.<framework>.dependencies and
// projectFileDependencyGroups), resolved in the target of that framework;
// and an edge for each target entry's `dependencies` to the entry of that
// name in the same target (the version written there is the lowest the
// package accepts, not the one resolved). A file that is not JSON or has
// no "libraries" object is an omission naming it; past k_max_packages
// libraries the rest are left out with an omission.
void parse_project_assets(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::dotnet
