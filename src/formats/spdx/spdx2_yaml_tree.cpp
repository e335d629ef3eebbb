// SPDX 2 YAML into the SPDX JSON tree (see spdx2_tree.hpp), through
// libyaml's event parser. YAML is a superset of the JSON structure SPDX
// defines, so the conversion is event for event, straight into the flat
// tree; only scalars need a decision (see write_scalar). A 100,000-package
// document is read in about a second, where building a yaml-cpp node tree
// first took fifteen.
#include <kensa/format/spdx2_tree.hpp>
#include <kensa/util/json_builder.hpp>

#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kensa::format {

namespace {

// What the converter needs of a libyaml event. `Text` is std::string_view
// for an event as it is read (valid until the next one is), std::string for
// one kept so that an anchored node can be written again where an alias
// names it.
template <typename Text>
struct YamlEvent {
  yaml_event_type_t type = YAML_NO_EVENT;
  Text value;
  // Plain and untagged: the core schema decides what the scalar is.
  bool plain = false;
  // 1-based.
  std::size_t line = 0;
  Text anchor;

  template <typename Other>
  static YamlEvent of(const YamlEvent<Other>& other) {
    return {other.type, Text(other.value), other.plain, other.line, Text(other.anchor)};
  }

  bool starts_collection() const {
    return type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT;
  }
  bool ends_collection() const {
    return type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT;
  }
};

using EventView = YamlEvent<std::string_view>;
using KeptEvent = YamlEvent<std::string>;

EventView view_of(const yaml_event_t& event) {
  EventView view;
  view.type = event.type;
  view.line = event.start_mark.line + 1;
  const auto text = [](const yaml_char_t* bytes) {
    return bytes == nullptr ? std::string_view()
                            : std::string_view(reinterpret_cast<const char*>(bytes));
  };
  switch (event.type) {
  case YAML_SCALAR_EVENT:
    view.value = std::string_view(reinterpret_cast<const char*>(event.data.scalar.value),
                                  event.data.scalar.length);
    view.plain =
        event.data.scalar.plain_implicit != 0 && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    view.anchor = text(event.data.scalar.anchor);
    break;
  case YAML_ALIAS_EVENT:
    view.anchor = text(event.data.alias.anchor);
    break;
  case YAML_SEQUENCE_START_EVENT:
    view.anchor = text(event.data.sequence_start.anchor);
    break;
  case YAML_MAPPING_START_EVENT:
    view.anchor = text(event.data.mapping_start.anchor);
    break;
  default:
    break;
  }
  return view;
}

// YAML 1.2 core schema for plain scalars; quoted or explicitly tagged
// scalars are strings, so "1.0" stays the text an SPDX versionInfo wants.
void write_scalar(const EventView& scalar, json::Builder& out) {
  const std::string_view text = scalar.value;
  if (!scalar.plain) {
    out.string(text);
    return;
  }
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    out.null();
    return;
  }
  if (text == "true" || text == "True" || text == "TRUE") {
    out.boolean(true);
    return;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    out.boolean(false);
    return;
  }
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const char* digits = *begin == '-' || *begin == '+' ? begin + 1 : begin;
  if (digits != end && *digits >= '0' && *digits <= '9') {
    long long integer = 0;
    auto parsed = std::from_chars(*begin == '+' ? begin + 1 : begin, end, integer);
    if (parsed.ec == std::errc() && parsed.ptr == end) {
      out.integer(integer);
      return;
    }
    double real = 0;
    auto parsed_real = std::from_chars(*begin == '+' ? begin + 1 : begin, end, real);
    if (parsed_real.ec == std::errc() && parsed_real.ptr == end) {
      out.real(real);
      return;
    }
  }
  out.string(text);
}

