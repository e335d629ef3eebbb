#pragma once

#include <kensa/util/json_document.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

// Builds a json::Document value by value, in document order, straight into
// its flat arrays: how the readers of other encodings (CycloneDX XML, SPDX
// tag-value) produce the JSON shape of what they read without first
// building a tree of individually allocated objects.
//
// The calls follow the text a JSON writer would produce: a value at the
// top, then inside an object key(), value, key(), value..., inside an array
// one value per item; end() closes the innermost open array or object.
// Strings are copied, except those inside the text named by borrow_from().
// A member given twice is kept twice, and looking it up
// gives the last one, as with a parsed document.
namespace kensa::json {

class Builder {
 public:
  Builder();

  // Room for a document of `nodes` values and member names, `items` array
  // items in all and `string_bytes` of strings, when the caller knows them:
  // a big document then grows no array by doubling (which briefly holds the
  // old and the new one) and is copied nowhere on the way.
  void reserve(std::size_t nodes, std::size_t items, std::size_t string_bytes);
  // Strings that lie inside `source` are kept as views into it instead of
  // copies (a reader's values mostly do): the finished Document is then
  // valid only as long as `source` is. Called before anything is built.
  void borrow_from(std::string_view source);
  // Whether string(text) would keep a view instead of a copy.
  bool borrows(std::string_view text) const;

  void null();
  void boolean(bool value);
  void integer(std::int64_t value);
  void unsigned_integer(std::uint64_t value);
  void real(double value);
  void string(std::string_view text);
  void begin_array();
  void begin_object();
  // The name of the next member of the innermost open object.
  void key(std::string_view name);
  // Closes the innermost open array or object.
  void end();

  // The node the next value or key becomes: Value::order() of it in the
  // finished document, for tables kept beside it (source lines).
  std::uint32_t next_node() const { return static_cast<std::uint32_t>(m_storage->nodes.size()); }
  // Arrays and objects open now.
  std::size_t open_depth() const { return m_open.size(); }

  // The document built so far; whatever is still open is closed. An empty
  // builder gives null.
  Document finish() &&;

 private:
  detail::Node& add_node(Type type);
  void add_number(Type type, detail::Number value);
  // `offset` as a node holds it; throws std::length_error beyond 4 GiB.
  static std::uint32_t string_offset(std::size_t offset);

  struct Open {
    std::uint32_t node;
    // Where this array's items start in m_pending_items.
    std::size_t first_item;
  };

  std::unique_ptr<detail::Storage> m_storage;
  std::vector<Open> m_open;
  // Item node indices of the open arrays, innermost last.
  std::vector<std::uint32_t> m_pending_items;
};

} // namespace kensa::json
