#include "tree_writer.hpp"

#include <kensa/util/strings.hpp>

#include <string>
#include <vector>

namespace kensa::format::common {

namespace {

constexpr std::size_t k_flush_size = 1 << 16;

// Whether a key can be written plain: SPDX and kensa keys are identifiers.
bool is_plain_key(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  for (char c : name) {
    const bool ok = is_ascii_alnum(c) || c == '_' || c == '-' || c == '.';
    if (!ok) {
      return false;
    }
  }
  return name.front() != '-' && name.front() != '.';
}

// A double-quoted YAML scalar. Characters YAML does not allow unescaped (C0
// and C1 controls, DEL, the BOM, the line and paragraph separators) are
// escaped; everything else stays as UTF-8.
void append_yaml_string(std::string& out, std::string_view text) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string valid;
  append_valid_utf8(valid, text);
  out += '"';
  for (std::size_t i = 0; i < valid.size(); ++i) {
    auto c = static_cast<unsigned char>(valid[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += k_hex[c >> 4];
      out += k_hex[c & 0xF];
    } else if (c == 0xC2 && i + 1 < valid.size() &&
               static_cast<unsigned char>(valid[i + 1]) < 0xA0) {
      // U+0080 to U+009F: the second byte is the code point.
      auto code = static_cast<unsigned char>(valid[++i]);
      out += "\\x";
      out += k_hex[code >> 4];
      out += k_hex[code & 0xF];
    } else if (c == 0xE2 && valid.compare(i, 3, "\xE2\x80\xA8") == 0) {
      out += "\\L";
      i += 2;
    } else if (c == 0xE2 && valid.compare(i, 3, "\xE2\x80\xA9") == 0) {
      out += "\\P";
      i += 2;
    } else if (c == 0xEF && valid.compare(i, 3, "\xEF\xBB\xBF") == 0) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

class YamlWriter final : public TreeWriter {
 public:
  explicit YamlWriter(std::ostream& out) : m_out(out) { m_buffer = "---\n"; }

  void begin_object() override { open(true); }
  void end_object() override { close("{}"); }
  void begin_array() override { open(false); }
  void end_array() override { close("[]"); }

  void key(std::string_view name) override {
    auto& level = m_levels.back();
    ++level.count;
    if (m_cursor == Cursor::after_key) {
      m_buffer += '\n';
      m_cursor = Cursor::line_start;
    }
    if (m_cursor == Cursor::line_start) {
      m_buffer.append(level.indent, ' ');
    }
    if (is_plain_key(name)) {
      m_buffer += name;
    } else {
      append_yaml_string(m_buffer, name);
    }
    m_buffer += ':';
    m_cursor = Cursor::after_key;
  }

  void string(std::string_view value) override {
    before_scalar();
    append_yaml_string(m_buffer, value);
    end_line();
  }

  void integer(std::int64_t value) override {
    before_scalar();
    m_buffer += std::to_string(value);
    end_line();
  }

  void boolean(bool value) override {
    before_scalar();
    m_buffer += value ? "true" : "false";
    end_line();
  }

  void finish() override {
    if (m_cursor != Cursor::line_start) {
      m_buffer += '\n';
    }
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
  }

 private:
  // Where the text written so far ends.
  enum class Cursor { line_start, after_key, after_dash };

  struct Level {
    bool is_object;
    // Column of this object's keys, or of this array's dashes.
    std::size_t indent;
    std::size_t count = 0;
  };

  // Writes what must precede an array element: "- " at the array's column.
  void start_element() {
    auto& level = m_levels.back();
    ++level.count;
    if (m_cursor == Cursor::after_key) {
      m_buffer += '\n';
      m_cursor = Cursor::line_start;
    }
    if (m_cursor == Cursor::line_start) {
      m_buffer.append(level.indent, ' ');
    }
    m_buffer += "- ";
    m_cursor = Cursor::after_dash;
  }

  void before_scalar() {
    if (!m_levels.empty() && !m_levels.back().is_object) {
      start_element();
    } else if (m_cursor == Cursor::after_key) {
      m_buffer += ' ';
    }
  }

  void end_line() {
    m_buffer += '\n';
    m_cursor = Cursor::line_start;
    if (m_buffer.size() >= k_flush_size) {
      m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
      m_buffer.clear();
    }
  }

  void open(bool is_object) {
    if (m_levels.empty()) {
      m_levels.push_back(Level{is_object, 0});
      return;
    }
    const Level parent = m_levels.back();
    std::size_t indent = 0;
    if (!parent.is_object) {
      start_element();
      indent = parent.indent + 2;
    } else {
      // An object's members go one level in; an array's dashes stay at the
      // column of its key, the style of the SPDX examples.
      indent = is_object ? parent.indent + 2 : parent.indent;
    }
    m_levels.push_back(Level{is_object, indent});
  }

  void close(std::string_view empty) {
    bool had_items = m_levels.back().count > 0;
    m_levels.pop_back();
    if (had_items) {
      return;
    }
    if (m_cursor == Cursor::after_key) {
      m_buffer += ' ';
    }
    m_buffer += empty;
    end_line();
  }

  std::ostream& m_out;
  std::string m_buffer;
  std::vector<Level> m_levels;
  Cursor m_cursor = Cursor::line_start;
};

} // namespace

std::unique_ptr<TreeWriter> make_yaml_writer(std::ostream& out) {
  return std::make_unique<YamlWriter>(out);
}

} // namespace kensa::format::common
