#pragma once

#include <kensa/util/result.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A read-only JSON tree built for validating big documents: one parse into
// flat arrays (a node per value, strings in one buffer or borrowed from the
// text), so a 100 MB
// SBOM is read in a fraction of a second and freed in one go, where a tree
// of individually allocated maps and strings takes seconds both ways.
//
// Objects keep their members in document order, duplicates included (the
// parse reports them); looking a name up gives the last one, as most JSON
// libraries do. Values are small handles into their Document and stay valid
// as long as it lives, even when the Document is moved.
namespace kensa::json {

// Numbers follow the usual JSON library convention: an integer that fits is
// unsigned when not negative, signed when negative; anything else (a
// fraction, an exponent, or an integer beyond 64 bits) is a double.
enum class Type : std::uint8_t {
  null,
  boolean,
  integer,
  unsigned_integer,
  real,
  string,
  array,
  object,
};

struct ParseLimits {
  // Arrays and objects nested deeper than this make the parse fail.
  std::size_t max_depth = 10'000;
  // Duplicate members reported at most; the parse goes on after that.
  std::size_t max_duplicates = 100;
};

struct DuplicateMember {
  // JSON Pointer of the member (its object's location plus the name).
  std::string pointer;
};

namespace detail {

// A number's value, kept beside the nodes: few values of an SBOM are
// numbers, and a node with room for eight bytes of value would be half as
// big again.
union Number {
  std::int64_t integer;
  std::uint64_t unsigned_integer;
  double real;
};

// 16 bytes: the nodes of a 200 MB document take a few hundred megabytes,
// and every byte of them is written once and read several times.
struct Node {
  Type type = Type::null;
  // A string that points into the parsed text instead of Storage::strings.
  bool borrowed = false;
  // A member name (a string node that is not a value).
  bool key = false;
  bool boolean = false;
  // Array items or object members; the byte length of a string.
  std::uint32_t size = 0;
  // Index one past the last node of this value's subtree.
  std::uint32_t end = 0;
  // Strings: offset in the parsed text (borrowed) or in Storage::strings.
  // Arrays: offset of the item list in Storage::items. Numbers: index in
  // Storage::numbers. Texts of 4 GiB and more are refused, so every offset
  // fits.
  std::uint32_t offset = 0;
};
static_assert(sizeof(Node) == 16);

// The most bytes of text (and of unescaped strings) a Document indexes.
inline constexpr std::size_t k_max_indexed_bytes = std::uint32_t{0xFFFFFFFF};

struct Storage {
  // Objects are followed by key, value, key, value...; a key is a string
  // node and a value is a whole subtree.
  std::vector<Node> nodes;
  // For each array, the node indices of its items, contiguous.
  std::vector<std::uint32_t> items;
  std::vector<Number> numbers;
  std::string strings;
  // The parsed text, for borrowed strings (Document::parse_borrowed).
  std::string_view source;
  // How deep the root nests, noted while building.
  std::size_t depth = 0;
  // No object has a member name twice (known after a parse): a lookup can
  // stop at the first match instead of looking for a later one.
  bool unique_members = false;

  std::string_view text_of(const Node& node) const {
    return std::string_view((node.borrowed ? source.data() : strings.data()) + node.offset,
                            node.size);
  }
};

} // namespace detail

class Iterator;

// Appends "/" and `token` escaped as RFC 6901 says ("a/b" gives "/a~1b").
void append_pointer_token(std::string& pointer, std::string_view token);

// The tokens of a JSON Pointer, unescaped; nullopt when it is malformed (does
// not start with '/', or has a '~' not followed by '0' or '1').
std::optional<std::vector<std::string>> parse_pointer(std::string_view pointer);

class Value {
 public:
  // An absent value: what looking up a missing member gives. It reads as
  // null, with size 0.
  Value() = default;

  // False for the absent value.
  bool exists() const { return m_storage != nullptr; }

  Type type() const { return exists() ? node().type : Type::null; }
  bool is_null() const { return type() == Type::null; }
  bool is_boolean() const { return type() == Type::boolean; }
  bool is_string() const { return type() == Type::string; }
  bool is_array() const { return type() == Type::array; }
  bool is_object() const { return type() == Type::object; }
  bool is_structured() const { return is_array() || is_object(); }
  bool is_number() const {
    const Type kind = type();
    return kind == Type::integer || kind == Type::unsigned_integer || kind == Type::real;
  }
  bool is_number_integer() const {
    return type() == Type::integer || type() == Type::unsigned_integer;
  }
  bool is_number_unsigned() const { return type() == Type::unsigned_integer; }
  bool is_number_float() const { return type() == Type::real; }

  // Scalars, converted the way a static_cast would for numbers; the wrong
  // kind gives false, 0 or "".
  bool boolean() const { return is_boolean() && node().boolean; }
  std::int64_t integer() const;
  std::uint64_t unsigned_integer() const;
  double real() const;
  std::string_view string() const {
    return is_string() ? m_storage->text_of(node()) : std::string_view();
  }

  // Items of an array, members of an object; 0 for null, 1 for a scalar.
  std::size_t size() const;
  bool empty() const { return size() == 0; }

  // The member `name` (the last one when it is given twice), or the absent
  // value when there is none or this is no object.
  Value operator[](std::string_view name) const;
  Value operator[](const char* name) const { return (*this)[std::string_view(name)]; }
  bool contains(std::string_view name) const { return (*this)[name].exists(); }

  // Item `index` of an array; the absent value when out of range.
  Value operator[](std::size_t index) const;
  // So that a literal 0 is an index, not a null name.
  Value operator[](int index) const {
    return index < 0 ? Value() : (*this)[static_cast<std::size_t>(index)];
  }

