#pragma once

#include "node.hpp"
#include "registry_data.hpp"

#include <kensa/util/result.hpp>
#include <kensa/validate/json_schema.hpp>

#include <string_view>

namespace kensa::validate::schema {

// Compiles the schema `uri` names, and everything it references, from the
// documents in `registry` into `tree` (which then owns every node).
Status compile_schema(const RegistryData& registry, std::string_view uri,
                      const SchemaOptions& options, CompiledTree& tree);

} // namespace kensa::validate::schema
