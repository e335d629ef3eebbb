#include "yaml_text.hpp"

#include <kensa/scanner/file_report.hpp>

#include <yaml.h>

#include <limits>
#include <unordered_map>

namespace kensa::scanner {

namespace detail {

// Nodes in document order; a collection's children are node indices in
// `links` (a map's as key, value, key, value...), so an alias is just the
// index of the node it names. Scalars' text is in one buffer.
struct YamlStorage {
  struct Node {
    YamlKind kind = YamlKind::null;
    std::uint32_t line = 0;
    // Scalars: the text's length. Collections: items, or entries of a map.
    std::uint32_t size = 0;
    // Scalars: offset in `text`. Collections: offset in `links`.
    std::size_t offset = 0;
  };
  std::vector<Node> nodes;
  std::vector<std::uint32_t> links;
  std::string text;
  std::uint32_t root = 0;
};

} // namespace detail

namespace {

using Storage = detail::YamlStorage;

// A document that is refused: where and why.
struct Refusal {
  std::size_t line = 0;
  std::string why;
};

// Builds a YamlStorage from libyaml's events, the first document only.
class YamlTreeBuilder {
 public:
  YamlTreeBuilder(std::string_view text, Storage& storage) : m_storage(storage) {
    yaml_parser_initialize(&m_parser);
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    // Lockfiles have about one node per 20 bytes; the text buffer never
    // needs more than the file.
    m_storage.nodes.reserve(text.size() / 24 + 1);
    m_storage.text.reserve(text.size() / 2);
  }
  YamlTreeBuilder(const YamlTreeBuilder&) = delete;
  YamlTreeBuilder& operator=(const YamlTreeBuilder&) = delete;
  ~YamlTreeBuilder() { yaml_parser_delete(&m_parser); }

  // Reads the document; a Refusal when it is malformed or too costly.
  std::optional<Refusal> build() {
    bool more = true;
    while (more) {
      yaml_event_t event;
      if (yaml_parser_parse(&m_parser, &event) == 0) {
        return Refusal{m_parser.problem_mark.line + 1,
                       std::string("not valid YAML: ") +
                           (m_parser.problem != nullptr ? m_parser.problem : "unreadable")};
      }
      auto refusal = take(event, more);
      yaml_event_delete(&event);
      if (refusal) {
        return refusal;
      }
    }
    if (!m_has_root) {
      m_storage.root = add_node(YamlKind::null, 1);
    }
    return std::nullopt;
  }

 private:
  // A collection still open.
  struct Open {
    std::uint32_t node;
    // Where its children start in m_pending.
    std::size_t pending_start;
    // The anchor it has, or empty.
    std::string anchor;
    // Nodes and scalar bytes before it started, aliases expanded.
    std::uint64_t nodes_before;
    std::uint64_t bytes_before;
  };
  // An anchored node: its index and what it weighs, aliases expanded.
  struct Anchored {
    std::uint32_t node = 0;
    bool open = true;
    std::uint64_t nodes = 0;
    std::uint64_t bytes = 0;
  };

  static std::string_view text_of(const yaml_char_t* bytes) {
    return bytes == nullptr ? std::string_view()
                            : std::string_view(reinterpret_cast<const char*>(bytes));
  }

  std::optional<Refusal> take(const yaml_event_t& event, bool& more) {
    const std::size_t line = event.start_mark.line + 1;
    switch (event.type) {
    case YAML_DOCUMENT_END_EVENT:
    case YAML_STREAM_END_EVENT:
      // Later documents are not read.
      more = false;
      return std::nullopt;
    case YAML_SCALAR_EVENT:
      return scalar(event, line);
    case YAML_SEQUENCE_START_EVENT:
      return open(YamlKind::sequence, text_of(event.data.sequence_start.anchor), line);
    case YAML_MAPPING_START_EVENT:
      return open(YamlKind::map, text_of(event.data.mapping_start.anchor), line);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      close();
      return std::nullopt;
    case YAML_ALIAS_EVENT:
      return alias(text_of(event.data.alias.anchor), line);
    default:
      return std::nullopt;
    }
  }

