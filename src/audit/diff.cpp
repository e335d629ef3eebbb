#include <kensa/audit/component_identity.hpp>
#include <kensa/audit/diff.hpp>
#include <kensa/audit/version_order.hpp>
#include <kensa/util/flat_hash_map.hpp>
#include <kensa/util/two_halves.hpp>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace kensa::audit {

namespace {

using model::Component;
using model::Document;

// Component ids to names.
using NameTable = util::FlatHashMap<std::string_view, std::string>;

// The components of one package on each side, still to be paired.
struct Group {
  std::vector<const Component*> before;
  std::vector<const Component*> after;
};

// Licenses as one comparable text: declared ones when there are any (what
// the package says of itself), else concluded ones; sorted.
std::string license_text(const Component& component) {
  const auto& licenses = component.licenses_declared.empty() ? component.licenses_concluded
                                                             : component.licenses_declared;
  std::vector<std::string> names;
  for (const auto& license : licenses) {
    names.push_back(license.expression.empty() ? license.name : license.expression);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string text;
  for (const auto& name : names) {
    text += text.empty() ? "" : ", ";
    text += name;
  }
  return text;
}

// Puts `components` (versions of one package) oldest first. A selection
// of the oldest in turn needs nothing of the comparison but its sign, so
// a version order that is not transitive cannot upset it; past
// k_max_ordered_versions versions of one package (no real document has
// them) the document's order is kept.
constexpr std::size_t k_max_ordered_versions = 64;

void order_by_version(std::vector<const Component*>& components) {
  if (components.size() > k_max_ordered_versions) {
    return;
  }
  for (std::size_t k = 0; k < components.size(); ++k) {
    std::size_t oldest = k;
    for (std::size_t other = k + 1; other < components.size(); ++other) {
      if (compare_versions(components[other]->version, components[oldest]->version,
                           version_scheme_for(components[other]->ecosystem)) < 0) {
        oldest = other;
      }
    }
    std::swap(components[k], components[oldest]);
  }
}

class Differ {
 public:
  explicit Differ(DiffResult& result) : m_result(result) {}

  // Pairs what can be paired in each group; what is left goes to
  // `leftover` (or, without one, becomes added and removed).
  void pair_groups(std::unordered_map<std::string, Group>& groups, Group* leftover) {
    for (auto& [identity, group] : groups) {
      // Nearly every group is one component on one side or both: what
      // pair_group() would do with it, without its tables.
      if (group.before.size() == 1 && group.after.size() == 1) {
        record_pair(*group.before.front(), *group.after.front());
      } else if (group.before.size() + group.after.size() == 1) {
        if (leftover != nullptr) {
          leftover->before.insert(leftover->before.end(), group.before.begin(), group.before.end());
          leftover->after.insert(leftover->after.end(), group.after.begin(), group.after.end());
        } else {
          record_unpaired(group);
        }
      } else {
        pair_group(group, leftover);
      }
    }
  }

  void record_pair(const Component& before, const Component& after) {
    std::string subject = subject_name(after);
    if (auto [name, added] = m_paired_names.try_emplace(before.id, subject); !added) {
      *name = subject;
    }
    if (before.version != after.version) {
      const int order =
          compare_versions(before.version, after.version, version_scheme_for(after.ecosystem));
      add(order < 0   ? ChangeKind::upgraded
          : order > 0 ? ChangeKind::downgraded
                      : ChangeKind::version_changed,
          subject, before.version, after.version, "");
    } else if (auto digests = strongest_common_digest(before.hashes, after.hashes);
               digests && digests->before.hex != digests->after.hex) {
      add(ChangeKind::digest_changed, subject, digest_text(digests->before),
          digest_text(digests->after), after.version);
    }
    const bool same_licenses = before.licenses_declared == after.licenses_declared &&
                               before.licenses_concluded == after.licenses_concluded;
    if (std::string old_licenses = same_licenses ? "" : license_text(before),
        new_licenses = same_licenses ? "" : license_text(after);
        old_licenses != new_licenses) {
      add(ChangeKind::license_changed, subject, std::move(old_licenses), std::move(new_licenses),
          after.version);
    }
    if (before.supplier.name != after.supplier.name) {
      add(ChangeKind::supplier_changed, subject, before.supplier.name, after.supplier.name,
          after.version);
    }
  }

  void record_unpaired(const Group& group) {
    for (const Component* component : group.before) {
      add(ChangeKind::removed, subject_name(*component), "", "", component->version);
    }
    for (const Component* component : group.after) {
      add(ChangeKind::added, subject_name(*component), "", "", component->version);
    }
  }

  void add(ChangeKind kind, std::string subject, std::string before, std::string after,
           std::string version) {
    m_result.changes.push_back(
        {kind, std::move(subject), std::move(before), std::move(after), std::move(version)});
  }

 private:
  void pair_group(Group& group, Group* leftover) {
    // The same component first (the same purl, qualifiers and all, or the
    // same content), then the same version on both sides.
    std::unordered_set<const Component*> paired;
    std::vector<const Component*> before_unmatched;
    {
      std::unordered_map<std::string_view, const Component*> after_by_id;
      for (const Component* component : group.after) {
        after_by_id.emplace(component->id, component);
      }
      for (const Component* component : group.before) {
        auto found = after_by_id.find(component->id);
        if (found != after_by_id.end() && !component->id.empty() &&
            paired.insert(found->second).second) {
          record_pair(*component, *found->second);
        } else {
          before_unmatched.push_back(component);
        }
      }
    }
    std::vector<const Component*> before_rest;
    std::unordered_map<std::string_view, std::vector<const Component*>> after_by_version;
    for (const Component* component : group.after) {
      if (!paired.contains(component)) {
        after_by_version[component->version].push_back(component);
      }
    }
    for (const Component* component : before_unmatched) {
      auto found = after_by_version.find(component->version);
      if (found != after_by_version.end() && !found->second.empty()) {
        record_pair(*component, *found->second.back());
        paired.insert(found->second.back());
        found->second.pop_back();
      } else {
        before_rest.push_back(component);
      }
    }
    std::vector<const Component*> after_rest;
    for (const Component* component : group.after) {
      if (!paired.contains(component)) {
        after_rest.push_back(component);
      }
    }
    // Then the other versions, oldest with oldest.
    order_by_version(before_rest);
    order_by_version(after_rest);
    const std::size_t pairs = std::min(before_rest.size(), after_rest.size());
    for (std::size_t k = 0; k < pairs; ++k) {
      record_pair(*before_rest[k], *after_rest[k]);
    }
    Group rest;
    rest.before.assign(before_rest.begin() + static_cast<std::ptrdiff_t>(pairs), before_rest.end());
    rest.after.assign(after_rest.begin() + static_cast<std::ptrdiff_t>(pairs), after_rest.end());
    if (leftover != nullptr) {
      leftover->before.insert(leftover->before.end(), rest.before.begin(), rest.before.end());
      leftover->after.insert(leftover->after.end(), rest.after.begin(), rest.after.end());
    } else {
      record_unpaired(rest);
    }
  }

  DiffResult& m_result;

 public:
  // The old document's components that were paired, by id, with the name
  // of their new counterpart: edges are compared by these names, so that a
  // component only one document gives a purl does not move its edges.
  NameTable m_paired_names;
};

// Each component's identity for edges: what stays the same across
// versions, so that a bump is not an edge removed and another added.
NameTable edge_names(const Document& document, const NameTable* paired) {
  NameTable names;
  names.reserve(document.components.size() + 1);
  for (const auto& component : document.components) {
    std::string name;
    if (paired != nullptr) {
      if (const std::string* found = paired->find(component.id); found != nullptr) {
        name = *found;
      }
    }
    names.try_emplace(component.id, name.empty() ? subject_name(component) : std::move(name));
  }
  if (document.metadata.subject) {
    names.try_emplace(document.metadata.subject->id, subject_name(*document.metadata.subject));
  }
  return names;
}

bool is_dependency(model::RelationshipType type) {
  return type == model::RelationshipType::depends_on ||
         type == model::RelationshipType::dev_depends_on ||
         type == model::RelationshipType::optional_depends_on;
}

// An edge by the names of its ends, which live in the names table of its
// document: no copy of two names per edge.
using Edge = std::pair<std::string_view, std::string_view>;

struct EdgeHash {
  std::size_t operator()(const Edge& edge) const {
    const std::hash<std::string_view> hash;
    return hash(edge.first) * 31 + hash(edge.second);
  }
  std::size_t operator()(const Edge& edge, const util::HashKey& secret) const {
    return static_cast<std::size_t>(util::siphash(edge.first, secret) * 31 +
                                    util::siphash(edge.second, secret));
  }
};

// A set of edges: the value is not used.
using EdgeSet = util::FlatHashMap<Edge, bool, EdgeHash>;

EdgeSet dependency_edges(const Document& document, const NameTable& names) {
  EdgeSet edges;
  edges.reserve(document.relationships.size());
  // Relationships are sorted by their source: its lookup is made once.
  std::string_view last_from;
  const std::string* from = nullptr;
  for (const auto& relationship : document.relationships) {
    if (!is_dependency(relationship.type)) {
      continue;
    }
    if (from == nullptr || relationship.from != last_from) {
      last_from = relationship.from;
      from = names.find(relationship.from);
    }
    const std::string* to = names.find(relationship.to);
    if (from != nullptr && to != nullptr) {
      edges.try_emplace(Edge(*from, *to));
    }
  }
  return edges;
}

// A document's dependency edges, with the table of names they point into.
struct DependencyEdges {
  NameTable names;
  EdgeSet edges;
};

// The names the edges point into stay where they are when the result is
// moved: the table keeps its entries in a vector, whose buffer moves with
// it. The table is complete before the first edge points into it (growing
// would move the entries).
DependencyEdges dependency_edges_of(const Document& document, const NameTable* paired) {
  DependencyEdges result;
  result.names = edge_names(document, paired);
  result.edges = dependency_edges(document, result.names);
  return result;
}

void diff_edges(const DependencyEdges& old_edges, const DependencyEdges& new_edges,
                Differ& differ) {
  const auto& before = old_edges.edges;
  const auto& after = new_edges.edges;
  before.for_each([&](const Edge& edge, bool) {
    if (!after.contains(edge)) {
      differ.add(ChangeKind::dependency_removed, std::string(edge.first), std::string(edge.second),
                 "", "");
    }
  });
  after.for_each([&](const Edge& edge, bool) {
    if (!before.contains(edge)) {
      differ.add(ChangeKind::dependency_added, std::string(edge.first), "",
                 std::string(edge.second), "");
    }
  });
}

void diff_files(const Document& old_document, const Document& new_document, Differ& differ) {
  std::unordered_map<std::string_view, const model::FileEntry*> before;
  for (const auto& file : old_document.files) {
    before.emplace(file.path, &file);
  }
  std::unordered_set<std::string_view> seen;
  for (const auto& file : new_document.files) {
    seen.insert(file.path);
    auto found = before.find(file.path);
    if (found == before.end()) {
      differ.add(ChangeKind::file_added, file.path, "", "", "");
      continue;
    }
    if (auto digests = strongest_common_digest(found->second->hashes, file.hashes);
        digests && digests->before.hex != digests->after.hex) {
      differ.add(ChangeKind::file_changed, file.path, digest_text(digests->before),
                 digest_text(digests->after), "");
    }
  }
  for (const auto& file : old_document.files) {
    if (!seen.contains(file.path)) {
      differ.add(ChangeKind::file_removed, file.path, "", "", "");
    }
  }
}

} // namespace

std::string_view change_kind_name(ChangeKind kind) {
  switch (kind) {
  case ChangeKind::added:
    return "added";
  case ChangeKind::removed:
    return "removed";
  case ChangeKind::upgraded:
    return "upgraded";
  case ChangeKind::downgraded:
    return "downgraded";
  case ChangeKind::version_changed:
    return "version-changed";
  case ChangeKind::license_changed:
    return "license";
  case ChangeKind::supplier_changed:
    return "supplier";
  case ChangeKind::digest_changed:
    return "digest";
  case ChangeKind::dependency_added:
    return "dependency-added";
  case ChangeKind::dependency_removed:
    return "dependency-removed";
  case ChangeKind::file_added:
    return "file-added";
  case ChangeKind::file_removed:
    return "file-removed";
  case ChangeKind::file_changed:
    return "file-changed";
  }
  return "added";
}

std::size_t DiffResult::count(ChangeKind kind) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(),
                    [kind](const Change& change) { return change.kind == kind; }));
}

