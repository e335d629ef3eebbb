#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// vcpkg.json, a project's vcpkg manifest.
namespace kensa::scanner::vcpkg {

// Adds a component per port of `dependencies` and of the `dependencies`
// of each entry of `features` (scope optional: used only when the feature
// is chosen), each a direct dependency of the project (a root named by
// `name`, else the file's folder). A port's version is the one an
// `overrides` entry pins (with its port-version), none otherwise; its
// `version>=` is kept as a property, as are the features asked of it and
// its platform expression. A `host` dependency is a build tool (scope
// excluded). `builtin-baseline` becomes the purls' repository_revision.
// Malformed entries are warnings naming the file.
void parse_vcpkg_manifest(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::vcpkg
