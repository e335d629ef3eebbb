#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/util/result.hpp>
#include <kensa/validate/json_schema.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

// What SchemaRegistry knows about its documents: every schema resource by
// URI, every anchor, and for every subschema the base URI and dialect that
// apply to it, so that a `$ref` target compiles the same way however it is
// reached.
namespace kensa::validate::schema {

using SchemaJson = kensa::json::Value;

struct NodeInfo {
  // Base URI `$ref`s inside this subschema resolve against (no fragment).
  std::string base_uri;
  SchemaDialect dialect = SchemaDialect::draft7;
  // "<resource URI>#<JSON Pointer>" of the subschema, for findings.
  std::string location;
};

struct RegistryData {
  SchemaDialect default_dialect = SchemaDialect::draft7;
  // Shared with the trees compiled from them, whose keywords keep values
  // of these documents.
  std::vector<std::shared_ptr<const kensa::json::Document>> documents;
  // Absolute URI without fragment -> schema resource root.
  std::unordered_map<std::string, SchemaJson> resources;
  // "<absolute URI>#<anchor name>" -> subschema.
  std::unordered_map<std::string, SchemaJson> anchors;
  // Every subschema, by the address of its node in its document
  // (Value::address()).
  std::unordered_map<const void*, NodeInfo> nodes;

  // Registers the subschemas of `document` (already stored in `documents`),
  // retrieved as `uri`. Fails without changing anything when a URI it would
  // claim is taken.
  Status index(const SchemaJson& document, const std::string& uri);
};

// The dialect a "$schema" value names, or `fallback` when it names none
// kensa knows.
SchemaDialect dialect_of(std::string_view schema_uri, SchemaDialect fallback);

// True for draft-04, -06 and -07, where "$ref" hides its sibling keywords
// and "$id" may carry a plain-name fragment.
inline bool is_legacy(SchemaDialect dialect) {
  return dialect == SchemaDialect::draft4 || dialect == SchemaDialect::draft6 ||
         dialect == SchemaDialect::draft7;
}

// The keyword holding a schema's identifier in `dialect` ("id" in draft-04).
inline const char* id_keyword(SchemaDialect dialect) {
  return dialect == SchemaDialect::draft4 ? "id" : "$id";
}

} // namespace kensa::validate::schema
