#pragma once

#include <kensa/model/diagnostic_budget.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/flat_hash_map.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace kensa::model {

// Collects components and relationships from all scanners, merging duplicates,
// and produces a sorted Document.
class ComponentGraph {
 public:
  // Adds `component` (computing its id) or merges it into the component
  // already there with the same id: evidence, hashes, licenses, properties and
  // links are united; empty fields are filled; the component is required if
  // any occurrence is, and development only if every occurrence is.
  // Returns the id.
  std::string add(Component component);
  // add() for a component whose id is already component_id(component):
  // readers compute ids where they map a big document's components, on two
  // threads, instead of one at a time here.
  std::string add_identified(Component component);
  // Where add_identified_all() put one component: its place
  // (component_at), the first's for a duplicate merged into it;
  // k_not_added for one left out.
  static constexpr std::size_t k_not_added = static_cast<std::size_t>(-1);
  struct Added {
    std::size_t place = k_not_added;
    bool merged = false;
  };
  // add_identified() for each of `components` in turn, leaving out those
  // without id. A graph still empty takes the vector over instead of moving
  // every component into storage of its own: a reader's list of a big
  // document's components is the document's.
  std::vector<Added> add_identified_all(std::vector<Component> components);
  // Room for `count` components in all, for a caller that knows how many
  // come: the list grows once, not by doubling.
  void reserve(std::size_t count) { m_components.reserve(count); }

  // Adds an edge between two ids. Edges to or from unknown ids are kept and
  // checked in finish(), since scanners may add edges before both ends.
  // Touches the relationships only: one thread may relate while another
  // adds components (the merger does).
  void relate(std::string from, std::string to, RelationshipType type);

  void add_file(FileEntry file);
  // Keeps `diagnostic` unless it is already there or over the budget
  // (diagnostic_budget.hpp), where it is only counted. True when kept: the
  // caller shows it (stderr) only then.
  bool add_diagnostic(Diagnostic diagnostic);
  // Counts diagnostics about `location` a parser never made (it kept only
  // its first problems; DiagnosticBudget::count_left_out).
  void count_left_out_diagnostics(std::string_view location, std::uint64_t count,
                                  std::string_view kind = {});
  // One warning per location some diagnostics were left out about ("and
  // 2,999,900 more like this"); finish() adds them to the document.
  std::vector<Diagnostic> diagnostic_summaries() const { return m_budget.summaries(); }
  // The warnings offered so far, by kind (kept or left out by the caps).
  WarningTally warning_tally() const { return m_budget.tally(); }

  // Records that something was skipped or cut short (Omission): finish()
  // marks the document incomplete and names the first
  // k_max_named_omissions. The same omission twice counts once.
  void add_omission(Omission omission);
  std::uint64_t omission_count() const { return m_omitted; }

  // The component with `id`, or nullptr.
  // Valid until the next component is added.
  const Component* find(const std::string& id) const;
  // The component at `place` (add_identified_all), until the next is added.
  const Component& component_at(std::size_t place) const { return m_components[place]; }
  // The file entry at `path`, or nullptr.
  const FileEntry* find_file(const std::string& path) const;
  std::size_t component_count() const { return m_components.size(); }

  // Moves everything into a Document: components sorted by (purl, name,
  // version, id), relationships and files sorted, duplicates removed, edges
  // whose ends are missing dropped with a diagnostic.
  Document finish(DocumentMetadata metadata) &&;

 private:
  // finish()'s two parts: the components in document order, each with its
  // lists sorted; the relationships sorted, without duplicates and without
  // those whose ends are unknown.
  void move_sorted_components(std::vector<Component>& into);
  void move_known_relationships(const std::string& subject_id, std::vector<Relationship>& into);

  // Components in the order first added, found by id through the index: a
  // vector and one lookup in a flat table cost far less than a tree of
  // 100,000 nodes or a node-based hash table. A vector, not a deque, so
  // that finish() hands it over without building another, and
  // add_identified_all() takes a reader's over.
  std::vector<Component> m_components;
  util::FlatHashMap<std::string, std::size_t> m_index_of;
  // Duplicates are removed by finish().
  std::vector<Relationship> m_relationships;
  std::map<std::string, FileEntry> m_files;
  std::set<Diagnostic> m_diagnostics;
  DiagnosticBudget m_budget;
  // The first omissions, and how many there were in all.
  std::set<Omission> m_omissions;
  std::uint64_t m_omitted = 0;
};

// Merges `incoming` into `existing` (same id) following the rules of
// ComponentGraph::add.
void merge_component(Component& existing, Component incoming);

} // namespace kensa::model
