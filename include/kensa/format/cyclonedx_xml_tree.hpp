#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/util/result.hpp>

#include <string>
#include <string_view>

// CycloneDX XML as the JSON tree of the same BOM, so that one set of semantic
// rules and profiles (kensa validate) and one mapping into the model (the
// CycloneDX reader) serve both encodings.
namespace kensa::format {

// Reads CycloneDX XML 1.2 to 1.7. Converted: metadata (timestamp,
// lifecycles, tools, authors, manufacturer, supplier, component,
// properties), components with their identity, parties, hashes, licenses,
// references, properties, evidence, nesting and isExternal, dependencies
// (dependsOn and provides) and compositions (aggregate and the refs they
// list); services (bom-ref, group, name, version, nested services),
// vulnerabilities (bom-ref, id, the refs they affect) and annotations
// (bom-ref, subjects, the annotator's bom-ref and name), so that references
// to them resolve as in JSON; formulation becomes an array of empty
// objects (present, counted, not read). A member given twice
// is kept twice (the last one is what a lookup finds). The parser loads no
// DTD and expands no entity a DOCTYPE declares; components nested deeper
// than 128 levels make the read fail. Fails with the line of the first
// error when the text is not well-formed XML or its root is not <bom>.
Result<json::Document> cyclonedx_xml_tree(std::string_view text, std::string_view source_name);

// The same, parsing `text` where it is instead of in a copy: for a text
// that is freed afterwards (a big document is not held twice). `text` is
// left changed (entities decoded, terminators written); the tree does not
// point into it.
Result<json::Document> cyclonedx_xml_tree_in_place(std::string& text, std::string_view source_name);

} // namespace kensa::format