DiffResult diff_documents(const Document& old_document, const Document& new_document) {
  DiffResult result;
  result.old_components = old_document.components.size();
  result.new_components = new_document.components.size();
  Differ differ(result);
  // Nearly every old component is paired: one table of that size instead
  // of a dozen rehashes as it grows.
  differ.m_paired_names.reserve(old_document.components.size());

  const auto pair_components = [&] {
    // First by purl; what that leaves, and what has no purl, by name.
    // The changes are sorted at the end: the groups need no order.
    std::unordered_map<std::string, Group> by_purl;
    std::unordered_map<std::string, Group> by_name;
    by_purl.reserve(old_document.components.size() + new_document.components.size());
    for (const auto& component : old_document.components) {
      if (!component.purl.empty()) {
        by_purl[purl_identity(component.purl)].before.push_back(&component);
      }
    }
    for (const auto& component : new_document.components) {
      if (!component.purl.empty()) {
        by_purl[purl_identity(component.purl)].after.push_back(&component);
      }
    }
    Group leftover;
    differ.pair_groups(by_purl, &leftover);
    for (const auto& component : old_document.components) {
      if (component.purl.empty()) {
        leftover.before.push_back(&component);
      }
    }
    for (const auto& component : new_document.components) {
      if (component.purl.empty()) {
        leftover.after.push_back(&component);
      }
    }
    for (const Component* component : leftover.before) {
      by_name[name_identity(*component)].before.push_back(component);
    }
    for (const Component* component : leftover.after) {
      by_name[name_identity(*component)].after.push_back(component);
    }
    differ.pair_groups(by_name, nullptr);
  };
  // The new document's edges depend on nothing the pairing finds (the old
  // document's are named after it): for big documents they are gathered
  // on a second thread meanwhile.
  DependencyEdges new_edges;
  const auto gather_new_edges = [&] { new_edges = dependency_edges_of(new_document, nullptr); };
  if (std::max(old_document.components.size(), new_document.components.size()) >=
      k_two_halves_threshold) {
    run_side_by_side(pair_components, gather_new_edges);
  } else {
    pair_components();
    gather_new_edges();
  }
  diff_edges(dependency_edges_of(old_document, &differ.m_paired_names), new_edges, differ);
  result.files_compared = !old_document.files.empty() && !new_document.files.empty();
  if (result.files_compared) {
    diff_files(old_document, new_document, differ);
  }
  std::sort(result.changes.begin(), result.changes.end());
  return result;
}