  std::optional<Refusal> scalar(const yaml_event_t& event, std::size_t line) {
    const auto& data = event.data.scalar;
    const std::string_view value(reinterpret_cast<const char*>(data.value), data.length);
    if (value.size() > std::numeric_limits<std::uint32_t>::max()) {
      return Refusal{line, "a scalar longer than 4 GiB; not read"};
    }
    // The core schema's null, as YAML libraries read it; quoted or tagged,
    // it is text.
    const bool plain = data.plain_implicit != 0 && data.style == YAML_PLAIN_SCALAR_STYLE;
    const bool null = plain && (value.empty() || value == "~" || value == "null" ||
                                value == "Null" || value == "NULL");
    const std::uint32_t index = add_node(null ? YamlKind::null : YamlKind::scalar, line);
    if (!null) {
      auto& node = m_storage.nodes[index];
      node.offset = m_storage.text.size();
      node.size = static_cast<std::uint32_t>(value.size());
      m_storage.text.append(value);
    }
    ++m_nodes;
    m_bytes += value.size();
    if (const auto anchor = text_of(data.anchor); !anchor.empty()) {
      m_anchors[std::string(anchor)] = Anchored{index, false, 1, value.size()};
    }
    attach(index);
    return std::nullopt;
  }

  std::optional<Refusal> open(YamlKind kind, std::string_view anchor, std::size_t line) {
    if (m_open.size() >= k_max_yaml_depth) {
      return Refusal{line, "nested deeper than " + std::to_string(k_max_yaml_depth) +
                               " levels; not read"};
    }
    const std::uint32_t index = add_node(kind, line);
    attach(index);
    m_open.push_back(Open{index, m_pending.size(), std::string(anchor), m_nodes, m_bytes});
    ++m_nodes;
    if (!anchor.empty()) {
      // Named while open: an alias to it now would be inside it.
      m_anchors[std::string(anchor)] = Anchored{index, true, 0, 0};
    }
    return std::nullopt;
  }

  void close() {
    if (m_open.empty()) {
      return;
    }
    const Open& open = m_open.back();
    auto& node = m_storage.nodes[open.node];
    const std::size_t children = m_pending.size() - open.pending_start;
    node.offset = m_storage.links.size();
    node.size = static_cast<std::uint32_t>(node.kind == YamlKind::map ? children / 2 : children);
    m_storage.links.insert(m_storage.links.end(),
                           m_pending.begin() + static_cast<std::ptrdiff_t>(open.pending_start),
                           m_pending.end());
    m_pending.resize(open.pending_start);
    if (!open.anchor.empty()) {
      m_anchors[open.anchor] =
          Anchored{open.node, false, m_nodes - open.nodes_before, m_bytes - open.bytes_before};
    }
    m_open.pop_back();
  }

  std::optional<Refusal> alias(std::string_view anchor, std::size_t line) {
    const auto found = m_anchors.find(std::string(anchor));
    if (found == m_anchors.end()) {
      return Refusal{line, "alias *" + std::string(anchor) + " names no anchor; not read"};
    }
    const Anchored& named = found->second;
    if (named.open) {
      return Refusal{line, "an alias inside the node it names; not read"};
    }
    // No overflow: what an anchored node weighs is at most what was read
    // so far, which these checks keep within the text plus the caps.
    m_added_nodes += named.nodes;
    m_added_bytes += named.bytes;
    m_nodes += named.nodes;
    m_bytes += named.bytes;
    if (m_added_nodes > k_max_yaml_alias_nodes) {
      return Refusal{line, "aliases add more than " + std::to_string(k_max_yaml_alias_nodes) +
                               " nodes to the document; not read"};
    }
    if (m_added_bytes > k_max_yaml_alias_bytes) {
      return Refusal{line, "aliases add more than " + std::to_string(k_max_yaml_alias_bytes) +
                               " bytes of text to the document; not read"};
    }
    attach(named.node);
    return std::nullopt;
  }

  std::uint32_t add_node(YamlKind kind, std::size_t line) {
    const auto index = static_cast<std::uint32_t>(m_storage.nodes.size());
    auto& node = m_storage.nodes.emplace_back();
    node.kind = kind;
    node.line = static_cast<std::uint32_t>(
        std::min<std::size_t>(line, std::numeric_limits<std::uint32_t>::max()));
    return index;
  }

