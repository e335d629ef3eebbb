#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/util/two_halves.hpp>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <functional>
#include <string_view>
#include <tuple>

namespace kensa::model {

namespace {

template <typename T>
void unite(std::vector<T>& into, std::vector<T>&& from) {
  for (auto& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) {
      into.push_back(std::move(item));
    }
  }
}

void fill(std::string& into, std::string&& from) {
  if (into.empty()) {
    into = std::move(from);
  }
}

// Runtime need, strongest first: a component required anywhere is required.
int scope_rank(Scope scope) {
  switch (scope) {
  case Scope::required:
    return 3;
  case Scope::optional:
    return 2;
  case Scope::excluded:
    return 1;
  case Scope::unknown:
    return 0;
  }
  return 0;
}

template <typename T>
void sort_unique(std::vector<T>& items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
}

// Sorts [first, last) by `less`, a strict total order, in less time when
// it starts with a sorted run: only the rest is sorted, then the two runs
// are merged. A document read back is sorted already, and a merge of two
// adds the second's new items after the first's: a merge of runs takes
// one comparison per item where a sort takes a dozen. The order is total,
// so the result is the one std::sort gives.
template <typename Iterator, typename Less>
void sort_after_sorted_run(Iterator first, Iterator last, Less less) {
  const Iterator rest = std::is_sorted_until(first, last, less);
  if (rest == last) {
    return;
  }
  if (!std::is_sorted(rest, last, less)) {
    std::sort(rest, last, less);
  }
  std::inplace_merge(first, rest, last, less);
}

// The first eight bytes of `text` as a big-endian number, zeros past its
// end: a smaller number means an earlier text, equal numbers tell nothing.
std::uint64_t leading_bytes(std::string_view text) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    value <<= 8;
    if (i < text.size()) {
      value |= static_cast<unsigned char>(text[i]);
    }
  }
  return value;
}

// Puts items[keys[k].index] at place k for every k, each item moved once
// to its place by following the cycles of the permutation, without a second
// vector of items; a moved key's index is set to its own place.
template <typename Item, typename Key>
void move_into_order(std::vector<Item>& items, std::vector<Key>& keys) {
  for (std::size_t start = 0; start < keys.size(); ++start) {
    if (keys[start].index == start) {
      continue;
    }
    Item held = std::move(items[start]);
    std::size_t at = start;
    while (keys[at].index != start) {
      const std::size_t from = keys[at].index;
      items[at] = std::move(items[from]);
      keys[at].index = at;
      at = from;
    }
    items[at] = std::move(held);
    keys[at].index = at;
  }
}

// Sorts relationships as std::sort would (their order is total, and equal
// ones are alike), keeping a sorted run they start with as
// sort_after_sorted_run() does. The sort moves small keys, not
// relationships, and compares the first bytes of the ends' ids, kept in
// the key, before the ids themselves: ids are 16 characters, one more than
// a std::string keeps without a heap block, so comparing two ids is two
// cache misses, and ids (hashes) nearly always differ in their first bytes.
void sort_relationships(std::vector<Relationship>& relationships) {
  const auto rest = std::is_sorted_until(relationships.begin(), relationships.end());
  if (rest == relationships.end()) {
    return;
  }
  struct Key {
    std::uint64_t from;
    std::uint64_t to;
    std::size_t index;
  };
  std::vector<Key> keys(relationships.size());
  for (std::size_t k = 0; k < keys.size(); ++k) {
    keys[k] = {leading_bytes(relationships[k].from), leading_bytes(relationships[k].to), k};
  }
  const auto before = [&relationships](const Key& a, const Key& b) {
    if (a.from != b.from) {
      return a.from < b.from;
    }
    const Relationship& left = relationships[a.index];
    const Relationship& right = relationships[b.index];
    if (const int order = left.from.compare(right.from); order != 0) {
      return order < 0;
    }
    if (a.to != b.to) {
      return a.to < b.to;
    }
    return std::tie(left.to, left.type) < std::tie(right.to, right.type);
  };
  const auto middle = keys.begin() + (rest - relationships.begin());
  std::sort(middle, keys.end(), before);
  std::inplace_merge(keys.begin(), middle, keys.end(), before);
  move_into_order(relationships, keys);
}

} // namespace

