#include "kensa_json_names.hpp"

#include <array>

namespace kensa::format::kensa_json {

namespace {

// Inverts a name function by trying every value of an enumeration whose
// values run from 0 to `count` - 1.
template <typename Enum, std::size_t count, typename NameOf>
std::optional<Enum> parse_by_name(std::string_view name, NameOf name_of) {
  for (std::size_t i = 0; i < count; ++i) {
    auto value = static_cast<Enum>(i);
    if (name_of(value) == name) {
      return value;
    }
  }
  return std::nullopt;
}

} // namespace

std::string_view completeness_name(model::Completeness completeness) {
  switch (completeness) {
  case model::Completeness::complete:
    return "complete";
  case model::Completeness::incomplete:
    return "incomplete";
  case model::Completeness::unknown:
    break;
  }
  return "unknown";
}

std::optional<model::Completeness> parse_completeness(std::string_view name) {
  return parse_by_name<model::Completeness, 3>(name, completeness_name);
}

std::string_view severity_name(model::Severity severity) {
  switch (severity) {
  case model::Severity::info:
    return "info";
  case model::Severity::error:
    return "error";
  case model::Severity::warning:
    break;
  }
  return "warning";
}

std::optional<model::Severity> parse_severity(std::string_view name) {
  return parse_by_name<model::Severity, 3>(name, severity_name);
}

std::optional<model::ComponentType> parse_component_type(std::string_view name) {
  return parse_by_name<model::ComponentType,
                       static_cast<std::size_t>(model::ComponentType::cryptographic_asset) + 1>(
      name, model::component_type_name);
}

std::optional<model::Scope> parse_scope(std::string_view name) {
  return parse_by_name<model::Scope, 4>(name, model::scope_name);
}

std::optional<model::RelationshipType> parse_relationship_type(std::string_view name) {
  return parse_by_name<model::RelationshipType,
                       static_cast<std::size_t>(model::RelationshipType::describes) + 1>(
      name, model::relationship_type_name);
}

} // namespace kensa::format::kensa_json
