#include "json_lexer.hpp"

#include <kensa/util/huge_pages.hpp>
#include <kensa/util/json_document.hpp>

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <unordered_set>

// The parser behind Document::parse and parse_borrowed: one pass over the
// text, no recursion (the depth limit is the only bound on nesting), UTF-8
// checked as it goes; strings are unescaped into one buffer, or borrowed
// from the text when they have no escape. This file builds the tree
// (containers, member names and their duplicates); json_lexer.cpp reads
// the strings and numbers.
namespace kensa::json {

using detail::Node;
using detail::Storage;

namespace {

// Objects with more members than this check names for duplicates through a
// hash set instead of comparing with every earlier name.
constexpr std::size_t k_linear_duplicate_check = 32;
// Documents with more values than this cannot be indexed with 32-bit node
// numbers.
constexpr std::size_t k_max_nodes = std::numeric_limits<std::uint32_t>::max() - 1;
// U+FEFF in UTF-8.
constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";

} // namespace

class Parser : detail::Lexer {
 public:
  Parser(std::string_view text, const ParseLimits& limits, bool borrow)
      : Lexer(text), m_limits(limits), m_borrow(borrow) {}

  Result<Document> run() {
    Document document;
    m_storage = document.m_storage.get();
    m_storage->nodes.clear();
    if (m_borrow) {
      m_storage->source = m_text;
    }
    // Reserving address space for the likely sizes saves copying the
    // buffers while they grow; pages never written cost no memory. SBOMs
    // have about one value per 25 bytes, and strings never get longer when
    // unescaped.
    m_storage->nodes.reserve(std::min<std::size_t>(m_text.size() / 8 + 16, k_max_nodes));
    // Borrowed documents copy only strings with escapes.
    m_storage->strings.reserve(m_borrow ? m_text.size() / 16 : m_text.size());
    util::advise_huge_pages(m_storage->nodes.data(), m_storage->nodes.capacity() * sizeof(Node));
    util::advise_huge_pages(m_storage->strings.data(), m_storage->strings.capacity());
    if (m_text.size() > detail::k_max_indexed_bytes) {
      return fail("the text is 4 GiB or more, more than kensa can index");
    }
    if (!parse_document()) {
      return fail(error_message());
    }
    m_storage->unique_members = !m_any_duplicate;
    document.m_duplicates = std::move(m_duplicates);
    document.m_byte_order_mark = m_byte_order_mark;
    return document;
  }

 private:
  // One array or object still open.
  struct Open {
    std::uint32_t node;
    bool object;
    // Start of this container's entries in m_pending_items (arrays) or
    // m_pending_keys (objects).
    std::size_t pending_start;
    // Names seen, for objects past k_linear_duplicate_check members.
    std::unique_ptr<std::unordered_set<std::string>> names;
  };

  bool parse_document() {
    // Editors on Windows save JSON with a byte order mark; RFC 8259 lets a
    // parser ignore it, and rejecting the whole document over it helps
    // nobody. It is noted, for readers to pass on.
    if (m_text.starts_with(k_byte_order_mark)) {
      m_at = k_byte_order_mark.size();
      m_byte_order_mark = true;
    }
    skip_whitespace();
    if (m_at >= m_text.size()) {
      return error("the document is empty");
    }
    if (!parse_values()) {
      return false;
    }
    skip_whitespace();
    if (m_at < m_text.size()) {
      return error("unexpected text after the end of the document");
    }
    return true;
  }

  // The main loop: values, with containers opened and closed on m_open
  // instead of the call stack.
  bool parse_values() {
    while (true) {
      skip_whitespace();
      const Step step = parse_value();
      if (step == Step::failed) {
        return false;
      }
      if (step == Step::opened) {
        continue; // The container's first entry comes next.
      }
      // After a value: close containers that end here, or go to the next
      // entry.
      while (true) {
        if (m_open.empty()) {
          return true;
        }
        skip_whitespace();
        Open& open = m_open.back();
        const char expected_close = open.object ? '}' : ']';
        if (m_at < m_text.size() && m_text[m_at] == ',') {
          ++m_at;
          if (open.object && !parse_key()) {
            return false;
          }
          break;
        }
        if (m_at < m_text.size() && m_text[m_at] == expected_close) {
          ++m_at;
          close();
          continue;
        }
        return error(open.object ? "expected ',' or '}' after an object member"
                                 : "expected ',' or ']' after an array item");
      }
    }
  }

