#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kensa::format::common {

// Streams indented XML into a string: elements, attributes and text, escaped
// so that any input text (including invalid UTF-8 and control characters,
// which XML 1.0 cannot carry and which become U+FFFD) gives well-formed XML.
class XmlWriter {
 public:
  explicit XmlWriter(std::string& out) : m_out(out) {}

  // <?xml version="1.0" encoding="UTF-8"?>
  void declaration();
  // Opens an element; attribute() calls may follow until its first child.
  void start(std::string_view name);
  void attribute(std::string_view name, std::string_view value);
  // Text content of the innermost open element, on the same line; an
  // element with text has no child elements.
  void text(std::string_view text);
  // Closes the innermost open element.
  void end();
  // <name>text</name> on one line.
  void text_element(std::string_view name, std::string_view text);
  // As text_element, when `text` is not empty.
  void optional_text_element(std::string_view name, std::string_view text);
  // An element with one attribute and no content: <name attribute="value"/>.
  void empty_element(std::string_view name, std::string_view attribute_name,
                     std::string_view value);

 private:
  struct Open {
    std::string name;
    bool has_children = false;
  };

  void close_start_tag();
  void new_line();

  std::string& m_out;
  std::vector<Open> m_open;
  bool m_in_start_tag = false;
};

// Appends `text` escaped for XML content (or, with `attribute`, for a
// double-quoted attribute value).
void append_xml_escaped(std::string& out, std::string_view text, bool attribute);

} // namespace kensa::format::common
