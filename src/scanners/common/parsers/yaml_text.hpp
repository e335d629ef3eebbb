#pragma once

#include <kensa/scanner/file_report.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Every YAML file a scanner reads (pnpm-lock.yaml, Yarn Berry's yarn.lock,
// pubspec.lock, stack.yaml.lock, Podfile.lock, GitHub workflows) is read
// here: libyaml's event parser into a compact read-only tree, with the caps
// a hostile file needs. An alias is the node it names, shared, not a copy:
// a lockfile whose entries all name one map through aliases holds that map
// once, and what walking it would cost is budgeted while reading.
namespace kensa::scanner {

// Deepest nesting accepted; real lockfiles nest four or five levels.
inline constexpr std::size_t k_max_yaml_depth = 128;

// Nodes that aliases may add to a document, counting each alias as the whole
// node it stands for: the tree shares an aliased node, but whatever walks
// the document visits it once per alias. A 1.5 MB pnpm-lock.yaml whose
// 16,000 snapshots share one 1,600-entry map is 51 million nodes to walk.
// pnpm and Yarn never write anchors.
inline constexpr std::uint64_t k_max_yaml_alias_nodes = 1'000'000;

// Bytes of scalar text that aliases may add, counting each alias as all
// the text of the node it stands for: one alias of a 1 MB scalar is one
// node but a megabyte for whoever copies it out.
inline constexpr std::uint64_t k_max_yaml_alias_bytes = 64ULL << 20;

namespace detail {

struct YamlStorage;

} // namespace detail

enum class YamlKind : std::uint8_t { undefined, null, scalar, sequence, map };

struct YamlEntry;

// A node of a YamlDocument: a small handle, valid while its document lives.
// A default-constructed node, or one looked up and not found, is undefined:
// not null, and not any other kind either.
class YamlNode {
 public:
  YamlNode() = default;

  YamlKind kind() const;
  bool defined() const { return kind() != YamlKind::undefined; }
  // Empty, "~" or "null" (also "Null", "NULL"), unquoted and untagged.
  bool is_null() const { return kind() == YamlKind::null; }
  bool is_scalar() const { return kind() == YamlKind::scalar; }
  bool is_sequence() const { return kind() == YamlKind::sequence; }
  bool is_map() const { return kind() == YamlKind::map; }

  // The line the node starts on (1-based), 0 for an undefined node. An
  // alias is the node it names, with that node's line.
  std::size_t line() const;

  // The text of a scalar; empty for every other kind.
  std::string_view text() const;

  // Items of a sequence, entries of a map; 0 for every other kind.
  std::size_t size() const;

  // The value of the first entry named `key` of a map; undefined when
  // there is none or the node is not a map.
  YamlNode child(std::string_view key) const;

  // A map's entries (key and value) or a sequence's items (as values with
  // undefined keys), in document order; empty for every other kind.
  class Entries;
  Entries entries() const;

 private:
  friend class YamlDocument;
  YamlNode(const detail::YamlStorage* storage, std::uint32_t index)
      : m_storage(storage), m_index(index) {}

  const detail::YamlStorage* m_storage = nullptr;
  std::uint32_t m_index = 0;
};

struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

class YamlNode::Entries {
 public:
  class Iterator {
   public:
    YamlEntry operator*() const { return m_entries->entry_at(m_at); }
    Iterator& operator++() {
      ++m_at;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return m_at != other.m_at; }

   private:
    friend class Entries;
    Iterator(const Entries* entries, std::size_t at) : m_entries(entries), m_at(at) {}
    const Entries* m_entries;
    std::size_t m_at;
  };

  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, m_size); }

 private:
  friend class YamlNode;
  explicit Entries(const YamlNode& node) : m_node(node), m_size(node.size()) {}
  YamlEntry entry_at(std::size_t at) const;

  YamlNode m_node;
  std::size_t m_size;
};

// The first document of a YAML text, read.
class YamlDocument {
 public:
  YamlDocument();
  YamlDocument(YamlDocument&&) noexcept;
  YamlDocument& operator=(YamlDocument&&) noexcept;
  ~YamlDocument();

  // The top-level node; null for an empty text.
  YamlNode root() const;

 private:
  friend std::optional<YamlDocument> load_yaml(std::string_view text, FileReport& report);
  std::unique_ptr<detail::YamlStorage> m_storage;
};

// Reads the first document of `text`. On a syntax error, a nesting deeper
// than k_max_yaml_depth, aliases past k_max_yaml_alias_nodes or
// k_max_yaml_alias_bytes, an alias inside the node it names (a document
// that contains itself) or one naming no anchor, omits the file with the
// line and returns nullopt. Never throws for bad input.
std::optional<YamlDocument> load_yaml(std::string_view text, FileReport& report);

// The same, for a file whose top level must be a map: when it is not,
// omits "not <what>: the top level is not a map" (`what`: "a
// pubspec.lock") and returns nullopt.
std::optional<YamlDocument> load_yaml_map(std::string_view text, FileReport& report,
                                          std::string_view what);

// The entry `key` of the map `top` when it is of `kind` (a map or a
// sequence); undefined when it is absent or null, and also, after omitting
// "<label> is not a map" (or "a list"), when it is of another kind.
YamlNode yaml_section(const YamlNode& top, std::string_view key, YamlKind kind,
                      std::string_view label, FileReport& report);

// Calls `visit(entry, index)` (index from 1) for the entries of the map or
// sequence `section`, at most `max`: past them omits "more than <max>
// <noun>; the rest is not read". Stops early when `visit` returns false.
template <typename Visit>
void for_each_capped(const YamlNode& section, std::size_t max, std::string_view noun,
                     FileReport& report, Visit visit) {
  std::size_t index = 0;
  for (const YamlEntry entry : section.entries()) {
    if (++index > max) {
      report.omit("more than " + std::to_string(max) + " " + std::string(noun) +
                  "; the rest is not read");
      return;
    }
    if (!visit(entry, index)) {
      return;
    }
  }
}

// The scalar text of `node`, or empty when it is not a scalar.
std::string scalar(const YamlNode& node);

// The child `key` of map `node` (undefined when absent or when `node` is
// not a map).
YamlNode child(const YamlNode& node, std::string_view key);

} // namespace kensa::scanner
