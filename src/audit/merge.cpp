#include <kensa/audit/merge.hpp>
#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/util/flat_hash_map.hpp>
#include <kensa/util/two_halves.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace kensa::audit {

// Named, not anonymous: DocumentMerger::State holds a Merger.
namespace merge_parts {

using model::Component;
using model::Document;

constexpr std::string_view k_conflict_prefix = "kensa:merge:conflict:";

template <typename T>
void append_new(std::vector<T>& into, const std::vector<T>& from) {
  for (const auto& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) {
      into.push_back(item);
    }
  }
}

bool same_tool(const model::Tool& a, const model::Tool& b) {
  return a.vendor == b.vendor && a.name == b.name && a.version == b.version;
}

// Where each merged component's values came from first, to credit them
// when a later input disagrees.
class ConflictRecorder {
 public:
  // Before `incoming` (from `source`) is merged into `existing`: the values
  // merge_component would drop are kept as properties of `incoming`,
  // which the merge unites into `existing`.
  void record(const Component& existing, Component& incoming, const std::string& source) {
    const std::string& first = m_sources.at(m_first_source.at(existing.id));
    auto conflict = [&](std::string_view field, const std::string& kept, const std::string& other) {
      if (kept.empty() || other.empty() || kept == other) {
        return;
      }
      const std::string name = std::string(k_conflict_prefix) + std::string(field);
      incoming.add_property(name, kept + " (from " + first + ")");
      incoming.add_property(name, other + " (from " + source + ")");
    };
    conflict("supplier", existing.supplier.name, incoming.supplier.name);
    conflict("description", existing.description, incoming.description);
    for (const auto& hash : incoming.hashes) {
      for (const auto& kept : existing.hashes) {
        if (kept.algorithm == hash.algorithm && kept.hex != hash.hex) {
          conflict(std::string("hash:") + std::string(model::hash_algorithm_name(hash.algorithm)),
                   kept.hex, hash.hex);
        }
      }
    }
  }
  // False when `id` was seen before (its first source stays).
  bool first_seen(const std::string& id, const std::string& source) {
    // Inputs come one after the other: a new source is the last one.
    if (m_sources.empty() || m_sources.back() != source) {
      m_sources.push_back(source);
    }
    return m_first_source.try_emplace(id, m_sources.size() - 1).second;
  }

 private:
  // Each component's first source as an index into m_sources: one copy of
  // an input's name, not one per component.
  util::FlatHashMap<std::string, std::size_t> m_first_source;
  std::vector<std::string> m_sources;
};

// The id each of `components` takes in the merge, a big list's second half
// on a second thread (an id is a SHA-256 digest).
std::vector<std::string> ids_of(const std::vector<Component>& components) {
  std::vector<std::string> ids(components.size());
  const auto identify = [&](std::size_t begin, std::size_t end, int /*half*/) {
    for (std::size_t i = begin; i < end; ++i) {
      ids[i] = model::component_id(components[i]);
    }
  };
  if (components.size() >= k_two_halves_threshold) {
    run_in_two_halves(components.size(), identify);
  } else {
    identify(0, components.size(), 0);
  }
  return ids;
}

// A document's own component ids that differ from the ones its components
// take in the merge, to the merge's. A component without a purl can have
// one: its id digests its first evidence, and a reader takes it before the
// document's evidence is sorted. The document's edges and files name its
// own ids, and would otherwise point at nothing.
using IdRenames = std::unordered_map<std::string, std::string>;

IdRenames renames_of(const std::vector<Component>& components,
                     const std::vector<std::string>& ids) {
  IdRenames renamed;
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (!components[i].id.empty() && components[i].id != ids[i]) {
      renamed.emplace(components[i].id, ids[i]);
    }
  }
  return renamed;
}

void rename(std::string& id, const IdRenames& renamed) {
  if (renamed.empty()) {
    return;
  }
  if (auto found = renamed.find(id); found != renamed.end()) {
    id = found->second;
  }
}

class Merger {
 public:
  // Adds `component`, recording conflicts; returns its id.
  std::string add(Component component, const std::string& source) {
    component.id = model::component_id(component);
    return add_identified(std::move(component), source);
  }

  // add() for a component that has its id already (ids_of()).
  std::string add_identified(Component component, const std::string& source) {
    if (const Component* existing = m_graph.find(component.id)) {
      m_conflicts.record(*existing, component, source);
    } else {
      m_conflicts.first_seen(component.id, source);
    }
    return m_graph.add_identified(std::move(component));
  }