  // What parse_value() did.
  enum class Step { failed, complete, opened };

  static Step step_of(bool ok) { return ok ? Step::complete : Step::failed; }

  Step parse_value() {
    if (m_at >= m_text.size()) {
      return step_of(error("unexpected end of the document, a value was expected"));
    }
    const char c = m_text[m_at];
    switch (c) {
    case '{':
    case '[':
      return open(c == '{');
    case '"': {
      ++m_at;
      std::uint32_t index = 0;
      return step_of(add_node(Type::string, index) && parse_string(index));
    }
    case 't':
      return step_of(literal("true", Type::boolean, true));
    case 'f':
      return step_of(literal("false", Type::boolean, false));
    case 'n':
      return step_of(literal("null", Type::null, false));
    default:
      if (c == '-' || (c >= '0' && c <= '9')) {
        return step_of(parse_number());
      }
      return step_of(error(std::string("unexpected character '") + printable(c) + "'"));
    }
  }

  bool literal(std::string_view word, Type type, bool value) {
    if (m_text.substr(m_at, word.size()) != word) {
      return error("invalid literal, expected '" + std::string(word) + "'");
    }
    m_at += word.size();
    std::uint32_t index = 0;
    if (!add_node(type, index)) {
      return false;
    }
    m_storage->nodes[index].boolean = value;
    return true;
  }

  // Opens an array or object; an empty one is complete at once.
  Step open(bool object) {
    if (m_open.size() >= m_limits.max_depth) {
      return step_of(error_plain("the document nests deeper than " +
                                 std::to_string(m_limits.max_depth) + " levels"));
    }
    ++m_at;
    std::uint32_t index = 0;
    if (!add_node(object ? Type::object : Type::array, index)) {
      return Step::failed;
    }
    m_open.push_back(
        Open{index, object, object ? m_pending_keys.size() : m_pending_items.size(), nullptr});
    m_storage->depth = std::max(m_storage->depth, m_open.size());
    skip_whitespace();
    const char close_char = object ? '}' : ']';
    if (m_at < m_text.size() && m_text[m_at] == close_char) {
      ++m_at;
      close();
      return Step::complete;
    }
    if (object && !parse_key()) {
      return Step::failed;
    }
    return Step::opened;
  }

  void close() {
    Open& open = m_open.back();
    Node& node = m_storage->nodes[open.node];
    node.end = static_cast<std::uint32_t>(m_storage->nodes.size());
    if (open.object) {
      m_pending_keys.resize(open.pending_start);
    } else {
      node.offset = static_cast<std::uint32_t>(m_storage->items.size());
      m_storage->items.insert(m_storage->items.end(),
                              m_pending_items.begin() +
                                  static_cast<std::ptrdiff_t>(open.pending_start),
                              m_pending_items.end());
      m_pending_items.resize(open.pending_start);
    }
    m_open.pop_back();
  }

  // A member name and its colon; the value follows.
  bool parse_key() {
    skip_whitespace();
    if (m_at >= m_text.size() || m_text[m_at] != '"') {
      return error("expected a member name in double quotes");
    }
    ++m_at;
    Open& open = m_open.back();
    // Keys are nodes too, but not items or values of the object.
    std::uint32_t index = 0;
    if (!add_node(Type::string, index, false) || !parse_string(index)) {
      return false;
    }
    m_storage->nodes[index].key = true;
    const Node& key = m_storage->nodes[index];
    note_name(open, m_storage->text_of(key), index);
    skip_whitespace();
    if (m_at >= m_text.size() || m_text[m_at] != ':') {
      return error("expected ':' after a member name");
    }
    ++m_at;
    return true;
  }

  void note_name(Open& open, std::string_view name, std::uint32_t key_index) {
    const std::size_t count = m_pending_keys.size() - open.pending_start;
    bool duplicate = false;
    if (open.names) {
      duplicate = !open.names->emplace(name).second;
    } else {
      for (std::size_t i = open.pending_start; i < m_pending_keys.size() && !duplicate; ++i) {
        const Node& earlier = m_storage->nodes[m_pending_keys[i]];
        if (earlier.size != name.size()) {
          continue;
        }
        // The first byte first: names of one length ("name", "type",
        // "purl") nearly always differ there, without a memcmp call.
        const std::string_view text = m_storage->text_of(earlier);
        duplicate = name.empty() || (text.front() == name.front() && text == name);
      }
      if (count + 1 > k_linear_duplicate_check) {
        open.names = std::make_unique<std::unordered_set<std::string>>();
        for (std::size_t i = open.pending_start; i < m_pending_keys.size(); ++i) {
          const Node& earlier = m_storage->nodes[m_pending_keys[i]];
          open.names->emplace(m_storage->text_of(earlier));
        }
        open.names->emplace(name);
      }
    }
    m_pending_keys.push_back(key_index);
    m_any_duplicate = m_any_duplicate || duplicate;
    if (duplicate && m_duplicates.size() < m_limits.max_duplicates) {
      std::string pointer = pointer_to_open_container();
      append_pointer_token(pointer, name);
      m_duplicates.push_back(DuplicateMember{std::move(pointer)});
    }
  }