void merge_component(Component& existing, Component incoming) {
  fill(existing.ecosystem, std::move(incoming.ecosystem));
  fill(existing.group, std::move(incoming.group));
  fill(existing.name, std::move(incoming.name));
  fill(existing.version, std::move(incoming.version));
  fill(existing.purl, std::move(incoming.purl));
  fill(existing.bom_ref, std::move(incoming.bom_ref));
  fill(existing.description, std::move(incoming.description));
  if (existing.supplier.empty()) {
    existing.supplier = std::move(incoming.supplier);
  }
  unite(existing.cpes, std::move(incoming.cpes));
  unite(existing.licenses_declared, std::move(incoming.licenses_declared));
  unite(existing.licenses_concluded, std::move(incoming.licenses_concluded));
  unite(existing.license_evidence, std::move(incoming.license_evidence));
  unite(existing.copyrights, std::move(incoming.copyrights));
  unite(existing.hashes, std::move(incoming.hashes));
  unite(existing.authors, std::move(incoming.authors));
  unite(existing.external_references, std::move(incoming.external_references));
  unite(existing.properties, std::move(incoming.properties));
  unite(existing.evidence, std::move(incoming.evidence));
  if (existing.scope == Scope::unknown ||
      (incoming.scope != Scope::unknown &&
       scope_rank(incoming.scope) > scope_rank(existing.scope))) {
    existing.scope = incoming.scope;
  }
  // Development-only if every occurrence is development-only.
  existing.development = existing.development && incoming.development;
}

std::string ComponentGraph::add(Component component) {
  component.id = component_id(component);
  return add_identified(std::move(component));
}

std::string ComponentGraph::add_identified(Component component) {
  assert(component.id == component_id(component));
  std::string id = component.id;
  auto [index, inserted] = m_index_of.try_emplace(id, m_components.size());
  if (inserted) {
    m_components.push_back(std::move(component));
  } else {
    merge_component(m_components[*index], std::move(component));
  }
  return id;
}

std::vector<ComponentGraph::Added>
ComponentGraph::add_identified_all(std::vector<Component> components) {
  std::vector<Added> places(components.size());
  if (!m_components.empty()) {
    for (std::size_t i = 0; i < components.size(); ++i) {
      Component& component = components[i];
      if (component.id.empty()) {
        continue;
      }
      assert(component.id == component_id(component));
      auto [index, inserted] = m_index_of.try_emplace(component.id, m_components.size());
      places[i] = {*index, !inserted};
      if (inserted) {
        m_components.push_back(std::move(component));
      } else {
        merge_component(m_components[*index], std::move(component));
      }
    }
    return places;
  }
  // Taken over as it is: each new component is moved at most one place
  // down (over those skipped or merged), instead of into storage of the
  // graph's own.
  m_components = std::move(components);
  m_index_of.reserve(m_components.size());
  std::size_t kept = 0;
  for (std::size_t i = 0; i < m_components.size(); ++i) {
    Component& component = m_components[i];
    if (component.id.empty()) {
      continue;
    }
    assert(component.id == component_id(component));
    auto [index, inserted] = m_index_of.try_emplace(component.id, kept);
    if (inserted) {
      if (kept != i) {
        m_components[kept] = std::move(component);
      }
      places[i] = {kept++, false};
    } else {
      merge_component(m_components[*index], std::move(component));
      places[i] = {*index, true};
    }
  }
  m_components.erase(m_components.begin() + static_cast<std::ptrdiff_t>(kept), m_components.end());
  return places;
}

void ComponentGraph::relate(std::string from, std::string to, RelationshipType type) {
  if (from == to) {
    return; // A package listing itself (it happens in lockfiles) is no edge.
  }
  m_relationships.push_back(Relationship{std::move(from), std::move(to), type});
}

void ComponentGraph::add_file(FileEntry file) {
  auto [it, inserted] = m_files.try_emplace(file.path);
  if (inserted) {
    it->second = std::move(file);
  } else {
    unite(it->second.hashes, std::move(file.hashes));
    unite(it->second.owner_ids, std::move(file.owner_ids));
  }
}

bool ComponentGraph::add_diagnostic(Diagnostic diagnostic) {
  // The same words about the same file are said once, even when two
  // scanners read it (an executable the Go and Rust scanners both find
  // damaged).
  cut_long_message(diagnostic.message);
  if (m_diagnostics.count(diagnostic) > 0 || !m_budget.admit(diagnostic)) {
    return false;
  }
  return m_diagnostics.insert(std::move(diagnostic)).second;
}

void ComponentGraph::count_left_out_diagnostics(std::string_view location, std::uint64_t count,
                                                std::string_view kind) {
  m_budget.count_left_out(location, count, kind);
}

void ComponentGraph::add_omission(Omission omission) {
  cut_long_message(omission.reason);
  if (m_omissions.count(omission) > 0) {
    return;
  }
  ++m_omitted;
  if (m_omissions.size() < k_max_named_omissions) {
    m_omissions.insert(std::move(omission));
  }
}

const Component* ComponentGraph::find(const std::string& id) const {
  const std::size_t* index = m_index_of.find(id);
  return index == nullptr ? nullptr : &m_components[*index];
}

const FileEntry* ComponentGraph::find_file(const std::string& path) const {
  auto it = m_files.find(path);
  return it == m_files.end() ? nullptr : &it->second;
}

