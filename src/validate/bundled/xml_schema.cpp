#include "xml_resource_loader.hpp"

#include <kensa/util/resources.hpp>
#include <kensa/validate/xml_schema.hpp>

#include <climits>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

namespace kensa::validate {

namespace bundled {

struct XmlSchemaHandle {
  std::string name;
  std::string folder;
  std::string base_url;
  xmlSchemaPtr schema = nullptr;

  XmlSchemaHandle() = default;
  XmlSchemaHandle(const XmlSchemaHandle&) = delete;
  XmlSchemaHandle& operator=(const XmlSchemaHandle&) = delete;
  ~XmlSchemaHandle() {
    if (schema != nullptr) {
      xmlSchemaFree(schema);
    }
  }
};

} // namespace bundled

namespace {

// Never DTDLOAD, NOENT or DTDVALID: a document cannot make libxml2 fetch or
// expand anything from outside. BIG_LINES keeps line numbers past 65535.
constexpr int k_parse_options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;

// Findings beyond this many are dropped; one XML mistake can cascade.
constexpr std::size_t k_max_findings = 1'000;

// Where the bundled schemas of a folder pretend to live, so that their
// relative imports resolve to a URL the loader recognises.
std::string base_url_of(std::string_view folder) {
  return folder == "cyclonedx/" ? "http://cyclonedx.org/schema/"
                                : "https://kensa.invalid/schemas/" + std::string(folder);
}

struct Collector {
  SchemaValidation* result;
  SchemaFindingKind kind = SchemaFindingKind::invalid;
  // Whether an error's node sits in a whole tree, so that its path is
  // right; a streamed document keeps only part of it (the line is kept).
  bool node_paths = true;
};

std::string clean_message(const char* message) {
  std::string text = message == nullptr ? "XML error" : message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

void collect(void* user_data, xmlErrorPtr error) {
  auto* collector = static_cast<Collector*>(user_data);
  if (error == nullptr || error->level == XML_ERR_WARNING) {
    return;
  }
  SchemaValidation& result = *collector->result;
  result.valid = false;
  if (result.findings.size() >= k_max_findings) {
    result.truncated = true;
    return;
  }
  SchemaFinding finding;
  finding.kind = collector->kind;
  finding.line = error->line > 0 ? static_cast<std::size_t>(error->line) : 0;
  finding.message = clean_message(error->message);
  if (error->node != nullptr && collector->node_paths) {
    auto* node = static_cast<xmlNodePtr>(error->node);
    if (xmlChar* path = xmlGetNodePath(node)) {
      finding.instance_location = reinterpret_cast<const char*>(path);
      xmlFree(path);
    }
    if (finding.line == 0 && node->line > 0) {
      finding.line = static_cast<std::size_t>(xmlGetLineNo(node));
    }
  }
  result.findings.push_back(std::move(finding));
}

void ignore_generic(void*, const char*, ...) {}

// Routes libxml2's thread-local error reporting to a collector for the
// lifetime of the guard, restoring what was there before.
class ErrorRedirect {
 public:
  explicit ErrorRedirect(Collector& collector)
      : m_structured(xmlStructuredError), m_structured_context(xmlStructuredErrorContext),
        m_generic(xmlGenericError), m_generic_context(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(&collector, collect);
    xmlSetGenericErrorFunc(nullptr, ignore_generic);
  }
  ~ErrorRedirect() {
    xmlSetStructuredErrorFunc(m_structured_context, m_structured);
    xmlSetGenericErrorFunc(m_generic_context, m_generic);
  }
  ErrorRedirect(const ErrorRedirect&) = delete;
  ErrorRedirect& operator=(const ErrorRedirect&) = delete;

 private:
  xmlStructuredErrorFunc m_structured;
  void* m_structured_context;
  xmlGenericErrorFunc m_generic;
  void* m_generic_context;
};

// Validation contexts, reused from one document to the next and kept for
// the life of the process. libxml2 2.9 frees a context without the record
// of an element still open when a document ended before closing it (72
// bytes per malformed document, reported as a leak); a context that is
// reused takes that record up again, so nothing is lost and nothing grows.
// A context serves one document at a time: validate() may run on several
// threads.
class ValidationContextPool {
 public:
  xmlSchemaValidCtxtPtr acquire(xmlSchemaPtr schema) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_idle.find(schema);
    if (it == m_idle.end()) {
      return xmlSchemaNewValidCtxt(schema);
    }
    xmlSchemaValidCtxtPtr context = it->second;
    m_idle.erase(it);
    return context;
  }
  void release(xmlSchemaPtr schema, xmlSchemaValidCtxtPtr context) {
    const std::lock_guard lock(m_mutex);
    m_idle.emplace(schema, context);
  }

 private:
  std::mutex m_mutex;
  std::multimap<xmlSchemaPtr, xmlSchemaValidCtxtPtr> m_idle;
};

ValidationContextPool& validation_contexts() {
  // Never destroyed: its contexts stay reachable until the process ends.
  static auto* pool = new ValidationContextPool;
  return *pool;
}

// A context from the pool for one document, given back when done.
class ValidationContextLease {
 public:
  explicit ValidationContextLease(xmlSchemaPtr schema)
      : m_schema(schema), m_context(validation_contexts().acquire(schema)) {}
  ~ValidationContextLease() {
    if (m_context != nullptr) {
      validation_contexts().release(m_schema, m_context);
    }
  }
  ValidationContextLease(const ValidationContextLease&) = delete;
  ValidationContextLease& operator=(const ValidationContextLease&) = delete;
  xmlSchemaValidCtxtPtr get() const { return m_context; }

