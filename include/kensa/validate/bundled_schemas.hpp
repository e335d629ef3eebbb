#pragma once

#include <kensa/util/result.hpp>
#include <kensa/validate/json_schema.hpp>

#include <string>
#include <string_view>
#include <vector>

// The JSON schemas compiled into kensa (schemas/, see schemas/SOURCES.md),
// registered so that their references resolve offline.
namespace kensa::validate {

// Registers the bundled JSON schema `resource_name` (its path under schemas/,
// e.g. "cyclonedx/bom-1.6.SNAPSHOT.schema.json") under its `$id` and under
// the URL its file name gives beside that `$id`
// ("http://cyclonedx.org/schema/bom-1.6.SNAPSHOT.schema.json"): the bundled
// CycloneDX schemas refer to each other by those file names. Returns the URI
// to compile it by (its `$id`, or that URL when it has none). Fails when there
// is no such resource, it is not a JSON schema, or a URI is already taken.
Result<std::string> add_bundled_schema(SchemaRegistry& registry, std::string_view resource_name);

// Compiles the bundled JSON schema `resource_name` together with the helper
// schemas of its folder it may reference (every other "*.schema.json" there
// whose name does not start with "bom-": SPDX ids, JSF, cryptography
// definitions). Fails as add_bundled_schema and SchemaRegistry::compile do.
Result<CompiledSchema> compile_bundled_schema(std::string_view resource_name,
                                              const SchemaOptions& options = {});

// The bundled CycloneDX JSON schema of `version` ("1.2" to "1.7"); `strict`
// picks bom-1.2-strict or bom-1.3-strict (the schemas upstream tests 1.2
// and 1.3 with). Compiled once per process and shared; thread-safe. Fails
// for an unknown version.
Result<CompiledSchema> cyclonedx_json_schema(std::string_view version, bool strict = false);

// The versions cyclonedx_json_schema() knows, oldest first.
std::vector<std::string> cyclonedx_json_schema_versions();

// kensa's own schema for SPDX documents in JSON form (schemas/spdx/,
// written from the SPDX specification; see docs/validate/spdx-schemas.md):
// "2.2", "2.3" or "3.0.1". Compiled once per process and shared. Fails for
// a version kensa has no schema for.
Result<CompiledSchema> spdx_json_schema(std::string_view version);

} // namespace kensa::validate