// The events of one YAML document, from libyaml or, for an alias, from the
// anchored node's recording.
class EventSource {
 public:
  explicit EventSource(std::string_view text) {
    yaml_parser_initialize(&m_parser);
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  EventSource(const EventSource&) = delete;
  EventSource& operator=(const EventSource&) = delete;
  ~EventSource() {
    release_current();
    yaml_parser_delete(&m_parser);
  }

  // The next event, or a failure naming the line.
  Result<EventView> next() {
    release_current();
    if (!m_replay.empty()) {
      Replay& replay = m_replay.back();
      m_replayed = (*replay.events)[replay.next++];
      if (replay.next == replay.events->size()) {
        m_replay.pop_back();
      }
      m_expanded_bytes += cost_of(m_replayed);
      const auto view = EventView::of(m_replayed);
      record(view, true);
      return view;
    }
    if (yaml_parser_parse(&m_parser, &m_current) == 0) {
      return fail("line " + std::to_string(m_parser.problem_mark.line + 1) + ": " +
                  (m_parser.problem != nullptr ? m_parser.problem : "not YAML"));
    }
    m_has_current = true;
    const EventView view = view_of(m_current);
    record(view, false);
    return view;
  }

  // Makes the events of the node anchored as `anchor` come next (an
  // alias); false when no node has that anchor.
  bool replay(std::string_view anchor) {
    auto found = m_anchored.find(std::string(anchor));
    if (found == m_anchored.end() || found->second->empty()) {
      return false;
    }
    m_replay.push_back({found->second, 0});
    return true;
  }

  // Events recorded for anchors, all together: aliases can make a small
  // text a huge tree, so recordings count toward the node limit too.
  std::size_t recorded() const { return m_recorded; }

  // Bytes aliases have added so far: the events written again for them and
  // the copies kept to be written again, each with its text. Nodes alone
  // do not bound memory: one alias of a 1 MB scalar is one node.
  std::size_t expanded_bytes() const { return m_expanded_bytes; }

 private:
  struct Recording {
    std::shared_ptr<std::vector<KeptEvent>> events;
    // Open collections inside the recorded node; it ends at zero.
    std::size_t open = 0;
  };
  struct Replay {
    std::shared_ptr<std::vector<KeptEvent>> events;
    std::size_t next = 0;
  };

  // What keeping or writing again one event costs, roughly: its text and
  // the structures that hold it.
  template <typename Text>
  static std::size_t cost_of(const YamlEvent<Text>& event) {
    return sizeof(KeptEvent) + event.value.size() + event.anchor.size();
  }

  void release_current() {
    if (m_has_current) {
      yaml_event_delete(&m_current);
      m_has_current = false;
    }
  }

  // Adds the event to the recordings of the anchored nodes it is inside,
  // and starts one when it begins an anchored node (not again when it is
  // itself written again for an alias). Documents without anchors, nearly
  // all of them, copy nothing here.
  void record(const EventView& view, bool replayed) {
    const bool anchors = !view.anchor.empty() && !replayed &&
                         (view.type == YAML_SCALAR_EVENT || view.starts_collection());
    if (m_recording.empty() && !anchors) {
      return;
    }
    for (auto& recording : m_recording) {
      recording.events->push_back(KeptEvent::of(view));
      ++m_recorded;
      m_expanded_bytes += cost_of(view);
      if (view.starts_collection()) {
        ++recording.open;
      } else if (view.ends_collection()) {
        --recording.open;
      }
    }
    std::erase_if(m_recording, [](const Recording& recording) { return recording.open == 0; });
    if (anchors) {
      auto events = std::make_shared<std::vector<KeptEvent>>();
      events->push_back(KeptEvent::of(view));
      ++m_recorded;
      m_expanded_bytes += cost_of(view);
      m_anchored[std::string(view.anchor)] = events;
      if (view.starts_collection()) {
        m_recording.push_back({events, 1});
      }
    }
  }

  yaml_parser_t m_parser{};
  yaml_event_t m_current{};
  bool m_has_current = false;
  KeptEvent m_replayed;
  std::map<std::string, std::shared_ptr<std::vector<KeptEvent>>> m_anchored;
  std::vector<Recording> m_recording;
  std::vector<Replay> m_replay;
  std::size_t m_recorded = 0;
  std::size_t m_expanded_bytes = 0;
};

// The bytes aliases may add to `text` (see Spdx2TreeLimits).
std::size_t alias_budget(std::string_view text, const Spdx2TreeLimits& limits) {
  const std::size_t factor = std::max<std::size_t>(limits.alias_expansion_factor, 1);
  const std::size_t proportional =
      text.size() > SIZE_MAX / factor ? SIZE_MAX : text.size() * factor;
  return std::min(std::max(proportional, limits.min_alias_expansion), limits.max_alias_expansion);
}

class YamlConverter {
 public:
  YamlConverter(std::string_view text, Spdx2Tree& tree, const Spdx2TreeLimits& limits)
      : m_events(text), m_tree(tree), m_limits(limits), m_alias_budget(alias_budget(text, limits)) {
  }

