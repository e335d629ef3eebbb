#pragma once

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <map>
#include <string>

// <app>.deps.json: what a built .NET application loads, written by the SDK
// beside the application's assemblies.
namespace kensa::scanner::dotnet {

// Adds each library of "libraries": a `package` (or a `runtimepack`, the
// runtime a self-contained application carries) as a NuGet package with
// its SHA-512; a `project` as a project without a purl, the one named like
// the file (<name>.deps.json) being the application the scan describes.
// Reference assemblies of the shared framework are not packages and are
// left out. Edges come from the `dependencies` of the entries of
// targets[runtimeTarget.name]. A file that is not JSON or has no
// "libraries" object is an omission naming it; past k_max_packages
// libraries the rest are left out with an omission.
//
// Each file the runtime target's entries list as their `runtime` or
// `native` assets (published flat beside the deps.json) or as
// `runtimeTargets` (at that path below it) goes into `assemblies`: its
// location -> the component added for its library, so that the assembly
// found there is told as that component, not as one of its own.
using AssemblyIndex = std::map<std::string, model::Component>;
void parse_deps_json(FileReport& report, const source::SourceFile& file, AssemblyIndex& assemblies);

} // namespace kensa::scanner::dotnet
