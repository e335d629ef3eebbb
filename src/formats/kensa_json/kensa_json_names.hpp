#pragma once

#include <kensa/model/document.hpp>

#include <optional>
#include <string_view>

// Spellings of the model's enumerations in kensa-json, and back. The
// enumerations with a CycloneDX spelling (type, scope, hash algorithm) use
// the model's own name functions instead.
namespace kensa::format::kensa_json {

std::string_view completeness_name(model::Completeness completeness);
std::optional<model::Completeness> parse_completeness(std::string_view name);

std::string_view severity_name(model::Severity severity);
std::optional<model::Severity> parse_severity(std::string_view name);

// The component type named `name` in CycloneDX spelling, any version.
std::optional<model::ComponentType> parse_component_type(std::string_view name);
std::optional<model::Scope> parse_scope(std::string_view name);
std::optional<model::RelationshipType> parse_relationship_type(std::string_view name);

} // namespace kensa::format::kensa_json
