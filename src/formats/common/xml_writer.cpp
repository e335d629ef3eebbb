#include "xml_writer.hpp"

#include "tree_writer.hpp"

namespace kensa::format::common {

void append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
  std::string valid;
  append_valid_utf8(valid, text);
  for (std::size_t i = 0; i < valid.size(); ++i) {
    char c = valid[i];
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += attribute ? "&quot;" : "\"";
      break;
    case '\r':
      // A parser would turn a raw carriage return into a line feed.
      out += "&#13;";
      break;
    case '\n':
    case '\t':
      // In attributes a parser would turn them into spaces.
      if (attribute) {
        out += c == '\n' ? "&#10;" : "&#9;";
      } else {
        out += c;
      }
      break;
    default:
      if (byte < 0x20) {
        out += "\xEF\xBF\xBD"; // Not allowed in XML 1.0 at all.
      } else if (byte == 0xEF && i + 2 < valid.size() && valid[i + 1] == '\xBF' &&
                 (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) {
        out += "\xEF\xBF\xBD"; // U+FFFE and U+FFFF are not XML characters.
        i += 2;
      } else {
        out += c;
      }
    }
  }
}

void XmlWriter::declaration() {
  m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
}

void XmlWriter::new_line() {
  m_out += '\n';
  m_out.append(2 * m_open.size(), ' ');
}

void XmlWriter::close_start_tag() {
  if (m_in_start_tag) {
    m_out += '>';
    m_in_start_tag = false;
  }
}

void XmlWriter::start(std::string_view name) {
  close_start_tag();
  if (!m_open.empty()) {
    m_open.back().has_children = true;
  }
  if (!m_out.empty()) {
    new_line();
  }
  m_out += '<';
  m_out += name;
  m_open.push_back(Open{std::string(name)});
  m_in_start_tag = true;
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
  m_out += ' ';
  m_out += name;
  m_out += "=\"";
  append_xml_escaped(m_out, value, true);
  m_out += '"';
}

void XmlWriter::text(std::string_view text) {
  close_start_tag();
  append_xml_escaped(m_out, text, false);
}

void XmlWriter::end() {
  Open open = std::move(m_open.back());
  m_open.pop_back();
  if (m_in_start_tag) {
    m_out += "/>";
    m_in_start_tag = false;
    return;
  }
  if (open.has_children) {
    new_line();
  }
  m_out += "</";
  m_out += open.name;
  m_out += '>';
}

void XmlWriter::text_element(std::string_view name, std::string_view text) {
  start(name);
  close_start_tag();
  append_xml_escaped(m_out, text, false);
  m_out += "</";
  m_out += name;
  m_out += '>';
  m_open.pop_back();
}

void XmlWriter::optional_text_element(std::string_view name, std::string_view text) {
  if (!text.empty()) {
    text_element(name, text);
  }
}

void XmlWriter::empty_element(std::string_view name, std::string_view attribute_name,
                              std::string_view value) {
  start(name);
  attribute(attribute_name, value);
  end();
}

} // namespace kensa::format::common