  // The JSON Pointer of the innermost open container, built only when a
  // duplicate needs it.
  std::string pointer_to_open_container() const {
    std::string pointer;
    for (std::size_t level = 1; level < m_open.size(); ++level) {
      const Open& parent = m_open[level - 1];
      const Open& child = m_open[level];
      if (parent.object) {
        const Node& key = m_storage->nodes[child.node - 1];
        append_pointer_token(pointer, m_storage->text_of(key));
      } else {
        pointer += '/';
        pointer += std::to_string(items_of(level - 1) - 1);
      }
    }
    return pointer;
  }

  // How many items the open array at `level` has so far (the one being
  // parsed included).
  std::size_t items_of(std::size_t level) const {
    std::size_t end = m_pending_items.size();
    for (std::size_t deeper = level + 1; deeper < m_open.size(); ++deeper) {
      if (!m_open[deeper].object) {
        end = m_open[deeper].pending_start;
        break;
      }
    }
    return end - m_open[level].pending_start;
  }

  // Adds a node for the value that starts here and sets `index` to it;
  // `is_entry` is false for member names. False (with the error set) when
  // the document has more values than 32-bit indices reach.
  bool add_node(Type type, std::uint32_t& index, bool is_entry = true) {
    auto& nodes = m_storage->nodes;
    if (nodes.size() >= k_max_nodes) {
      return error_plain("the document has more values than kensa can index");
    }
    index = static_cast<std::uint32_t>(nodes.size());
    Node& node = nodes.emplace_back();
    node.type = type;
    node.end = index + 1;
    if (is_entry && !m_open.empty()) {
      Open& parent = m_open.back();
      ++nodes[parent.node].size;
      if (!parent.object) {
        m_pending_items.push_back(index);
      }
    }
    return true;
  }

  // The characters after an opening quote, up to and including the
  // closing one, into node `index`: borrowed from the text when the
  // document may and the string has no escape, otherwise unescaped into
  // the string buffer.
  bool parse_string(std::uint32_t index) {
    std::size_t offset = 0;
    std::uint32_t length = 0;
    const bool borrowed = m_borrow && borrow_string(offset, length);
    if (!borrowed && !read_string(m_storage->strings, offset, length)) {
      return false;
    }
    Node& node = m_storage->nodes[index];
    node.borrowed = borrowed;
    node.offset = static_cast<std::uint32_t>(offset);
    node.size = length;
    return true;
  }

  bool parse_number() {
    std::string_view number;
    bool integral = false;
    if (!scan_number(number, integral)) {
      return false;
    }
    std::uint32_t index = 0;
    if (!add_node(Type::real, index)) {
      return false;
    }
    Node& node = m_storage->nodes[index];
    detail::Number value{};
    decode_number(number, integral, node.type, value);
    node.offset = static_cast<std::uint32_t>(m_storage->numbers.size());
    m_storage->numbers.push_back(value);
    return true;
  }

  const ParseLimits& m_limits;
  // Whether strings without escapes may point into m_text.
  bool m_borrow;
  Storage* m_storage = nullptr;
  std::vector<Open> m_open;
  std::vector<std::uint32_t> m_pending_items;
  std::vector<std::uint32_t> m_pending_keys;
  std::vector<DuplicateMember> m_duplicates;
  // Reported or not (the report is capped).
  bool m_any_duplicate = false;
  bool m_byte_order_mark = false;
};

Result<Document> Document::parse(std::string_view text, const ParseLimits& limits) {
  return Parser(text, limits, false).run();
}

Result<Document> Document::parse_borrowed(std::string_view text, const ParseLimits& limits) {
  return Parser(text, limits, true).run();
}

} // namespace kensa::json
