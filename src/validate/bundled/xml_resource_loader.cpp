#include "xml_resource_loader.hpp"

#include <kensa/util/resources.hpp>

#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>

#include <mutex>
#include <utility>

namespace kensa::validate::bundled {

namespace {

thread_local const XmlLoaderScope* t_scope = nullptr;
xmlExternalEntityLoader g_previous_loader = nullptr;

// The XSDs published by CycloneDX import "http://cyclonedx.org/schema/spdx"
// (the XML catalog maps it to spdx.xsd); the bundled copies name the file.
constexpr std::pair<std::string_view, std::string_view> k_aliases[] = {
    {"http://cyclonedx.org/schema/spdx", "spdx.SNAPSHOT.xsd"},
    {"http://cyclonedx.org/schema/spdx.xsd", "spdx.SNAPSHOT.xsd"},
};

std::string_view file_name(std::string_view url) {
  const auto slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

} // namespace

void init_xml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    g_previous_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(load_entity);
  });
}

XmlLoaderScope::XmlLoaderScope(std::string folder, std::string base_url)
    : m_previous(t_scope), m_folder(std::move(folder)), m_base_url(std::move(base_url)) {
  t_scope = this;
}

XmlLoaderScope::~XmlLoaderScope() {
  t_scope = m_previous;
}

xmlParserInputPtr load_entity(const char* url, const char* id, xmlParserCtxtPtr context) {
  const XmlLoaderScope* scope = t_scope;
  if (scope == nullptr) {
    return g_previous_loader != nullptr ? g_previous_loader(url, id, context) : nullptr;
  }
  if (url == nullptr || scope->m_folder.empty()) {
    return nullptr;
  }
  const std::string_view wanted(url);
  std::string_view file;
  for (const auto& [alias, target] : k_aliases) {
    if (wanted == alias) {
      file = target;
    }
  }
  if (file.empty() &&
      (wanted.starts_with(scope->m_base_url) || wanted.find('/') == std::string_view::npos)) {
    file = file_name(wanted);
  }
  if (file.empty()) {
    return nullptr;
  }
  const auto data = resources::find(scope->m_folder + std::string(file));
  if (!data) {
    return nullptr;
  }
  // A copy: libxml2 2.9's static buffers mishandle input longer than
  // their first read.
  xmlParserInputBufferPtr buffer = xmlParserInputBufferCreateMem(
      data->data(), static_cast<int>(data->size()), XML_CHAR_ENCODING_NONE);
  if (buffer == nullptr) {
    return nullptr;
  }
  xmlParserInputPtr input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE);
  if (input == nullptr) {
    xmlFreeParserInputBuffer(buffer);
    return nullptr;
  }
  // The URL becomes the document's base, against which its own imports
  // resolve.
  input->filename = reinterpret_cast<const char*>(xmlStrdup(reinterpret_cast<const xmlChar*>(url)));
  return input;
}

} // namespace kensa::validate::bundled
