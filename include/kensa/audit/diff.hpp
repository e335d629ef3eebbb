#pragma once

#include <kensa/model/document.hpp>
#include <kensa/util/result.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// `kensa diff` as a library: what changed between two SBOMs, whatever their
// formats (docs/cli.md, "kensa diff").
namespace kensa::audit {

enum class ChangeKind {
  // A component only the new document has.
  added,
  // A component only the old document has.
  removed,
  // The same component at a later version, by its ecosystem's rules.
  upgraded,
  // The same component at an earlier version.
  downgraded,
  // A different version string the ecosystem's rules hold equal ("1.0" and
  // "1.0.0" for Maven).
  version_changed,
  // The same component and version with other licenses.
  license_changed,
  // The same component and version from another supplier.
  supplier_changed,
  // The same component and version with a different digest for an
  // algorithm both documents give: what a tampered package looks like.
  digest_changed,
  // A dependency between two components that only the new document has.
  dependency_added,
  // One only the old document has.
  dependency_removed,
  // Files, when both documents list them.
  file_added,
  file_removed,
  file_changed,
};

// "added", "removed", "upgraded", "downgraded", "version-changed", "license",
// "supplier", "digest", "dependency-added", "dependency-removed",
// "file-added", "file-removed", "file-changed".
std::string_view change_kind_name(ChangeKind kind);

struct Change {
  ChangeKind kind = ChangeKind::added;
  // The component (its purl without version, else its name) or the file.
  std::string subject;
  // Before and after: versions, licenses, suppliers, digests
  // ("SHA-256:<hex>"), the other end of a dependency; empty when there is
  // no side.
  std::string before;
  std::string after;
  // The version the change is at (licenses, suppliers, digests), or the
  // version an added or removed component has.
  std::string version;

  auto operator<=>(const Change&) const = default;
};

struct DiffResult {
  // Sorted by kind, then subject.
  std::vector<Change> changes;
  std::size_t old_components = 0;
  std::size_t new_components = 0;
  // Whether files were compared: both documents list them.
  bool files_compared = false;

  std::size_t count(ChangeKind kind) const;
};

// Compares two documents. Components are matched by purl without its
// version (and qualifiers other than arch), else by type, group and name;
// several versions of one package are paired in version order. Never
// fails; the cost is linear in the documents' size (plus sorting).
DiffResult diff_documents(const model::Document& old_document, const model::Document& new_document);

// Parses a --fail-on list: comma-separated names of change_kind_name, or
// "dependency" (both directions), "file" (all three), "version" (upgraded,
// downgraded and changed), "any". Fails naming the unknown word.
Result<std::set<ChangeKind>> parse_change_kinds(std::string_view list);

} // namespace kensa::audit
