#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kensa::validate {

// What a schema finding means for the verdict.
enum class SchemaFindingKind {
  // The document breaks the schema.
  invalid,
  // The schema asks for something kensa cannot check (a `pattern` RE2 cannot
  // run); the document was not checked against that keyword there.
  unsupported,
  // A safety cap (nesting depth, findings count) stopped the check; the
  // document is treated as invalid.
  limit,
};

// "invalid", "unsupported" or "limit".
std::string_view to_string(SchemaFindingKind kind);

// One problem found by a schema check (JSON Schema or XSD).
struct SchemaFinding {
  SchemaFindingKind kind = SchemaFindingKind::invalid;
  // JSON: a JSON Pointer (RFC 6901) to the offending value; "" is the whole
  // document. XML: the path of the element, when libxml2 gives one.
  std::string instance_location;
  // XML: the 1-based line of the offending element; 0 when unknown or JSON.
  std::size_t line = 0;
  // JSON: the schema keyword that failed, as "<schema URI>#<JSON Pointer>",
  // e.g. "http://cyclonedx.org/schema/bom-1.6.schema.json#/definitions/hash/
  // properties/content/pattern". XML: empty.
  std::string keyword_location;
  // One sentence for a human, naming the expected and the found value.
  std::string message;
};

} // namespace kensa::validate
