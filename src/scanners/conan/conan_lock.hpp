#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// conan.lock: Conan 1's graph lock (`graph_lock.nodes`, lockfile version
// 0.4) and Conan 2's lists (`requires`, `build_requires`,
// `python_requires`, `config_requires`, version 0.5).
namespace kensa::scanner::conan {

// Conan 1: a component per node with a `ref` (its `prev` as the purl's
// `prev`; scope excluded for nodes of the build context and for build
// and python requirements), an edge per `requires` and `build_requires`
// entry, and the requirements of the node without a `ref` (the consumer's
// conanfile) as the project's direct dependencies, or, without that node,
// the nodes no other node requires. Conan 2 records no graph: a component
// per entry, those of `build_requires`, `python_requires` and
// `config_requires` excluded. Malformed entries are warnings naming the
// file.
void parse_conan_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::conan