Document ComponentGraph::finish(DocumentMetadata metadata) && {
  Document document;
  document.metadata = std::move(metadata);
  const std::string subject_id = document.metadata.subject ? document.metadata.subject->id : "";
  // Components and relationships are sorted apart, on two threads for a big
  // graph: the relationships' side reads only the index, which the
  // components' side leaves alone.
  const auto components_side = [&] {
    move_sorted_components(document.components);
    for (auto& [path, file] : m_files) {
      sort_unique(file.hashes);
      sort_unique(file.owner_ids);
      document.files.push_back(std::move(file));
    }
  };
  const auto relationships_side = [&] {
    move_known_relationships(subject_id, document.relationships);
    // Freed here rather than by the destructor, on this side's time.
    m_index_of = {};
  };
  if (m_components.size() >= k_two_halves_threshold) {
    run_side_by_side(components_side, relationships_side);
  } else {
    components_side();
    relationships_side();
  }
  for (auto& summary : m_budget.summaries()) {
    m_diagnostics.insert(std::move(summary));
  }
  document.diagnostics.assign(m_diagnostics.begin(), m_diagnostics.end());
  if (m_omitted > 0) {
    document.metadata.completeness = Completeness::incomplete;
    document.metadata.omissions.assign(m_omissions.begin(), m_omissions.end());
    document.metadata.omitted = m_omitted;
  }
  return document;
}

void ComponentGraph::move_sorted_components(std::vector<Component>& into) {
  // Sorting keys, then moving each component once, is much cheaper than
  // sorting the components themselves (every swap moves dozens of members).
  // A key holds eight bytes of its purl, from where the purls stop having
  // the same start ("pkg:npm/", say): most comparisons are decided there,
  // without reading two components far apart in memory.
  std::size_t shared = 0;
  if (!m_components.empty()) {
    const std::string_view first = m_components.front().purl;
    shared = first.size();
    for (const Component& component : m_components) {
      const std::string_view purl = component.purl;
      const std::size_t most = std::min(shared, purl.size());
      shared = static_cast<std::size_t>(
          std::mismatch(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(most),
                        purl.begin())
              .first -
          first.begin());
    }
  }
  struct Key {
    std::uint64_t purl_bytes;
    std::size_t index;
  };
  std::vector<Key> order(m_components.size());
  for (std::size_t index = 0; index < order.size(); ++index) {
    order[index] = {leading_bytes(std::string_view(m_components[index].purl).substr(shared)),
                    index};
  }
  const auto before = [this](const Key& left, const Key& right) {
    if (left.purl_bytes != right.purl_bytes) {
      return left.purl_bytes < right.purl_bytes;
    }
    const Component& a = m_components[left.index];
    const Component& b = m_components[right.index];
    return std::tie(a.purl, a.group, a.name, a.version, a.id) <
           std::tie(b.purl, b.group, b.name, b.version, b.id);
  };
  // A document kensa wrote lists its components in this order already, and
  // a merge adds a second document's new components after the first's.
  // Ids are unique, so the order is total.
  sort_after_sorted_run(order.begin(), order.end(), before);
  // Moved into order where they are, and the vector handed over: no second
  // list of components (half a kilobyte each) is built.
  move_into_order(m_components, order);
  for (Component& component : m_components) {
    sort_unique(component.cpes);
    sort_unique(component.licenses_declared);
    sort_unique(component.licenses_concluded);
    sort_unique(component.license_evidence);
    sort_unique(component.copyrights);
    sort_unique(component.hashes);
    sort_unique(component.authors);
    sort_unique(component.external_references);
    sort_unique(component.properties);
    sort_unique(component.evidence);
  }
  into = std::move(m_components);
  m_components = {};
}

void ComponentGraph::move_known_relationships(const std::string& subject_id,
                                              std::vector<Relationship>& into) {
  // Equal relationships are alike in every member, so any sort gives the
  // same order; a merge's two sorted runs need no full sort.
  sort_relationships(m_relationships);
  m_relationships.erase(std::unique(m_relationships.begin(), m_relationships.end()),
                        m_relationships.end());
  into.reserve(m_relationships.size());
  // Sorted, so edges from one component come together: its lookup is reused.
  std::string last_from;
  bool last_from_known = false;
  std::size_t dropped = 0;
  for (auto& relationship : m_relationships) {
    if (last_from.empty() || last_from != relationship.from) {
      last_from = relationship.from;
      last_from_known = m_index_of.contains(relationship.from) || relationship.from == subject_id;
    }
    bool from_known = last_from_known;
    bool to_known = m_index_of.contains(relationship.to);
    if (from_known && to_known) {
      into.push_back(std::move(relationship));
    } else {
      ++dropped;
    }
  }
  m_relationships = {};
  if (dropped > 0) {
    m_diagnostics.insert(
        Diagnostic{Severity::info, "", "dropped a relationship to a component that was not found"});
  }
}

} // namespace kensa::model
