#include <kensa/util/huge_pages.hpp>
#include <kensa/util/json_document.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_set>

// The parser behind Document::parse and parse_borrowed: one pass over the
// text, no recursion (the depth limit is the only bound on nesting), UTF-8
// checked as it goes; strings are unescaped into one buffer, or borrowed
// from the text when they have no escape.
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

// Length of the well-formed UTF-8 sequence starting at `at` (its first byte
// >= 0x80), or 0 when it is not one (overlong forms, surrogates and code
// points above U+10FFFF included).
std::size_t utf8_sequence(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  };
  const unsigned lead = byte(at);
  const auto continuation = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    const unsigned value = byte(i);
    return value >= low && value <= high;
  };
  if (lead >= 0xC2 && lead <= 0xDF) {
    return continuation(at + 1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(at + 1, low, high) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
  }
  return 0;
}

// Whether none of the 8 bytes at `bytes` is a quote, a backslash, a control
// character or a non-ASCII byte (the bit tricks of "Bit Twiddling Hacks":
// a byte below n shows as a set high bit in (x - n) & ~x).
bool plain_block(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
  const auto has_zero_byte = [&](std::uint64_t value) {
    return (value - ones) & ~value & high_bits;
  };
  const std::uint64_t special = has_zero_byte(word ^ (ones * '"')) |
                                has_zero_byte(word ^ (ones * '\\')) |
                                ((word - ones * 0x20) & ~word & high_bits) | (word & high_bits);
  return special == 0;
}

} // namespace

