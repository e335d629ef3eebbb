#include "xml_tree.hpp"

#include <kensa/util/strings.hpp>

#include <libxml/parser.h>

#include <algorithm>

namespace kensa::scanner {

void XmlDocumentDeleter::operator()(xmlDoc* document) const {
  xmlFreeDoc(document);
}

namespace {

struct ParserContextDeleter {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

std::string one_line(std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return std::string(trim(message));
}

} // namespace

XmlDocument parse_untrusted_xml(std::string_view text, std::string& error, std::size_t max_markup) {
  if (text.size() > k_max_xml_size) {
    error = "larger than " + std::to_string(k_max_xml_size >> 20) + " MiB";
    return nullptr;
  }
  if (static_cast<std::size_t>(std::count(text.begin(), text.end(), '<')) > max_markup) {
    error = "more than " + std::to_string(max_markup) + " elements";
    return nullptr;
  }
  // Entity declarations only live in a DOCTYPE's internal subset; without
  // them a document can only use the five predefined entities and character
  // references, which expand to one character each.
  if (text.find("<!ENTITY") != std::string_view::npos) {
    error = "declares XML entities, which are not read";
    return nullptr;
  }
  std::unique_ptr<xmlParserCtxt, ParserContextDeleter> context(xmlNewParserCtxt());
  if (!context) {
    error = "out of memory";
    return nullptr;
  }
  // The parser context keeps its own last error, so concurrent scans do not
  // see each other's. Without XML_PARSE_HUGE libxml2 stops at 256 levels of
  // nesting and at 10 MB text nodes.
  XmlDocument document(xmlCtxtReadMemory(
      context.get(), text.data(), static_cast<int>(text.size()), nullptr, nullptr,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
  if (!document || context->wellFormed == 0) {
    const xmlError* last = xmlCtxtGetLastError(context.get());
    if (last != nullptr && last->message != nullptr) {
      error = "line " + std::to_string(last->line) + ": " + one_line(last->message);
    } else {
      error = "not well-formed XML";
    }
    return nullptr;
  }
  return document;
}

std::string_view local_name(const xmlNode* node) {
  return node->name == nullptr ? std::string_view()
                               : std::string_view(reinterpret_cast<const char*>(node->name));
}

const xmlNode* child_element(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && local_name(child) == name) {
      return child;
    }
  }
  return nullptr;
}

std::string element_text(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content != nullptr) {
      text += reinterpret_cast<const char*>(child->content);
    }
  }
  return std::string(trim(text));
}

std::string child_text(const xmlNode* node, std::string_view name) {
  const xmlNode* child = child_element(node, name);
  return child == nullptr ? std::string() : element_text(child);
}

std::string attribute_value(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) {
    return {};
  }
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

} // namespace kensa::scanner