  // add_identified() for each of `components` (given their ids by
  // ids_of()) when nothing was added yet and no two have one id (a
  // document read is so), so that nothing conflicts: the list becomes the
  // merged graph's own instead of being moved into it one by one. False,
  // with nothing added, otherwise.
  bool add_all_to_empty(std::vector<Component>& components, const std::string& source) {
    if (m_graph.component_count() > 0) {
      return false;
    }
    // A duplicate would merge with a record of its conflicts: add() does
    // that. The ids seen first here are seen first there too.
    for (const Component& component : components) {
      if (!m_conflicts.first_seen(component.id, source)) {
        return false;
      }
    }
    m_graph.add_identified_all(std::move(components));
    components.clear();
    return true;
  }

  // Adds the components, relationships and files of `document` (from the
  // input `name`); a document handed over (an rvalue) is moved from, not
  // copied.
  template <typename InputDocument>
  void add_input(const std::string& name, InputDocument&& document, const std::string& subject_id,
                 const std::string& assembly_id) {
    constexpr bool handed_over = !std::is_lvalue_reference_v<InputDocument> &&
                                 !std::is_const_v<std::remove_reference_t<InputDocument>>;
    const auto take = [](auto& item) -> decltype(auto) {
      if constexpr (handed_over) {
        return std::move(item);
      } else {
        return std::as_const(item);
      }
    };
    std::vector<std::string> ids = ids_of(document.components);
    const IdRenames renamed = renames_of(document.components, ids);
    const auto add_components = [&] {
      bool added_at_once = false;
      if constexpr (handed_over) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
          document.components[i].id = std::move(ids[i]);
        }
        added_at_once = assembly_id.empty() && add_all_to_empty(document.components, name);
      }
      if (added_at_once) {
        return;
      }
      for (std::size_t i = 0; i < document.components.size(); ++i) {
        Component component(take(document.components[i]));
        if constexpr (!handed_over) {
          component.id = std::move(ids[i]);
        }
        const std::string id = add_identified(std::move(component), name);
        if (!assembly_id.empty() && id != assembly_id) {
          m_graph.relate(assembly_id, id, model::RelationshipType::contains);
        }
      }
    };
    const std::string input_subject =
        document.metadata.subject ? document.metadata.subject->id : std::string();
    const auto add_relationships = [&] {
      for (auto& relationship : document.relationships) {
        std::string from(take(relationship.from));
        model::RelationshipType type = relationship.type;
        // What the input's subject said of its components, the merged
        // document's subject says now; in an assembly, which is a component
        // and describes nothing, what it described is what it depends on
        // (that it holds them, its contains edges say).
        if (!input_subject.empty() && from == input_subject) {
          from = assembly_id.empty() ? subject_id : assembly_id;
          if (!assembly_id.empty() && type == model::RelationshipType::describes) {
            type = model::RelationshipType::depends_on;
          }
        } else {
          rename(from, renamed);
        }
        std::string to(take(relationship.to));
        rename(to, renamed);
        m_graph.relate(std::move(from), std::move(to), type);
      }
    };
    if (assembly_id.empty() && document.components.size() >= k_two_halves_threshold) {
      // Relating touches only the graph's relationships (graph.hpp), and
      // without an assembly the components relate nothing: a big input's
      // relationships are added beside its components, in the same order.
      run_side_by_side(add_components, add_relationships);
    } else {
      add_components();
      add_relationships();
    }
    for (auto& each : document.files) {
      model::FileEntry file(take(each));
      for (auto& owner : file.owner_ids) {
        rename(owner, renamed);
      }
      m_graph.add_file(std::move(file));
    }
    for (const auto& omission : document.metadata.omissions) {
      m_graph.add_omission(omission);
    }
    m_omitted_unnamed += document.metadata.omitted > document.metadata.omissions.size()
                             ? document.metadata.omitted - document.metadata.omissions.size()
                             : 0;
    for (const auto& diagnostic : document.diagnostics) {
      m_graph.add_diagnostic(diagnostic);
    }
  }

  model::ComponentGraph& graph() { return m_graph; }
  std::uint64_t omitted_unnamed() const { return m_omitted_unnamed; }

 private:
  model::ComponentGraph m_graph;
  ConflictRecorder m_conflicts;
  std::uint64_t m_omitted_unnamed = 0;
};

// The component that stands for one input in a hierarchical merge: its
// subject, or one named after the input.
Component assembly_of(const MergeInput& input) {
  if (input.document->metadata.subject) {
    return *input.document->metadata.subject;
  }
  Component assembly;
  assembly.type = model::ComponentType::application;
  assembly.name = input.name;
  return assembly;
}

