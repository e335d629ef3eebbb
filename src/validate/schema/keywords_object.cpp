#include "evaluation.hpp"
#include "json_value.hpp"
#include "keywords.hpp"

#include <kensa/util/json_builder.hpp>

#include <algorithm>
#include <utility>

namespace kensa::validate::schema {

namespace {

// Names ordered by length first: most comparisons in a lookup are then
// settled without reading the characters.
bool shorter_or_before(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::string quoted_name(std::string_view name) {
  return describe_string(name);
}

} // namespace

RequiredKeyword::RequiredKeyword(std::string location, std::vector<std::string> names)
    : Keyword(std::move(location)), m_names(std::move(names)) {}

bool RequiredKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  bool valid = true;
  for (const auto& name : m_names) {
    if (!instance.contains(name)) {
      valid = false;
      if (!evaluation.collecting()) {
        return false;
      }
      evaluation.report(*this, "missing required property " + quoted_name(name));
    }
  }
  return valid;
}

PropertyCountKeyword::PropertyCountKeyword(std::string location, std::size_t bound, bool is_minimum)
    : Keyword(std::move(location)), m_bound(bound), m_is_minimum(is_minimum) {}

bool PropertyCountKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                    Annotations*) const {
  const std::size_t count = instance.size();
  if (m_is_minimum ? count >= m_bound : count <= m_bound) {
    return true;
  }
  evaluation.report(*this, std::string("has ") + std::to_string(count) + " properties; " +
                               (m_is_minimum ? "at least " : "at most ") + std::to_string(m_bound) +
                               " allowed");
  return false;
}

PropertiesKeyword::PropertiesKeyword(std::string location,
                                     std::vector<std::pair<std::string, const Node*>> named,
                                     std::vector<PatternSchema> patterns, const Node* additional,
                                     std::string additional_location)
    : Keyword(std::move(location)), m_named(std::move(named)), m_patterns(std::move(patterns)),
      m_additional(additional), m_additional_location(std::move(additional_location)) {
  std::sort(m_named.begin(), m_named.end(),
            [](const auto& a, const auto& b) { return shorter_or_before(a.first, b.first); });
}

const Node* PropertiesKeyword::find_named(std::string_view name) const {
  const auto it = std::lower_bound(m_named.begin(), m_named.end(), name,
                                   [](const auto& entry, std::string_view wanted) {
                                     return shorter_or_before(entry.first, wanted);
                                   });
  return it != m_named.end() && it->first == name ? it->second : nullptr;
}

bool PropertiesKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                 Annotations* annotations) const {
  bool valid = true;
  const auto fail = [&]() {
    valid = false;
    return !evaluation.collecting();
  };
  for (auto member = instance.begin(); member != instance.end(); ++member) {
    const std::string_view name = member.key();
    bool matched = false;
    if (const Node* schema = find_named(name)) {
      matched = true;
      if (!evaluation.evaluate_member(*schema, member.value(), name) && fail()) {
        return false;
      }
    }
    for (const auto& pattern : m_patterns) {
      if (pattern.regex.status() != EcmaRegex::Status::ok) {
        evaluation.report_unsupported(&pattern, pattern.location,
                                      "patternProperties pattern " + quoted_name(pattern.source) +
                                          " cannot be checked: " + pattern.regex.problem());
        continue;
      }
      if (pattern.regex.search(name)) {
        matched = true;
        if (!evaluation.evaluate_member(*pattern.schema, member.value(), name) && fail()) {
          return false;
        }
      }
    }
    if (!matched && m_additional != nullptr) {
      if (m_additional->kind == Node::Kind::reject_all) {
        // Reported here rather than by the false schema, to name the member.
        valid = false;
        if (!evaluation.collecting()) {
          return false;
        }
        evaluation.report_member(m_additional_location, name,
                                 "property " + quoted_name(name) + " is not allowed here");
      } else if (!evaluation.evaluate_member(*m_additional, member.value(), name) && fail()) {
        return false;
      }
    }
    if (annotations != nullptr && matched) {
      annotations->add_property(name);
    }
    if (evaluation.stopped()) {
      return false;
    }
  }
  if (annotations != nullptr && m_additional != nullptr) {
    annotations->all_properties = true;
  }
  return valid;
}

PropertyNamesKeyword::PropertyNamesKeyword(std::string location, const Node* names)
    : Keyword(std::move(location)), m_names(names) {}

bool PropertyNamesKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                    Annotations*) const {
  bool valid = true;
  for (auto member = instance.begin(); member != instance.end(); ++member) {
    kensa::json::Builder name_builder;
    name_builder.string(member.key());
    const auto name = std::move(name_builder).finish();
    if (!evaluation.test(*m_names, name.root(), nullptr)) {
      valid = false;
      if (!evaluation.collecting()) {
        return false;
      }
      evaluation.report_member(location(), member.key(),
                               "property name " + quoted_name(member.key()) + " is not allowed");
    }
  }
  return valid;
}

DependenciesKeyword::DependenciesKeyword(
    std::string location, std::vector<std::pair<std::string, std::vector<std::string>>> required,
    std::vector<std::pair<std::string, const Node*>> schemas)
    : Keyword(std::move(location)), m_required(std::move(required)), m_schemas(std::move(schemas)) {
}

bool DependenciesKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                   Annotations* annotations) const {
  bool valid = true;
  for (const auto& [trigger, names] : m_required) {
    if (!instance.contains(trigger)) {
      continue;
    }
    for (const auto& name : names) {
      if (!instance.contains(name)) {
        valid = false;
        if (!evaluation.collecting()) {
          return false;
        }
        evaluation.report(*this, "property " + quoted_name(name) + " is required when " +
                                     quoted_name(trigger) + " is present");
      }
    }
  }
  for (const auto& [trigger, schema] : m_schemas) {
    if (instance.contains(trigger) && !evaluation.evaluate(*schema, instance, annotations)) {
      valid = false;
      if (!evaluation.collecting()) {
        return false;
      }
    }
  }
  return valid;
}

UnevaluatedPropertiesKeyword::UnevaluatedPropertiesKeyword(std::string location, const Node* schema)
    : Keyword(std::move(location)), m_schema(schema) {}

bool UnevaluatedPropertiesKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                            Annotations* annotations) const {
  if (!instance.is_object() || annotations->all_properties) {
    return true;
  }
  auto& seen = annotations->properties;
  std::sort(seen.begin(), seen.end());
  bool valid = true;
  for (auto member = instance.begin(); member != instance.end(); ++member) {
    const std::string_view name = member.key();
    if (std::binary_search(seen.begin(), seen.end(), name)) {
      continue;
    }
    bool member_valid = true;
    if (m_schema->kind == Node::Kind::reject_all) {
      member_valid = false;
      evaluation.report_member(location(), name,
                               "property " + quoted_name(name) + " is not allowed here");
    } else {
      member_valid = evaluation.evaluate_member(*m_schema, member.value(), name);
    }
    if (!member_valid) {
      valid = false;
      if (!evaluation.collecting()) {
        return false;
      }
    }
  }
  annotations->all_properties = true;
  return valid;
}

} // namespace kensa::validate::schema
