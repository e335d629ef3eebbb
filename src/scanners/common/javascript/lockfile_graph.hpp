#pragma once

#include "package_graph.hpp"

#include <kensa/scanner/file_report.hpp>

#include <cstddef>
#include <string>
#include <string_view>

// What every reader of one JavaScript lockfile into a PackageGraph (bun,
// deno, pnpm, yarn) starts from.
namespace kensa::scanner::javascript {

// Most packages (or snapshots, or entries) read from one lockfile; the rest
// are not read.
inline constexpr std::size_t k_max_lockfile_packages = 1'000'000;

// The base of a lockfile reader: where the file's problems go, the folder
// it sits in (its workspaces' paths start there), the evidence each of its
// packages gets, the graph it builds, and a count of what it names but
// holds no entry for.
class LockfileGraph {
 public:
  LockfileGraph(FileReport& report, const source::SourceFile& file);
  LockfileGraph(const LockfileGraph&) = delete;
  LockfileGraph& operator=(const LockfileGraph&) = delete;

 protected:
  // Counts one dependency the lockfile names but holds no entry for;
  // `describe()` names the first, in finish()'s warning.
  template <typename Describe>
  void count_unresolved(Describe describe) {
    if (m_unresolved++ == 0) {
      m_first_unresolved = describe();
    }
  }
  // Warns "<count> <what> (first: ...)" when count_unresolved() counted
  // any, then adds the graph to the scan (PackageGraph::finish).
  void finish(std::string_view what = "dependenc(ies) are not in the lockfile");

  FileReport& m_report;
  std::string m_folder;
  model::Evidence m_evidence;
  PackageGraph m_graph;

 private:
  std::size_t m_unresolved = 0;
  std::string m_first_unresolved;
};

} // namespace kensa::scanner::javascript