 private:
  xmlSchemaPtr m_schema;
  xmlSchemaValidCtxtPtr m_context;
};

} // namespace

SchemaValidation XmlSchema::validate(std::string_view document) const {
  bundled::init_xml();
  SchemaValidation result;
  Collector collector{&result, SchemaFindingKind::invalid, false};
  if (document.size() > static_cast<std::size_t>(INT_MAX)) {
    SchemaFinding finding;
    finding.kind = SchemaFindingKind::limit;
    finding.message = "the XML document is larger than 2 GiB";
    result.findings.push_back(std::move(finding));
    result.valid = false;
    return result;
  }
  // Nothing may be loaded while the document is read or validated.
  const bundled::XmlLoaderScope refuse_all("", "");
  const ErrorRedirect redirect(collector);
  // Read and validated as a stream: no tree of the document is built, so a
  // 130 MB BOM is checked in bounded memory (its tree took 1.3 GB).
  const ValidationContextLease context(m_handle->schema);
  xmlTextReaderPtr reader = xmlReaderForMemory(document.data(), static_cast<int>(document.size()),
                                               "document.xml", nullptr, k_parse_options);
  if (reader == nullptr || context.get() == nullptr ||
      xmlTextReaderSchemaValidateCtxt(reader, context.get(), 0) != 0) {
    if (reader != nullptr) {
      xmlFreeTextReader(reader);
    }
    SchemaFinding finding;
    finding.kind = SchemaFindingKind::limit;
    finding.message = "out of memory while validating XML";
    result.findings.push_back(std::move(finding));
    result.valid = false;
    return result;
  }
  // Errors reach the collector through the thread's redirect only: a
  // handler set on the reader itself is called, for a document that is not
  // well-formed, with the schema's SAX plug where libxml2 2.9 expects the
  // parser context, and crashes.
  int status = 0;
  while ((status = xmlTextReaderRead(reader)) == 1) {
  }
  const bool valid = status == 0 && xmlTextReaderIsValid(reader) == 1;
  xmlFreeTextReader(reader);
  if (!valid) {
    result.valid = false;
    if (result.findings.empty()) {
      SchemaFinding finding;
      finding.message =
          status != 0 ? "not well-formed XML" : "the document does not match the schema";
      result.findings.push_back(std::move(finding));
    }
  }
  return result;
}

const std::string& XmlSchema::name() const {
  return m_handle->name;
}

Result<XmlSchema> load_bundled_xml_schema(std::string_view resource_name) {
  bundled::init_xml();
  const auto data = resources::find(resource_name);
  if (!data) {
    return fail("no bundled XML schema " + std::string(resource_name));
  }
  auto handle = std::make_shared<bundled::XmlSchemaHandle>();
  handle->name = std::string(resource_name);
  const auto slash = resource_name.rfind('/');
  handle->folder = slash == std::string_view::npos
                       ? std::string{}
                       : std::string(resource_name.substr(0, slash + 1));
  handle->base_url = base_url_of(handle->folder);
  const std::string url = handle->base_url + std::string(slash == std::string_view::npos
                                                             ? resource_name
                                                             : resource_name.substr(slash + 1));

  SchemaValidation problems;
  Collector collector{&problems};
  const bundled::XmlLoaderScope serve_bundled(handle->folder, handle->base_url);
  const ErrorRedirect redirect(collector);
  xmlDocPtr doc = xmlReadMemory(data->data(), static_cast<int>(data->size()), url.c_str(), nullptr,
                                k_parse_options);
  if (doc == nullptr) {
    return fail("the bundled XML schema " + std::string(resource_name) + " is not well-formed");
  }
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewDocParserCtxt(doc);
  if (parser == nullptr) {
    xmlFreeDoc(doc);
    return fail("out of memory loading " + std::string(resource_name));
  }
  xmlSchemaSetParserStructuredErrors(parser, collect, &collector);
  handle->schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  xmlFreeDoc(doc);
  if (handle->schema == nullptr || !problems.findings.empty()) {
    return fail(
        "libxml2 rejects the bundled XML schema " + std::string(resource_name) +
        (problems.findings.empty() ? std::string{} : ": " + problems.findings.front().message));
  }
  XmlSchema schema;
  schema.m_handle = std::move(handle);
  return schema;
}

std::vector<std::string> cyclonedx_xml_schema_versions() {
  return {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"};
}

Result<XmlSchema> cyclonedx_xml_schema(std::string_view version) {
  const auto versions = cyclonedx_xml_schema_versions();
  if (std::find(versions.begin(), versions.end(), version) == versions.end()) {
    return fail("no bundled CycloneDX XML schema for version " + std::string(version));
  }
  static std::mutex mutex;
  static std::map<std::string, XmlSchema, std::less<>> cache;
  const std::lock_guard lock(mutex);
  if (const auto it = cache.find(version); it != cache.end()) {
    return it->second;
  }
  auto schema = load_bundled_xml_schema("cyclonedx/bom-" + std::string(version) + ".SNAPSHOT.xsd");
  if (schema) {
    cache.emplace(std::string(version), *schema);
  }
  return schema;
}

} // namespace kensa::validate