Result<std::set<ChangeKind>> parse_change_kinds(std::string_view list) {
  constexpr std::array k_all{ChangeKind::added,
                             ChangeKind::removed,
                             ChangeKind::upgraded,
                             ChangeKind::downgraded,
                             ChangeKind::version_changed,
                             ChangeKind::license_changed,
                             ChangeKind::supplier_changed,
                             ChangeKind::digest_changed,
                             ChangeKind::dependency_added,
                             ChangeKind::dependency_removed,
                             ChangeKind::file_added,
                             ChangeKind::file_removed,
                             ChangeKind::file_changed};
  std::set<ChangeKind> kinds;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view word = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (word == "any") {
      kinds.insert(k_all.begin(), k_all.end());
    } else if (word == "version") {
      kinds.insert({ChangeKind::upgraded, ChangeKind::downgraded, ChangeKind::version_changed});
    } else if (word == "dependency") {
      kinds.insert({ChangeKind::dependency_added, ChangeKind::dependency_removed});
    } else if (word == "file") {
      kinds.insert({ChangeKind::file_added, ChangeKind::file_removed, ChangeKind::file_changed});
    } else {
      const auto* found = std::find_if(k_all.begin(), k_all.end(), [&](ChangeKind kind) {
        return change_kind_name(kind) == word;
      });
      if (found == k_all.end()) {
        return fail("--fail-on: unknown change '" + std::string(word) +
                    "' (use added, removed, upgraded, downgraded, version, license, supplier, "
                    "digest, dependency, file or any)");
      }
      kinds.insert(*found);
    }
  }
  if (kinds.empty()) {
    return fail("--fail-on needs at least one kind of change");
  }
  return kinds;
}

} // namespace kensa::audit
