#pragma once

#include "../common/javascript/npm_component.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/util/json_document.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Reading one package-lock.json or npm-shrinkwrap.json: the state both
// layouts share (warnings, typed field access, the work budget) and
// the two readers, one per layout.
namespace kensa::scanner::npm {

using javascript::PackageFacts;
using javascript::PackageRole;

// Caps that keep a hostile lockfile bounded. The file itself is already
// bounded by the source's buffered-file limit.
inline constexpr std::size_t k_max_packages = 1'000'000;
// Deepest nesting of the v1 "dependencies" tree that is read.
inline constexpr std::size_t k_max_tree_depth = 1000;
// Units of work (bytes of lookup keys built, lookups made) spent resolving
// dependency edges. Real lockfiles use a tiny fraction; a crafted one with
// very deep paths and many dependencies would otherwise take hours.
inline constexpr std::uint64_t k_edge_work_budget = 256ull << 20;

// Reads a package-lock.json or npm-shrinkwrap.json and adds what it lists to
// the graph. Never throws for bad input: problems become warnings.
void parse_package_lock(FileReport& report, const source::SourceFile& file);

// One lockfile being read.
class Lockfile {
 public:
  Lockfile(FileReport& report, const source::SourceFile& file)
      : m_report(report), m_file(file), m_evidence(report.context().evidence_for(file)) {}

  ScanContext& context() { return m_report.context(); }
  // Where problems with the file go.
  FileReport& report() { return m_report; }

  // Adds the component for `facts` and returns its id; problems found on
  // the way become warnings.
  std::string add(const PackageFacts& facts);

  // Adds the project's own component and relates the subject to it.
  std::string add_root(const PackageFacts& facts);

  // A dependency the lockfile names but does not hold. Reported once, as a
  // count, by finish().
  void count_unresolved(std::string from, std::string_view name);

  // Takes `units` from the edge work budget; false (with one warning) once
  // it is spent.
  bool spend(std::uint64_t units);
  bool out_of_budget() const { return m_budget_spent; }

  // Reports what was only counted. Call once, at the end.
  void finish();

  // Typed field access: the value when present with the right type; a
  // warning naming `where` and the field when present with another type.
  std::string text(json::Value entry, const char* key, std::string_view where);
  bool flag(json::Value entry, const char* key, std::string_view where);

  // The names of a dependency object ({"name": "spec", ...}) with their
  // specs; a value that is not a string gives an empty spec.
  std::vector<std::pair<std::string, std::string>>
  dependency_specs(json::Value entry, const char* key, std::string_view where);

  // What both layouts write the same way: integrity, resolved, license and
  // the dev/optional/peer/bundled/extraneous flags.
  void read_common_facts(json::Value entry, std::string_view where, PackageFacts& facts);

 private:
  FileReport& m_report;
  const source::SourceFile& m_file;
  model::Evidence m_evidence;
  std::size_t m_unresolved = 0;
  std::string m_first_unresolved;
  std::uint64_t m_work = 0;
  bool m_budget_spent = false;
};

// Lockfile versions 2 and 3: the "packages" map keyed by install location.
void read_packages_map(Lockfile& lock, json::Value document, json::Value packages);

// Lockfile version 1: the nested "dependencies" tree.
void read_dependency_tree(Lockfile& lock, json::Value document, json::Value dependencies);

} // namespace kensa::scanner::npm
