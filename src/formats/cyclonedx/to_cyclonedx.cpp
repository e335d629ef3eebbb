#include "to_cyclonedx.hpp"

#include "../common/incompleteness.hpp"
#include "../common/property_names.hpp"
#include "../common/two_halves_mapping.hpp"
#include "cyclonedx_component_mapping.hpp"
#include "cyclonedx_vocabulary.hpp"

#include <kensa/util/flat_hash_map.hpp>

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace kensa::format::cyclonedx {

namespace {

// Component id to index in the document. Ids are the document's: a flat
// table that turns to a keyed hash if they collide (util/flat_hash_map.hpp).
using RefIndex = util::FlatHashMap<std::string_view, std::size_t>;

// Containers nested deeper than this stay at the top level: a hostile input
// document could otherwise make the output (and its writers' recursion)
// arbitrarily deep.
constexpr std::size_t k_max_nesting = 32;

// Which component each component is nested in: the first container that
// neither makes a cycle nor nests too deep. Extra containers are counted.
std::unordered_map<std::size_t, std::size_t>
containment(const model::Document& document, const RefIndex& index_of, Context& context) {
  std::unordered_map<std::size_t, std::size_t> parent_of;
  std::size_t lost = 0;
  for (const auto& relationship : document.relationships) {
    if (relationship.type != model::RelationshipType::contains) {
      continue;
    }
    const std::size_t* from = index_of.find(relationship.from);
    const std::size_t* to = index_of.find(relationship.to);
    if (from == nullptr || to == nullptr) {
      continue; // From the subject: everything in a BOM is in its subject.
    }
    if (parent_of.count(*to) > 0) {
      ++lost;
      continue;
    }
    std::size_t depth = 0;
    std::size_t at = *from;
    bool cycle = at == *to;
    for (auto up = parent_of.find(at); up != parent_of.end() && !cycle; up = parent_of.find(at)) {
      at = up->second;
      cycle = at == *to;
      ++depth;
    }
    if (cycle || depth + 1 >= k_max_nesting) {
      ++lost;
      continue;
    }
    parent_of[*to] = *from;
  }
  context.losses.add("contains relationships beyond one container per component", lost);
  return parent_of;
}

} // namespace

// Named (not anonymous): CdxBomMapping::Parts holds one.
namespace mapping_parts {

// The bom-ref of every component, unique in the BOM, and of the subject.
// Components are addressed by their index in the document; the views in
// index_of point into the document.
struct BomRefs {
  std::vector<std::string> refs;
  RefIndex index_of;
  std::string subject_ref;
  const std::string* subject_id = nullptr;

  // The ref of component `id`, or of the subject; nullptr when unknown.
  const std::string* ref_of(std::string_view id) const {
    if (const std::size_t* found = index_of.find(id)) {
      return &refs[*found];
    }
    return subject_id != nullptr && id == *subject_id ? &subject_ref : nullptr;
  }
};

} // namespace mapping_parts

namespace {

using mapping_parts::BomRefs;

BomRefs bom_refs(const model::Document& document) {
  BomRefs out;
  const std::size_t count = document.components.size();
  out.index_of.reserve(count);
  out.refs.resize(count);
  // Views into out.refs, which is sized before any view is taken.
  util::FlatHashMap<std::string_view, bool> used_refs;
  used_refs.reserve(count + 1);
  for (std::size_t i = 0; i < count; ++i) {
    const auto& component = document.components[i];
    std::string& ref = out.refs[i];
    ref = bom_ref(component);
    if (!used_refs.try_emplace(ref).second) {
      // Two components with one purl or one kept bom-ref: ids are unique,
      // unless a kept bom-ref happens to be one.
      ref = component.id;
      for (std::size_t n = 2; !used_refs.try_emplace(ref).second; ++n) {
        ref = component.id + "-" + std::to_string(n);
      }
    }
    out.index_of.try_emplace(component.id, i);
  }
  if (document.metadata.subject) {
    const auto& subject = *document.metadata.subject;
    out.subject_ref = bom_ref(subject);
    if (used_refs.contains(out.subject_ref)) {
      out.subject_ref = subject.id;
    }
    if (used_refs.contains(out.subject_ref)) {
      out.subject_ref = "subject-" + subject.id;
    }
    out.subject_id = &subject.id;
  }
  return out;
}

// The document's metadata (less its subject and licenses); gives the
// properties of the document, the omissions that made it incomplete
// among them.
std::vector<model::Property> map_bom_metadata(const model::DocumentMetadata& metadata,
                                              const Context& context, CdxBom& bom) {
  bom.timestamp = metadata.timestamp;
  std::vector<model::Property> document_properties = metadata.properties;
  for (auto& line : common::omission_lines(metadata)) {
    document_properties.push_back({std::string(common::k_omitted_property), std::move(line)});
  }
  if (metadata.omitted > 0) {
    document_properties.push_back(
        {std::string(common::k_omitted_count_property), std::to_string(metadata.omitted)});
  }
  if (!metadata.lifecycle.empty()) {
    if (context.minor < 5) {
      document_properties.push_back({std::string(property::k_lifecycle), metadata.lifecycle});
    } else if (context.vocabulary.lifecycle_phases.count(metadata.lifecycle) > 0) {
      bom.lifecycle_phases.push_back(metadata.lifecycle);
    } else {
      bom.lifecycle_names.push_back(metadata.lifecycle);
    }
  }
  for (const auto& tool : metadata.tools) {
    bom.tools.push_back(CdxTool{tool.vendor, tool.name, tool.version});
  }
  for (const auto& author : metadata.authors) {
    bom.authors.push_back(contact(author, context.losses));
  }
  return document_properties;
}

} // namespace

// Named (not anonymous): CdxBomMapping::Parts holds one.
namespace mapping_parts {

// Where each component and file goes: components nested in the one that
// contains them, files in the component that owns them (the first, in id
// order, when several do); the rest at the top level.
struct Nesting {
  std::vector<std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  std::vector<std::vector<CdxComponent>> files_of;
  std::vector<CdxComponent> unowned_files;
};

// One component's (or the subject's) dependency entry before it is written:
// its ref and its targets' refs, all pointing into the BomRefs.
struct DependencyEntry {
  const std::string* ref = nullptr;
  std::vector<const std::string*> targets;
};

} // namespace mapping_parts

namespace {

using mapping_parts::DependencyEntry;
using mapping_parts::Nesting;

Nesting nesting_of(const model::Document& document, const BomRefs& refs, Context& context) {
  Nesting nesting;
  const auto parent_of = containment(document, refs.index_of, context);
  nesting.children.resize(document.components.size());
  for (std::size_t i = 0; i < document.components.size(); ++i) {
    auto parent = parent_of.find(i);
    if (parent == parent_of.end()) {
      nesting.roots.push_back(i);
    } else {
      nesting.children[parent->second].push_back(i);
    }
  }
  nesting.files_of.resize(document.components.size());
  for (const auto& file : document.files) {
    std::optional<std::size_t> owner;
    std::vector<std::string> other_owner_refs;
    for (const auto& owner_id : file.owner_ids) {
      const std::size_t* found = refs.index_of.find(owner_id);
      if (found == nullptr) {
        continue;
      }
      if (!owner) {
        owner = *found;
      } else {
        other_owner_refs.push_back(refs.refs[*found]);
      }
    }
    auto out = file_component(file, other_owner_refs, context);
    (owner ? nesting.files_of[*owner] : nesting.unowned_files).push_back(std::move(out));
  }
  return nesting;
}

// Dependencies: every component has an entry, even without edges (an
// empty dependsOn says it depends on nothing we know of), sorted by ref;
// each entry's targets are sorted when it is taken (take_dependency).
std::vector<DependencyEntry> dependency_entries(const model::Document& document,
                                                const BomRefs& refs, LossReport& losses) {
  const std::size_t count = document.components.size();
  std::vector<std::vector<const std::string*>> depends_on(count);
  std::vector<const std::string*> subject_depends_on;
  std::size_t dev = 0;
  std::size_t optional = 0;
  std::size_t describes = 0;
  std::size_t dangling = 0;
  // A document's relationships come sorted by their source: its lookup is
  // made once for all of its edges.
  std::string_view last_from_id;
  const std::size_t* last_from = nullptr;
  for (const auto& relationship : document.relationships) {
    if (relationship.type == model::RelationshipType::contains) {
      continue; // Nesting expresses containment.
    }
    if (last_from_id.data() == nullptr || relationship.from != last_from_id) {
      last_from_id = relationship.from;
      last_from = refs.index_of.find(relationship.from);
    }
    const std::size_t* from = last_from;
    const std::string* to = refs.ref_of(relationship.to);
    bool from_subject =
        from == nullptr && refs.subject_id != nullptr && relationship.from == *refs.subject_id;
    if (to == nullptr || (from == nullptr && !from_subject)) {
      ++dangling;
      continue;
    }
    (from_subject ? subject_depends_on : depends_on[*from]).push_back(to);
    dev += relationship.type == model::RelationshipType::dev_depends_on ? 1 : 0;
    optional += relationship.type == model::RelationshipType::optional_depends_on ? 1 : 0;
    // The subject's describes edges are its dependsOn, which readers take
    // back as describes: only another component's are written as less.
    describes += !from_subject && relationship.type == model::RelationshipType::describes ? 1 : 0;
  }
  losses.add("dev-depends-on relationships written as plain dependsOn", dev);
  losses.add("optional-depends-on relationships written as plain dependsOn", optional);
  losses.add("describes relationships written as plain dependsOn", describes);
  losses.add("relationships to components not in the document", dangling);
  std::vector<std::size_t> by_ref(count);
  std::iota(by_ref.begin(), by_ref.end(), std::size_t{0});
  std::sort(by_ref.begin(), by_ref.end(),
            [&](std::size_t a, std::size_t b) { return refs.refs[a] < refs.refs[b]; });
  std::vector<DependencyEntry> entries;
  entries.reserve(count + 1);
  bool subject_written = refs.subject_ref.empty();
  for (std::size_t index : by_ref) {
    if (!subject_written && refs.subject_ref < refs.refs[index]) {
      entries.push_back({&refs.subject_ref, std::move(subject_depends_on)});
      subject_written = true;
    }
    entries.push_back({&refs.refs[index], std::move(depends_on[index])});
  }
  if (!subject_written) {
    entries.push_back({&refs.subject_ref, std::move(subject_depends_on)});
  }
  return entries;
}

// One composition says how complete the inventory is, and never claims
// more than the scan knew.
CdxComposition composition_of(model::Completeness completeness, const BomRefs& refs,
                              const std::vector<std::size_t>& roots) {
  CdxComposition composition;
  switch (completeness) {
  case model::Completeness::complete:
    composition.aggregate = "complete";
    break;
  case model::Completeness::incomplete:
    composition.aggregate = "incomplete";
    break;
  case model::Completeness::unknown:
    composition.aggregate = "unknown";
    break;
  }
  if (!refs.subject_ref.empty()) {
    composition.assemblies.push_back(refs.subject_ref);
    composition.dependencies.push_back(refs.subject_ref);
  } else {
    for (std::size_t root : roots) {
      composition.assemblies.push_back(refs.refs[root]);
    }
  }
  return composition;
}

} // namespace

std::string bom_ref(const model::Component& component) {
  if (!component.bom_ref.empty()) {
    return component.bom_ref;
  }
  return component.purl.empty() ? component.id : component.purl;
}

struct CdxBomMapping::Parts {
  Parts(const model::Document& of, std::string_view version)
      : document(of), minor(minor_version(version)), vocabulary(cyclonedx::vocabulary(version)) {}

  const model::Document& document;
  int minor;
  const CdxVocabulary& vocabulary;
  CdxBom bom;
  BomRefs refs;
  LicenseRefs license_refs;
  Nesting nesting;
  std::vector<DependencyEntry> dependencies;

  // Component `index` of the document with what it contains. Depth is
  // capped by containment(), so this recursion is bounded.
  CdxComponent build(std::size_t index, Context& context) {
    CdxComponent out = map_component(document.components[index], refs.refs[index], context);
    for (std::size_t child : nesting.children[index]) {
      out.components.push_back(build(child, context));
    }
    for (auto& file : nesting.files_of[index]) {
      out.components.push_back(std::move(file));
    }
    return out;
  }
};

CdxBomMapping::CdxBomMapping(const model::Document& document, std::string_view version,
                             LossReport& losses)
    : m_parts(std::make_unique<Parts>(document, version)) {
  Parts& parts = *m_parts;
  Context context{parts.minor, parts.vocabulary, losses};
  CdxBom& bom = parts.bom;
  bom.spec_version = std::string(version);
  parts.refs = bom_refs(document);
  std::vector<model::Property> document_properties =
      map_bom_metadata(document.metadata, context, bom);
  parts.license_refs = license_refs_of(document, context.minor, document_properties);
  context.license_refs = &parts.license_refs;
  if (document.metadata.subject) {
    bom.component = map_component(*document.metadata.subject, parts.refs.subject_ref, context);
  }
  std::sort(document_properties.begin(), document_properties.end());
  for (auto& property : document_properties) {
    bom.metadata_properties.push_back({property.name, property.value});
  }
  if (document.components.size() >= k_two_halves_threshold) {
    // The dependencies read only the document and the refs, and fill their
    // own part of the BOM: a big document's are gathered beside the
    // nesting, counting their losses apart; the counts are merged
    // afterwards.
    LossReport dependency_losses;
    run_side_by_side(
        [&] { parts.nesting = nesting_of(document, parts.refs, context); },
        [&] { parts.dependencies = dependency_entries(document, parts.refs, dependency_losses); });
    losses.merge(dependency_losses);
  } else {
    parts.nesting = nesting_of(document, parts.refs, context);
    parts.dependencies = dependency_entries(document, parts.refs, losses);
  }
  bom.compositions.push_back(
      composition_of(document.metadata.completeness, parts.refs, parts.nesting.roots));
}

CdxBomMapping::~CdxBomMapping() = default;

CdxBom& CdxBomMapping::bom() {
  return m_parts->bom;
}

std::size_t CdxBomMapping::component_count() const {
  return m_parts->nesting.roots.size() + m_parts->nesting.unowned_files.size();
}

CdxComponent CdxBomMapping::take_component(std::size_t index, LossReport& losses) {
  Parts& parts = *m_parts;
  const std::size_t roots = parts.nesting.roots.size();
  if (index >= roots) {
    return std::move(parts.nesting.unowned_files[index - roots]);
  }
  Context context{parts.minor, parts.vocabulary, losses, &parts.license_refs};
  return parts.build(parts.nesting.roots[index], context);
}

std::size_t CdxBomMapping::dependency_count() const {
  return m_parts->dependencies.size();
}

CdxDependencyView CdxBomMapping::take_dependency(std::size_t index) {
  DependencyEntry& entry = m_parts->dependencies[index];
  std::vector<const std::string*>& targets = entry.targets;
  const auto by_text = [](const std::string* a, const std::string* b) { return *a < *b; };
  const auto same_text = [](const std::string* a, const std::string* b) { return *a == *b; };
  std::sort(targets.begin(), targets.end(), by_text);
  targets.erase(std::unique(targets.begin(), targets.end(), same_text), targets.end());
  return {*entry.ref, targets};
}

CdxBom to_cyclonedx(const model::Document& document, std::string_view version, LossReport& losses) {
  CdxBomMapping mapping(document, version, losses);
  CdxBom& bom = mapping.bom();
  const std::size_t count = mapping.component_count();
  bom.components.resize(count);
  // Each top-level component (with what it contains) maps on its own, so a
  // big document's second half is mapped on a second thread, with its own
  // loss report merged afterwards: the output is the same either way.
  if (count >= k_two_halves_threshold) {
    common::run_in_two_halves(count, losses,
                              [&](std::size_t begin, std::size_t end, LossReport& half_losses) {
                                for (std::size_t i = begin; i < end; ++i) {
                                  bom.components[i] = mapping.take_component(i, half_losses);
                                }
                              });
  } else {
    for (std::size_t i = 0; i < count; ++i) {
      bom.components[i] = mapping.take_component(i, losses);
    }
  }
  bom.dependencies.reserve(mapping.dependency_count());
  for (std::size_t i = 0; i < mapping.dependency_count(); ++i) {
    const CdxDependencyView entry = mapping.take_dependency(i);
    CdxDependency& dependency = bom.dependencies.emplace_back(CdxDependency{entry.ref, {}});
    dependency.depends_on.reserve(entry.depends_on.size());
    for (const std::string* target : entry.depends_on) {
      dependency.depends_on.push_back(*target);
    }
  }
  return std::move(bom);
}

} // namespace kensa::format::cyclonedx