class Parser {
 public:
  Parser(std::string_view text, const ParseLimits& limits, bool borrow)
      : m_text(text), m_limits(limits), m_borrow(borrow) {}

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
    if (!parse_document()) {
      return fail(m_error);
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
      node.offset = m_storage->items.size();
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
        duplicate = earlier.size == name.size() && m_storage->text_of(earlier) == name;
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
  // closing one, into node `index`.
  bool parse_string(std::uint32_t index) {
    if (m_borrow && borrow_string(index)) {
      return true;
    }
    std::string& out = m_storage->strings;
    const std::size_t start = out.size();
    while (true) {
      // The run of characters that need no work, eight at a time while
      // none of them does.
      const std::size_t run_start = m_at;
      while (m_at + 8 <= m_text.size() && plain_block(m_text.data() + m_at)) {
        m_at += 8;
      }
      while (m_at < m_text.size()) {
        const auto c = static_cast<unsigned char>(m_text[m_at]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
          break;
        }
        ++m_at;
      }
      out.append(m_text.data() + run_start, m_at - run_start);
      if (m_at >= m_text.size()) {
        return error("unterminated string");
      }
      const auto c = static_cast<unsigned char>(m_text[m_at]);
      if (c == '"') {
        ++m_at;
        break;
      }
      if (c >= 0x80) {
        const std::size_t length = utf8_sequence(m_text, m_at);
        if (length == 0) {
          return error("invalid UTF-8 in a string");
        }
        out.append(m_text.data() + m_at, length);
        m_at += length;
        continue;
      }
      if (c < 0x20) {
        return error("control character in a string (it must be escaped)");
      }
      if (!parse_escape(out)) {
        return false;
      }
    }
    const std::size_t length = out.size() - start;
    if (length > std::numeric_limits<std::uint32_t>::max()) {
      return error_plain("a string is longer than 4 GiB");
    }
    Node& node = m_storage->nodes[index];
    node.offset = start;
    node.size = static_cast<std::uint32_t>(length);
    return true;
  }

  // Points node `index` at the text when the string has no escape (and is
  // well-formed); otherwise leaves m_at where it was and returns false, for
  // parse_string to copy and unescape it.
  bool borrow_string(std::uint32_t index) {
    const std::size_t start = m_at;
    std::size_t at = m_at;
    while (true) {
      while (at + 8 <= m_text.size() && plain_block(m_text.data() + at)) {
        at += 8;
      }
      if (at >= m_text.size()) {
        return false;
      }
      const auto c = static_cast<unsigned char>(m_text[at]);
      if (c == '"') {
        break;
      }
      if (c == '\\' || c < 0x20) {
        return false;
      }
      if (c >= 0x80) {
        const std::size_t length = utf8_sequence(m_text, at);
        if (length == 0) {
          return false;
        }
        at += length;
      } else {
        ++at;
      }
    }
    if (at - start > std::numeric_limits<std::uint32_t>::max()) {
      return false;
    }
    Node& node = m_storage->nodes[index];
    node.borrowed = true;
    node.offset = start;
    node.size = static_cast<std::uint32_t>(at - start);
    m_at = at + 1;
    return true;
  }

  // A backslash escape at m_at.
  bool parse_escape(std::string& out) {
    ++m_at;
    if (m_at >= m_text.size()) {
      return error("unterminated string");
    }
    const char c = m_text[m_at++];
    switch (c) {
    case '"':
      out += '"';
      return true;
    case '\\':
      out += '\\';
      return true;
    case '/':
      out += '/';
      return true;
    case 'b':
      out += '\b';
      return true;
    case 'f':
      out += '\f';
      return true;
    case 'n':
      out += '\n';
      return true;
    case 'r':
      out += '\r';
      return true;
    case 't':
      out += '\t';
      return true;
    case 'u':
      return parse_unicode_escape(out);
    default:
      --m_at;
      return error(std::string("invalid escape '\\") + printable(c) + "'");
    }
  }

  bool read_hex4(std::uint32_t& value) {
    if (m_at + 4 > m_text.size()) {
      return error("incomplete \\u escape");
    }
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_digit_value(m_text[m_at + static_cast<std::size_t>(i)]);
      if (digit < 0) {
        return error("\\u must be followed by four hex digits");
      }
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    m_at += 4;
    return true;
  }

  bool parse_unicode_escape(std::string& out) {
    std::uint32_t code_point = 0;
    if (!read_hex4(code_point)) {
      return false;
    }
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
      return error("a low surrogate \\u escape without a high one before it");
    }
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      if (m_text.substr(m_at, 2) != "\\u") {
        return error("a high surrogate \\u escape must be followed by a low one");
      }
      m_at += 2;
      std::uint32_t low = 0;
      if (!read_hex4(low)) {
        return false;
      }
      if (low < 0xDC00 || low > 0xDFFF) {
        return error("a high surrogate \\u escape must be followed by a low one");
      }
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, code_point);
    return true;
  }

  bool parse_number() {
    const std::size_t start = m_at;
    const auto digit = [&](std::size_t i) {
      return i < m_text.size() && m_text[i] >= '0' && m_text[i] <= '9';
    };
    if (m_text[m_at] == '-') {
      ++m_at;
    }
    if (!digit(m_at)) {
      return error("a number needs digits");
    }
    if (m_text[m_at] == '0') {
      ++m_at;
      if (digit(m_at)) {
        return error("a number cannot have leading zeros");
      }
    } else {
      while (digit(m_at)) {
        ++m_at;
      }
    }
    bool integral = true;
    if (m_at < m_text.size() && m_text[m_at] == '.') {
      integral = false;
      ++m_at;
      if (!digit(m_at)) {
        return error("a number needs digits after its decimal point");
      }
      while (digit(m_at)) {
        ++m_at;
      }
    }
    if (m_at < m_text.size() && (m_text[m_at] == 'e' || m_text[m_at] == 'E')) {
      integral = false;
      ++m_at;
      if (m_at < m_text.size() && (m_text[m_at] == '+' || m_text[m_at] == '-')) {
        ++m_at;
      }
      if (!digit(m_at)) {
        return error("a number needs digits in its exponent");
      }
      while (digit(m_at)) {
        ++m_at;
      }
    }
    const char* first = m_text.data() + start;
    const char* last = m_text.data() + m_at;
    std::uint32_t index = 0;
    if (!add_node(Type::real, index)) {
      return false;
    }
    Node& node = m_storage->nodes[index];
    if (integral) {
      if (*first == '-') {
        std::int64_t value = 0;
        if (std::from_chars(first, last, value).ec == std::errc()) {
          node.type = Type::integer;
          node.integer = value;
          return true;
        }
      } else {
        std::uint64_t value = 0;
        if (std::from_chars(first, last, value).ec == std::errc()) {
          node.type = Type::unsigned_integer;
          node.unsigned_integer = value;
          return true;
        }
      }
    }
    double value = 0;
    const auto status = std::from_chars(first, last, value).ec;
    if (status == std::errc::result_out_of_range) {
      // Beyond a double's range: a negative exponent makes it zero, anything
      // else infinity, keeping the sign, as strtod does.
      const std::string_view text(first, static_cast<std::size_t>(last - first));
      const auto exponent = text.find_first_of("eE");
      const bool tiny = exponent != std::string_view::npos && exponent + 1 < text.size() &&
                        text[exponent + 1] == '-';
      value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
      value = *first == '-' ? -value : value;
    }
    node.real = value;
    return true;
  }

  void skip_whitespace() {
    while (m_at < m_text.size()) {
      const char c = m_text[m_at];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      ++m_at;
    }
  }

  static std::string printable(char c) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(c));
      return buffer;
    }
    return std::string(1, c);
  }

  // A syntax error at m_at, with its line and column.
  bool error(const std::string& what) {
    const std::size_t position = std::min(m_at, m_text.size());
    const auto before = m_text.substr(0, position);
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const auto line_start = before.rfind('\n');
    const std::size_t column =
        line_start == std::string_view::npos ? position : position - line_start - 1;
    m_error =
        "line " + std::to_string(line) + ", column " + std::to_string(column + 1) + ": " + what;
    return false;
  }

  bool error_plain(std::string what) {
    m_error = std::move(what);
    return false;
  }

  std::string_view m_text;
  const ParseLimits& m_limits;
  // Whether strings without escapes may point into m_text.
  bool m_borrow;
  Storage* m_storage = nullptr;
  std::size_t m_at = 0;
  std::vector<Open> m_open;
  std::vector<std::uint32_t> m_pending_items;
  std::vector<std::uint32_t> m_pending_keys;
  std::vector<DuplicateMember> m_duplicates;
  // Reported or not (the report is capped).
  bool m_any_duplicate = false;
  bool m_byte_order_mark = false;
  std::string m_error;
};

Result<Document> Document::parse(std::string_view text, const ParseLimits& limits) {
  return Parser(text, limits, false).run();
}

Result<Document> Document::parse_borrowed(std::string_view text, const ParseLimits& limits) {
  return Parser(text, limits, true).run();
}

} // namespace kensa::json
