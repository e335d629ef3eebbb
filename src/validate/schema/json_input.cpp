#include "json_pointer.hpp"

#include <kensa/validate/json_input.hpp>

#include <algorithm>
#include <utility>

namespace kensa::validate {

namespace {

using Json = nlohmann::json;

// Builds the tree from parser events, checking depth as containers open and
// noting duplicate members, which the library's own builder silently drops.
class TreeBuilder final : public nlohmann::json_sax<Json> {
 public:
  TreeBuilder(std::string_view text, const JsonParseLimits& limits)
      : m_text(text), m_limits(limits) {}

  bool null() override { return add(Json(nullptr)) != nullptr; }
  bool boolean(bool value) override { return add(Json(value)) != nullptr; }
  bool number_integer(number_integer_t value) override { return add(Json(value)) != nullptr; }
  bool number_unsigned(number_unsigned_t value) override { return add(Json(value)) != nullptr; }
  bool number_float(number_float_t value, const string_t&) override {
    return add(Json(value)) != nullptr;
  }
  bool string(string_t& value) override { return add(Json(std::move(value))) != nullptr; }
  bool binary(binary_t& value) override { return add(Json::binary(std::move(value))) != nullptr; }

  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Json& object = *m_stack.back();
    if (object.contains(name) && m_duplicates.size() < m_limits.max_duplicates) {
      std::string pointer = pointer_to_open_container();
      schema::append_pointer_token(pointer, name);
      m_duplicates.push_back(DuplicateKey{std::move(pointer)});
    }
    m_key = std::move(name);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    // nlohmann's syntax errors say "parse error at line L, column C: what",
    // counting the column at the offending character; keep its words.
    const std::string_view message = error.what();
    const auto at = message.find("parse error at line ");
    if (at != std::string_view::npos) {
      m_error = std::string(message.substr(at + 15));
    } else {
      m_error = where(position) + describe(message);
    }
    return false;
  }

  Json take() { return std::move(m_root); }
  std::vector<DuplicateKey> take_duplicates() { return std::move(m_duplicates); }
  const std::string& error() const { return m_error; }

 private:
  Json* add(Json value) {
    if (m_stack.empty()) {
      m_root = std::move(value);
      return &m_root;
    }
    Json& parent = *m_stack.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    Json& slot = parent[m_key];
    slot = std::move(value);
    return &slot;
  }

  bool open(Json container) {
    if (m_stack.size() >= m_limits.max_depth) {
      m_error = "the document nests deeper than " + std::to_string(m_limits.max_depth) + " levels";
      return false;
    }
    // Only the member name is kept per level: a full path per level would
    // make deep nesting quadratic. Pointers are built when a duplicate needs
    // one.
    const bool in_object = !m_stack.empty() && m_stack.back()->is_object();
    Json* slot = add(std::move(container));
    m_stack.push_back(slot);
    m_keys.push_back(in_object ? m_key : std::string());
    return true;
  }

  bool close() {
    m_stack.pop_back();
    m_keys.pop_back();
    return true;
  }

  // The JSON Pointer of the innermost open container.
  std::string pointer_to_open_container() const {
    std::string pointer;
    for (std::size_t level = 1; level < m_stack.size(); ++level) {
      const Json& parent = *m_stack[level - 1];
      if (parent.is_array()) {
        pointer += '/';
        pointer += std::to_string(parent.size() - 1);
      } else {
        schema::append_pointer_token(pointer, m_keys[level]);
      }
    }
    return pointer;
  }

  std::size_t line_at(std::size_t position) const {
    position = std::min(position, m_text.size());
    return 1 + static_cast<std::size_t>(std::count(
                   m_text.begin(), m_text.begin() + static_cast<std::ptrdiff_t>(position), '\n'));
  }

  std::string where(std::size_t position) const {
    position = std::min(position, m_text.size());
    const auto line_start = m_text.rfind('\n', position == 0 ? 0 : position - 1);
    const std::size_t column =
        line_start == std::string_view::npos ? position : position - line_start - 1;
    return "line " + std::to_string(line_at(position)) + ", column " + std::to_string(column + 1) +
           ": ";
  }

  // nlohmann's messages start with "[json.exception.parse_error.101] parse
  // error at line 1, column 2: "; keep what follows.
  static std::string describe(std::string_view message) {
    const auto colon = message.find(": ");
    return std::string(colon == std::string_view::npos ? message : message.substr(colon + 2));
  }

  std::string_view m_text;
  const JsonParseLimits& m_limits;
  Json m_root;
  std::vector<Json*> m_stack;
  // The member name each open container was stored under ("" in arrays).
  std::vector<std::string> m_keys;
  std::string m_key;
  std::vector<DuplicateKey> m_duplicates;
  std::string m_error;
};

} // namespace

Result<ParsedJson> parse_json(std::string_view text, const JsonParseLimits& limits) {
  TreeBuilder builder(text, limits);
  const bool parsed = Json::sax_parse(text, &builder, Json::input_format_t::json, true, false);
  if (!parsed) {
    return fail(builder.error().empty() ? "malformed JSON" : builder.error());
  }
  ParsedJson result;
  result.value = builder.take();
  result.duplicate_keys = builder.take_duplicates();
  return result;
}

} // namespace kensa::validate
