#include "text_output.hpp"
#include "tree_writer.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kensa::format::common {

namespace {

constexpr std::size_t k_flush_size = 1 << 16;

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  out += '"';
  std::size_t start = 0;
  bool ascii = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      ascii = false;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    append_valid_utf8(out, text.substr(start, i - start));
    start = i + 1;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      out += "\\u00";
      out += k_hex[c >> 4];
      out += k_hex[c & 0xF];
    }
  }
  if (ascii) {
    out.append(text.substr(start));
  } else {
    append_valid_utf8(out, text.substr(start));
  }
  out += '"';
}

class JsonWriter final : public TreeWriter {
 public:
  explicit JsonWriter(std::ostream& out) : m_out(out) {}

  void begin_object() override { open('{', true); }
  void end_object() override { close('}'); }
  void begin_array() override { open('[', false); }
  void end_array() override { close(']'); }

  void key(std::string_view name) override {
    separate();
    append_json_string(m_buffer, name);
    m_buffer += ": ";
    m_after_key = true;
  }

  void string(std::string_view value) override {
    before_value();
    append_json_string(m_buffer, value);
    maybe_flush();
  }

  void integer(std::int64_t value) override {
    before_value();
    m_buffer += std::to_string(value);
  }

  void boolean(bool value) override {
    before_value();
    m_buffer += value ? "true" : "false";
  }

  void finish() override {
    if (!m_continuation) {
      m_buffer += '\n';
    }
    flush();
  }

  std::unique_ptr<TreeWriter> continuation(std::ostream& out) const override {
    if (m_levels.empty() || m_levels.back().is_object || m_after_key) {
      return nullptr;
    }
    auto writer = std::make_unique<JsonWriter>(out);
    writer->m_levels = m_levels;
    writer->m_levels.back().count = std::max<std::size_t>(m_levels.back().count, 1);
    writer->m_continuation = true;
    return writer;
  }

  void append_items(util::TextSink& text, std::size_t items) override {
    // Straight to the output: the text can be tens of megabytes, so its
    // chunks change hands where the output is a TextSink too.
    flush();
    put_text(m_out, text);
    m_levels.back().count += items;
  }

 private:
  struct Level {
    bool is_object;
    std::size_t count = 0;
  };

  // Starts a new line for the next member or element, after a comma when
  // it is not the first.
  void separate() {
    if (m_levels.empty()) {
      return;
    }
    auto& level = m_levels.back();
    if (level.count++ > 0) {
      m_buffer += ',';
    }
    m_buffer += '\n';
    m_buffer.append(2 * m_levels.size(), ' ');
  }

  void before_value() {
    if (m_after_key) {
      m_after_key = false;
      return;
    }
    separate();
  }

  void open(char bracket, bool is_object) {
    before_value();
    m_buffer += bracket;
    m_levels.push_back(Level{is_object});
  }

  void close(char bracket) {
    bool had_items = m_levels.back().count > 0;
    m_levels.pop_back();
    if (had_items) {
      m_buffer += '\n';
      m_buffer.append(2 * m_levels.size(), ' ');
    }
    m_buffer += bracket;
    maybe_flush();
  }

  void maybe_flush() {
    if (m_buffer.size() >= k_flush_size) {
      flush();
    }
  }

  void flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
  }

  std::ostream& m_out;
  std::string m_buffer;
  std::vector<Level> m_levels;
  bool m_after_key = false;
  // Writes items that continue another writer's array (see continuation()).
  bool m_continuation = false;
};

} // namespace

std::unique_ptr<TreeWriter> make_json_writer(std::ostream& out) {
  return std::make_unique<JsonWriter>(out);
}

} // namespace kensa::format::common