  Status convert(json::Builder& out) {
    // Stream start, document start, then the root node.
    for (;;) {
      auto event = next_event();
      if (!event.ok()) {
        return fail(event.error());
      }
      if (event->type == YAML_STREAM_END_EVENT) {
        return fail("line 1: the document is not a YAML mapping");
      }
      if (event->type == YAML_DOCUMENT_START_EVENT) {
        break;
      }
    }
    auto root = next_node_start();
    if (!root.ok()) {
      return fail(root.error());
    }
    if (root->type != YAML_MAPPING_START_EVENT) {
      return fail("line 1: the document is not a YAML mapping");
    }
    // Later documents in the stream are not read.
    return convert_node(*root, out, 0, 0);
  }

 private:
  Result<EventView> next_event() {
    auto event = m_events.next();
    if (event.ok() && m_events.recorded() > m_limits.max_elements) {
      return fail("more than " + std::to_string(m_limits.max_elements) + " YAML nodes");
    }
    if (event.ok() && m_events.expanded_bytes() > m_alias_budget) {
      // A replayed event has the anchored node's line; the alias that
      // asked for it is where the document went too far.
      return fail("line " + std::to_string(m_alias_line != 0 ? m_alias_line : event->line) +
                  ": aliases expand the document by more than " + std::to_string(m_alias_budget) +
                  " bytes (" + std::to_string(m_limits.alias_expansion_factor) +
                  " times its size, at least " + std::to_string(m_limits.min_alias_expansion) +
                  ", at most " + std::to_string(m_limits.max_alias_expansion) + ")");
    }
    return event;
  }

  // The next event that starts or ends a node, aliases followed.
  Result<EventView> next_node_start() {
    for (;;) {
      auto event = next_event();
      if (!event.ok() || event->type != YAML_ALIAS_EVENT) {
        return event;
      }
      m_alias_line = event->line;
      if (!m_events.replay(event->anchor)) {
        problem(event->line,
                "alias *" + std::string(event->anchor) + " names no anchor; read as null");
        EventView null_scalar;
        null_scalar.type = YAML_SCALAR_EVENT;
        null_scalar.plain = true;
        null_scalar.line = event->line;
        return null_scalar;
      }
    }
  }

  // Writes the node `start` begins into `out`; `line_of_key` is the line to
  // note for it when it is null (an empty value takes its key's). `start`
  // is used up before the next event is read.
  Status convert_node(const EventView& start, json::Builder& out, std::size_t depth,
                      std::size_t line_of_key) {
    // Aliases can make a small text a huge tree: every node converted
    // counts, including repeats.
    if (++m_nodes > m_limits.max_elements) {
      return fail("more than " + std::to_string(m_limits.max_elements) + " YAML nodes");
    }
    if (depth > m_limits.max_depth) {
      return fail("line " + std::to_string(start.line) + ": nested deeper than " +
                  std::to_string(m_limits.max_depth));
    }
    std::size_t line = start.line;
    const bool null_value = start.type == YAML_SCALAR_EVENT && start.plain &&
                            (start.value.empty() || start.value == "~" || start.value == "null");
    if (null_value && line_of_key != 0) {
      line = line_of_key;
    }
    note_line(out, line);
    switch (start.type) {
    case YAML_SCALAR_EVENT:
      write_scalar(start, out);
      return ok_status();
    case YAML_SEQUENCE_START_EVENT: {
      out.begin_array();
      for (;;) {
        auto item = next_node_start();
        if (!item.ok()) {
          return fail(item.error());
        }
        if (item->type == YAML_SEQUENCE_END_EVENT) {
          break;
        }
        if (auto status = convert_node(*item, out, depth + 1, 0); !status.ok()) {
          return status;
        }
      }
      out.end();
      return ok_status();
    }
    case YAML_MAPPING_START_EVENT:
      return convert_mapping(out, depth);
    default:
      out.null();
      return ok_status();
    }
  }

