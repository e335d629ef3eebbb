#pragma once

#include <kensa/util/result.hpp>
#include <kensa/validate/json_schema.hpp>
#include <kensa/validate/schema_finding.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

// XML Schema (XSD 1.0) validation with libxml2, fully offline: schemas come
// from the bundled resources, an import of another bundled schema is served
// from memory, and no document or schema can make libxml2 read a file or the
// network (no DTD loading, no external entities).
namespace kensa::validate {

namespace bundled {
struct XmlSchemaHandle;
} // namespace bundled

class XmlSchema {
 public:
  // Validates the XML text `document`. Malformed XML gives `invalid`
  // findings too. Findings carry the line (and, for schema errors, the
  // element path). Safe to call from several threads.
  SchemaValidation validate(std::string_view document) const;

  // The bundled resource the schema was loaded from.
  const std::string& name() const;

 private:
  friend Result<XmlSchema> load_bundled_xml_schema(std::string_view resource_name);
  std::shared_ptr<const bundled::XmlSchemaHandle> m_handle;
};

// Loads the bundled XSD `resource_name` (its path under schemas/, e.g.
// "cyclonedx/bom-1.6.SNAPSHOT.xsd"). Imports resolve to other bundled
// schemas of the same folder, by file name or by the URL
// "http://cyclonedx.org/schema/spdx" the published schemas use. Fails when
// the resource is missing or libxml2 rejects the schema.
Result<XmlSchema> load_bundled_xml_schema(std::string_view resource_name);

// The bundled CycloneDX XSD of `version` ("1.0" to "1.7"), loaded once per
// process and shared. Fails for an unknown version.
Result<XmlSchema> cyclonedx_xml_schema(std::string_view version);

// The versions cyclonedx_xml_schema() knows, oldest first.
std::vector<std::string> cyclonedx_xml_schema_versions();

} // namespace kensa::validate
