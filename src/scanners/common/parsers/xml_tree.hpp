#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

// Reading untrusted XML (pom.xml, Gradle's verification-metadata.xml, MSBuild
// projects, .nuspec files) into a libxml2 tree, and the few questions the
// readers ask of it. Element names are compared by local name, so a default
// namespace (xmlns="http://maven.apache.org/POM/4.0.0") or a prefix changes
// nothing.
namespace kensa::scanner {

// Largest XML text parsed; larger files are refused.
inline constexpr std::size_t k_max_xml_size = 16u << 20;
// Most markup (tags, comments, processing instructions: each '<') a text
// may hold. libxml2 spends over a hundred bytes on each node, so this, not
// the size, is what bounds the tree's memory.
inline constexpr std::size_t k_max_xml_markup = 2'000'000;

struct XmlDocumentDeleter {
  void operator()(xmlDoc* document) const;
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocumentDeleter>;

// Parses `text` offline: no network, no DTD loading, no entity substitution,
// no XInclude. Text with an entity declaration is refused before parsing (no
// build file needs one, and refusing it rules out entity expansion attacks);
// libxml2 itself refuses nesting deeper than 256 elements. Text with more
// than `max_markup` '<' is refused too. Returns null and sets `error` (one
// line) on failure.
XmlDocument parse_untrusted_xml(std::string_view text, std::string& error,
                                std::size_t max_markup = k_max_xml_markup);

// The element's name without its namespace prefix.
std::string_view local_name(const xmlNode* node);

// The first child element with local name `name`, or null.
const xmlNode* child_element(const xmlNode* node, std::string_view name);

// Calls `visit` with every child element of `node`, in document order.
template <typename Visit>
void for_each_child_element(const xmlNode* node, Visit visit) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      visit(child);
    }
  }
}

// The text of `node`'s own text and CDATA children, trimmed. Child elements
// and entity references are not looked into, so the result can never be
// larger than the input.
std::string element_text(const xmlNode* node);

// element_text of the first child element named `name`; empty when absent.
std::string child_text(const xmlNode* node, std::string_view name);

// The attribute's value, empty when absent.
std::string attribute_value(const xmlNode* node, const char* name);

} // namespace kensa::scanner
