#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// packages.lock.json: the packages NuGet locked for a project, per target
// framework.
namespace kensa::scanner::dotnet {

// Adds the project (named by its folder; the file does not name it), each
// locked package (Direct, Transitive and CentralTransitive entries, at
// their `resolved` version, with their contentHash as SHA-512), each
// referenced project (Project entries, without a purl), an edge from the
// project to each Direct entry, and an edge for each entry's
// `dependencies` to the entry of that name in the same target framework.
// A package locked for several frameworks is one component. A file that
// is not JSON, or has no "dependencies" object, is an omission naming it;
// past k_max_packages entries in all, the rest are left out with an
// omission.
void parse_packages_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::dotnet