  // Makes node `index` the next child of the open collection, or the root.
  void attach(std::uint32_t index) {
    if (!m_open.empty()) {
      m_pending.push_back(index);
    } else if (!m_has_root) {
      m_storage.root = index;
      m_has_root = true;
    }
  }

  Storage& m_storage;
  yaml_parser_t m_parser{};
  std::vector<Open> m_open;
  // Children of the open collections, innermost last.
  std::vector<std::uint32_t> m_pending;
  std::unordered_map<std::string, Anchored> m_anchors;
  bool m_has_root = false;
  // Nodes and scalar bytes read, aliases counted as what they stand for,
  // and what aliases added to each.
  std::uint64_t m_nodes = 0;
  std::uint64_t m_bytes = 0;
  std::uint64_t m_added_nodes = 0;
  std::uint64_t m_added_bytes = 0;
};

} // namespace

YamlKind YamlNode::kind() const {
  return m_storage == nullptr ? YamlKind::undefined : m_storage->nodes[m_index].kind;
}

std::size_t YamlNode::line() const {
  return m_storage == nullptr ? 0 : m_storage->nodes[m_index].line;
}

std::string_view YamlNode::text() const {
  if (!is_scalar()) {
    return {};
  }
  const auto& node = m_storage->nodes[m_index];
  return std::string_view(m_storage->text).substr(node.offset, node.size);
}

std::size_t YamlNode::size() const {
  return is_map() || is_sequence() ? m_storage->nodes[m_index].size : 0;
}

YamlNode YamlNode::child(std::string_view key) const {
  if (!is_map()) {
    return {};
  }
  const auto& node = m_storage->nodes[m_index];
  for (std::size_t i = 0; i < node.size; ++i) {
    const YamlNode name(m_storage, m_storage->links[node.offset + 2 * i]);
    if (name.is_scalar() && name.text() == key) {
      return YamlNode(m_storage, m_storage->links[node.offset + 2 * i + 1]);
    }
  }
  return {};
}

YamlNode::Entries YamlNode::entries() const {
  return Entries(*this);
}

YamlEntry YamlNode::Entries::entry_at(std::size_t at) const {
  const auto* storage = m_node.m_storage;
  const auto& node = storage->nodes[m_node.m_index];
  if (node.kind == YamlKind::map) {
    return YamlEntry{YamlNode(storage, storage->links[node.offset + 2 * at]),
                     YamlNode(storage, storage->links[node.offset + 2 * at + 1])};
  }
  return YamlEntry{YamlNode(), YamlNode(storage, storage->links[node.offset + at])};
}

YamlDocument::YamlDocument() : m_storage(std::make_unique<detail::YamlStorage>()) {}
YamlDocument::YamlDocument(YamlDocument&&) noexcept = default;
YamlDocument& YamlDocument::operator=(YamlDocument&&) noexcept = default;
YamlDocument::~YamlDocument() = default;

YamlNode YamlDocument::root() const {
  return YamlNode(m_storage.get(), m_storage->root);
}

std::optional<YamlDocument> load_yaml(std::string_view text, FileReport& report) {
  YamlDocument document;
  YamlTreeBuilder builder(text, *document.m_storage);
  if (auto refusal = builder.build()) {
    report.omit_at(refusal->line, std::move(refusal->why));
    return std::nullopt;
  }
  return document;
}

std::optional<YamlDocument> load_yaml_map(std::string_view text, FileReport& report,
                                          std::string_view what) {
  auto document = load_yaml(text, report);
  if (document && !document->root().is_map()) {
    report.omit("not " + std::string(what) + ": the top level is not a map");
    return std::nullopt;
  }
  return document;
}

YamlNode yaml_section(const YamlNode& top, std::string_view key, YamlKind kind,
                      std::string_view label, FileReport& report) {
  const YamlNode section = top.child(key);
  if (section.kind() == kind || !section.defined() || section.is_null()) {
    return section.kind() == kind ? section : YamlNode();
  }
  report.omit(std::string(label) + (kind == YamlKind::map ? " is not a map" : " is not a list"));
  return {};
}

std::string scalar(const YamlNode& node) {
  return std::string(node.text());
}

YamlNode child(const YamlNode& node, std::string_view key) {
  return node.child(key);
}

} // namespace kensa::scanner
