#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/util/result.hpp>
#include <kensa/validate/schema_finding.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// kensa's JSON Schema engine: draft-07 completely, plus the 2019-09 and
// 2020-12 keywords SBOM schemas use. A schema is compiled once into a tree of
// checks; `$ref` resolves by `$id` inside a SchemaRegistry, never over the
// network; `pattern` runs on RE2. docs/validate/json-schema-engine.md says
// what is supported.
namespace kensa::validate {

namespace schema {
struct CompiledTree;
struct Node;
struct RegistryData;
} // namespace schema

// The JSON Schema version whose rules apply to a schema resource. A
// resource's "$schema" chooses it; the registry's default applies otherwise.
enum class SchemaDialect {
  draft4,
  draft6,
  draft7,
  draft2019_09,
  draft2020_12,
};

// Caps that keep validation bounded on hostile documents.
struct SchemaLimits {
  // Instances nested deeper than this (an array or object counts one level)
  // are not walked: the result is one `limit` finding.
  std::size_t max_depth = 10'000;
  // Findings beyond this many are dropped and the result marked truncated.
  std::size_t max_findings = 1'000;
  // Lets a second thread check the second half of one big array (4,096
  // items or more, e.g. a BOM's components). The findings are the same as
  // with one thread, in the same order.
  bool split_big_arrays = true;
};

struct SchemaOptions {
  // Check `format` (date-time, uri, email, ...). Formats kensa does not know
  // are always accepted.
  bool check_formats = true;
};

// The outcome of validating one document.
struct SchemaValidation {
  // False when there is an `invalid` or `limit` finding. `unsupported`
  // findings do not make a document invalid.
  bool valid = true;
  // True when findings were dropped because of SchemaLimits::max_findings.
  bool truncated = false;
  // In the order the document was walked.
  std::vector<SchemaFinding> findings;
};

// A schema compiled into a validator. Cheap to copy (the compiled tree is
// shared); validate() is const and safe to call from several threads.
class CompiledSchema {
 public:
  // Validates `instance`. Never throws on any input; nesting deeper than
  // limits.max_depth gives a `limit` finding.
  SchemaValidation validate(const kensa::json::Value& instance,
                            const SchemaLimits& limits = {}) const;

  // The absolute URI the schema was compiled from.
  const std::string& uri() const;

  // Problems found in the schema itself while compiling, e.g. a `pattern`
  // RE2 cannot run (kind `unsupported`, instance_location empty).
  const std::vector<SchemaFinding>& schema_warnings() const;

 private:
  friend class SchemaRegistry;
  std::shared_ptr<const schema::CompiledTree> m_tree;
};

// A set of schema documents that refer to each other by URI. Documents are
// registered under the URI they are "retrieved" from and under every `$id`
// inside; `$ref` resolves only among them.
class SchemaRegistry {
 public:
  // `default_dialect` applies to schemas without "$schema".
  explicit SchemaRegistry(SchemaDialect default_dialect = SchemaDialect::draft7);
  ~SchemaRegistry();
  SchemaRegistry(SchemaRegistry&&) noexcept;
  SchemaRegistry& operator=(SchemaRegistry&&) noexcept;
  SchemaRegistry(const SchemaRegistry&) = delete;
  SchemaRegistry& operator=(const SchemaRegistry&) = delete;

  // Registers `schema`, retrievable as `uri` (an absolute URI; a fragment is
  // ignored). The `$id`s and anchors inside are resolved against it and
  // registered too. Fails, registering nothing, when `schema` is not an
  // object or boolean, or a URI it would claim is already taken by another
  // document. Schemas are read into the same kind of tree as the documents
  // they validate.
  Status add(std::string_view uri, kensa::json::Document schema);
  // The same for the JSON text of a schema, read with kensa's JSON parser;
  // fails with the line and column of a syntax error.
  Status add_text(std::string_view uri, std::string_view text);

  // Makes the document registered as `uri` retrievable as `alias` too.
  // Fails when `uri` is unknown or `alias` is taken.
  Status add_alias(std::string_view alias, std::string_view uri);

  // Whether `uri` (without fragment) names a registered schema resource.
  bool contains(std::string_view uri) const;

  // Compiles the schema `uri` names (a fragment may point into a document or
  // name an anchor) with every schema it reaches through `$ref`. Fails when
  // it or a `$ref` cannot be resolved, or a keyword has a malformed value
  // (e.g. `"minLength": "3"`).
  Result<CompiledSchema> compile(std::string_view uri, const SchemaOptions& options = {}) const;

 private:
  std::unique_ptr<schema::RegistryData> m_data;
};

// Resolves `reference` against the absolute URI `base` (RFC 3986 section
// 5.2, dot segments removed), as the registry resolves `$id` and `$ref`:
// for a caller that registers documents beside one another.
std::string resolve_schema_uri(std::string_view base, std::string_view reference);

namespace schema {

// -1, 0 or 1 comparing two numbers exactly, as `const`, `enum` and
// `multipleOf` do (integers beyond 2^53 included). Precondition: both are
// numbers.
int compare_numbers(const kensa::json::Value& a, const kensa::json::Value& b);

} // namespace schema

} // namespace kensa::validate