// What a later input adds to the metadata: its tools, authors and
// properties, its lifecycle when none is known yet.
void add_metadata(model::DocumentMetadata& metadata, const model::DocumentMetadata& each) {
  for (const auto& tool : each.tools) {
    if (std::none_of(metadata.tools.begin(), metadata.tools.end(),
                     [&](const model::Tool& known) { return same_tool(known, tool); })) {
      metadata.tools.push_back(tool);
    }
  }
  append_new(metadata.authors, each.authors);
  append_new(metadata.properties, each.properties);
  if (metadata.lifecycle.empty()) {
    metadata.lifecycle = each.lifecycle;
  }
}

// The merged document's subject: the first input's, renamed when the
// options say so; a new one for a hierarchical merge.
std::optional<Component> merged_subject(const std::optional<Component>& first,
                                        const MergeOptions& options) {
  const bool named = !options.source_name.empty() || !options.source_version.empty();
  if (!options.hierarchical && !named) {
    return first;
  }
  model::Component subject;
  if (!options.hierarchical && first) {
    subject = *first;
  } else {
    subject.type = model::ComponentType::application;
    subject.name = "merged";
  }
  if (!options.source_name.empty()) {
    subject.name = options.source_name;
    subject.purl.clear();
  }
  if (!options.source_version.empty()) {
    subject.version = options.source_version;
    subject.purl.clear();
  }
  subject.id = model::component_id(subject);
  return subject;
}

} // namespace merge_parts

struct DocumentMerger::State {
  MergeOptions options;
  merge_parts::Merger merger;
  std::optional<model::DocumentMetadata> metadata;
  std::string subject_id;
  // The assembly of the input being added (hierarchical merges).
  std::string assembly_id;
  bool all_complete = true;
  bool any_incomplete = false;
};

DocumentMerger::DocumentMerger(MergeOptions options) : m_state(std::make_unique<State>()) {
  m_state->options = std::move(options);
}

DocumentMerger::~DocumentMerger() = default;

void DocumentMerger::add(const MergeInput& input) {
  add_metadata_of(input);
  m_state->merger.add_input(input.name, *input.document, m_state->subject_id, m_state->assembly_id);
}

void DocumentMerger::add(const std::string& name, model::Document&& document) {
  add_metadata_of({name, &document});
  m_state->merger.add_input(name, std::move(document), m_state->subject_id, m_state->assembly_id);
}

void DocumentMerger::add_metadata_of(const MergeInput& input) {
  State& state = *m_state;
  const model::DocumentMetadata& each = input.document->metadata;
  if (!state.metadata) {
    state.metadata.emplace();
    state.metadata->timestamp = each.timestamp;
    state.metadata->subject = merge_parts::merged_subject(each.subject, state.options);
    state.subject_id = state.metadata->subject ? state.metadata->subject->id : std::string();
  }
  merge_parts::add_metadata(*state.metadata, each);
  state.all_complete = state.all_complete && each.completeness == model::Completeness::complete;
  state.any_incomplete =
      state.any_incomplete || each.completeness == model::Completeness::incomplete;

  state.assembly_id.clear();
  if (state.options.hierarchical) {
    state.assembly_id = state.merger.add(merge_parts::assembly_of(input), input.name);
    state.merger.graph().relate(state.subject_id, state.assembly_id,
                                model::RelationshipType::contains);
  } else if (each.subject && each.subject->id != state.subject_id) {
    // A later input's subject is kept as a component: it is part of what
    // was merged.
    state.merger.add(*each.subject, input.name);
  }
}

model::Document DocumentMerger::finish() && {
  State& state = *m_state;
  model::DocumentMetadata metadata =
      state.metadata ? std::move(*state.metadata) : model::DocumentMetadata{};
  metadata.completeness = state.any_incomplete                   ? model::Completeness::incomplete
                          : state.all_complete && state.metadata ? model::Completeness::complete
                                                                 : model::Completeness::unknown;
  model::Document merged = std::move(state.merger.graph()).finish(std::move(metadata));
  merged.metadata.omitted += state.merger.omitted_unnamed();
  return merged;
}

model::Document merge_documents(std::span<const MergeInput> inputs, const MergeOptions& options) {
  if (inputs.empty()) {
    return {};
  }
  DocumentMerger merger(options);
  for (const auto& input : inputs) {
    merger.add(input);
  }
  return std::move(merger).finish();
}

} // namespace kensa::audit
