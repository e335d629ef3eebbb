#pragma once

#include <libxml/parser.h>

#include <string>
#include <string_view>

// The one door through which libxml2 may read anything beyond the text it is
// given: a process-wide external entity loader that, on a thread inside
// XmlLoaderScope, serves bundled schemas from memory and refuses everything
// else. Outside such a scope it defers to the loader installed before.
namespace kensa::validate::bundled {

// Installs the loader once and initialises libxml2.
void init_xml();

// While alive, libxml2 calls on this thread read only bundled resources of
// `folder` (e.g. "cyclonedx/"), by their file name relative to `base_url`
// or by an alias URL. Pass an empty folder to refuse every load.
class XmlLoaderScope {
 public:
  explicit XmlLoaderScope(std::string folder, std::string base_url);
  ~XmlLoaderScope();
  XmlLoaderScope(const XmlLoaderScope&) = delete;
  XmlLoaderScope& operator=(const XmlLoaderScope&) = delete;

 private:
  const XmlLoaderScope* m_previous;
  std::string m_folder;
  std::string m_base_url;

  friend xmlParserInputPtr load_entity(const char* url, const char* id, xmlParserCtxtPtr context);
};

xmlParserInputPtr load_entity(const char* url, const char* id, xmlParserCtxtPtr context);

} // namespace kensa::validate::bundled