  Status convert_mapping(json::Builder& out, std::size_t depth) {
    out.begin_object();
    // A mapping has a dozen keys or so; they are told apart by a 64-bit
    // hash of each (a false "given twice" needs two keys of one mapping to
    // collide).
    std::vector<std::size_t> keys;
    for (;;) {
      auto key = next_node_start();
      if (!key.ok()) {
        return fail(key.error());
      }
      if (key->type == YAML_MAPPING_END_EVENT) {
        break;
      }
      if (key->type != YAML_SCALAR_EVENT) {
        problem(key->line, "a mapping key that is not text; skipped");
        if (auto status = skip(*key); !status.ok()) {
          return status;
        }
        auto value = next_node_start();
        if (!value.ok()) {
          return fail(value.error());
        }
        if (auto status = skip(*value); !status.ok()) {
          return status;
        }
        continue;
      }
      const std::size_t key_hash = std::hash<std::string_view>{}(key->value);
      if (std::find(keys.begin(), keys.end(), key_hash) != keys.end()) {
        problem(key->line,
                "key \"" + std::string(key->value) + "\" given twice; the last value is kept");
      } else {
        keys.push_back(key_hash);
      }
      out.key(key->value);
      const std::size_t key_line = key->line;
      auto value = next_node_start();
      if (!value.ok()) {
        return fail(value.error());
      }
      if (auto status = convert_node(*value, out, depth + 1, key_line); !status.ok()) {
        return status;
      }
    }
    out.end();
    return ok_status();
  }

  // Reads past the rest of the node `start` begins.
  Status skip(const EventView& start) {
    std::size_t open = start.starts_collection() ? 1 : 0;
    while (open > 0) {
      auto event = next_node_start();
      if (!event.ok()) {
        return fail(event.error());
      }
      if (event->starts_collection()) {
        ++open;
      } else if (event->ends_collection()) {
        --open;
      }
      if (open > m_limits.max_depth) {
        return fail("line " + std::to_string(event->line) + ": nested deeper than " +
                    std::to_string(m_limits.max_depth));
      }
    }
    return ok_status();
  }

  void note_line(const json::Builder& out, std::size_t line) {
    if (line == 0) {
      return;
    }
    const std::uint32_t index = out.next_node();
    if (m_tree.node_lines.size() <= index) {
      m_tree.node_lines.resize(index + 1);
    }
    m_tree.node_lines[index] = static_cast<std::uint32_t>(line);
  }

  void problem(std::size_t line, std::string message) {
    if (m_tree.problems.size() < m_limits.max_problems) {
      m_tree.problems.push_back({line, std::move(message)});
    }
  }

  EventSource m_events;
  Spdx2Tree& m_tree;
  const Spdx2TreeLimits& m_limits;
  const std::size_t m_alias_budget;
  // The line of the last alias followed.
  std::size_t m_alias_line = 0;
  std::size_t m_nodes = 0;
};

} // namespace

Result<Spdx2Tree> read_spdx2_yaml_tree(std::string_view text, const Spdx2TreeLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return fail("larger than " + std::to_string(limits.max_bytes) + " bytes");
  }
  Spdx2Tree tree;
  json::Builder builder;
  // Room for what a typical SPDX YAML text of this size holds (a value or
  // key per 20 bytes or so), so that a big one does not grow its arrays
  // by doubling; pages are only touched as they fill.
  builder.reserve(text.size() / 16, text.size() / 64, text.size() / 2);
  tree.node_lines.reserve(text.size() / 16);
  YamlConverter converter(text, tree, limits);
  if (auto status = converter.convert(builder); !status.ok()) {
    return fail(status.error());
  }
  tree.document = std::move(builder).finish();
  if (tree.node_lines.empty()) {
    tree.node_lines.resize(1);
  }
  tree.node_lines[0] = 1;
  return tree;
}

} // namespace kensa::format