  // Iterates an array's items or an object's members (a member iterator
  // also gives key()); nothing for scalars.
  inline Iterator begin() const;
  inline Iterator end() const;

  // How deep arrays and objects nest in this value (a scalar is 0, [] is
  // 1). Known from the parse for a document's root, counted otherwise.
  std::size_t depth() const;

  // Where the value is in its document: values that come earlier in the
  // text have smaller numbers (member names count too).
  std::size_t order() const { return m_index; }
  // The address of the value's node: the same for every handle to this
  // value, different for any other value of any document, for as long as
  // its document lives (moved or not); null for the absent value. A key for
  // tables about the values of documents kept alive beside them.
  const void* address() const { return exists() ? &node() : nullptr; }
  // Whether `other` is this value or inside it (in the same document).
  bool encloses(const Value& other) const {
    return exists() && other.m_storage == m_storage && other.m_index >= m_index &&
           other.m_index < node().end;
  }

  // The values of every member called `name` anywhere inside this value,
  // nested ones included, in document order: one pass over the nodes, no
  // walk.
  std::vector<Value> members_named(std::string_view name) const;
  // The same, each with the object it is a member of: pairs (object,
  // member value), in document order, in one pass over the nodes.
  std::vector<std::pair<Value, Value>> members_named_with_owner(std::string_view name) const;

  // The JSON Pointer of `descendant` (a value inside this one, or this one:
  // ""), found by descending from here; empty when it is not inside.
  // Values do not know their parents, so findings spell out locations this
  // way only when they are reported.
  std::string pointer_to(const Value& descendant) const;
  // The JSON Pointers of many descendants at once, in one walk of this
  // value: entry i is pointer_to(descendants[i]). Each pointer_to() call
  // walks from here, so asking for one pointer per element of a big array
  // that way takes time quadratic in its size; this is linear.
  std::vector<std::string> pointers_to(const std::vector<Value>& descendants) const;

  // Compact JSON text, strings escaped as RFC 8259 requires.
  std::string dump() const;
  // The same as a nlohmann value (for code written against it).
  nlohmann::json to_nlohmann() const;

 private:
  friend class Document;
  friend class Iterator;
  Value(const detail::Storage* storage, std::uint32_t index) : m_storage(storage), m_index(index) {}
  const detail::Node& node() const { return m_storage->nodes[m_index]; }

  const detail::Storage* m_storage = nullptr;
  std::uint32_t m_index = 0;
};

// Walks items or members. For an object, *it is the member's value and
// key() its name.
class Iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = Value;

  Iterator() = default;
  Value operator*() const { return value(); }
  Value value() const { return Value(m_storage, m_in_object ? m_index + 1 : m_index); }
  std::string_view key() const {
    if (!m_in_object) {
      return {};
    }
    return m_storage->text_of(m_storage->nodes[m_index]);
  }
  Iterator& operator++() {
    m_index = m_storage->nodes[m_in_object ? m_index + 1 : m_index].end;
    return *this;
  }
  Iterator operator++(int) {
    Iterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const Iterator& other) const { return m_index == other.m_index; }

 private:
  friend class Value;
  Iterator(const detail::Storage* storage, std::uint32_t index, bool in_object)
      : m_storage(storage), m_index(index), m_in_object(in_object) {}

  const detail::Storage* m_storage = nullptr;
  // The key node of a member, or the item's node.
  std::uint32_t m_index = 0;
  bool m_in_object = false;
};

Iterator Value::begin() const {
  if (!is_structured() || node().size == 0) {
    return end();
  }
  return Iterator(m_storage, m_index + 1, is_object());
}

Iterator Value::end() const {
  if (!is_structured()) {
    return Iterator(m_storage, 0, false);
  }
  return Iterator(m_storage, node().end, is_object());
}

class Document {
 public:
  // A document holding null.
  Document();

  // Parses `text` as one JSON document (RFC 8259; invalid UTF-8 and lone
  // surrogates are errors). A UTF-8 byte order mark at the start is
  // skipped, as RFC 8259 section 8.1 allows, and noted
  // (byte_order_mark()). Fails with "line L, column C: <what>", or with a
  // message naming the limit when it nests deeper than `limits.max_depth`.
  static Result<Document> parse(std::string_view text, const ParseLimits& limits = {});
  // The same, but strings without escapes (nearly all of them) point into
  // `text` instead of being copied: faster and smaller for big documents.
  // `text` must outlive the Document and every Value taken from it.
  static Result<Document> parse_borrowed(std::string_view text, const ParseLimits& limits = {});
  // The same tree as `value` (used for schema constants and small trees
  // built in code).
  static Document from(const nlohmann::json& value);

  Value root() const { return Value(m_storage.get(), 0); }
  // Members given more than once, in document order.
  const std::vector<DuplicateMember>& duplicates() const { return m_duplicates; }
  // Whether the parsed text started with a UTF-8 byte order mark, which
  // JSON text must not have (RFC 8259, section 8.1) and which was skipped.
  bool byte_order_mark() const { return m_byte_order_mark; }

 private:
  friend class Parser;
  friend class Builder;
  std::unique_ptr<detail::Storage> m_storage;
  std::vector<DuplicateMember> m_duplicates;
  bool m_byte_order_mark = false;
};

// The members of `object` sorted by name, a name given more than once only
// once, with its last value: the object as a map, which is how lockfiles
// and schemas mean it. Empty when `object` is not an object.
std::vector<std::pair<std::string_view, Value>> members_by_name(Value object);

} // namespace kensa::json
