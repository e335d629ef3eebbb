#include "evaluation.hpp"
#include "json_value.hpp"
#include "keywords.hpp"

#include <algorithm>
#include <utility>

namespace kensa::validate::schema {

namespace {

std::uint8_t type_bits(const Json& instance) {
  switch (instance.type()) {
  case kensa::json::Type::null:
    return k_type_null;
  case kensa::json::Type::boolean:
    return k_type_boolean;
  case kensa::json::Type::object:
    return k_type_object;
  case kensa::json::Type::array:
    return k_type_array;
  case kensa::json::Type::string:
    return k_type_string;
  case kensa::json::Type::integer:
  case kensa::json::Type::unsigned_integer:
    return k_type_number | k_type_integer;
  case kensa::json::Type::real:
    return is_integral(instance) ? (k_type_number | k_type_integer) : k_type_number;
  }
  return 0;
}

std::string type_list(std::uint8_t bits) {
  static constexpr std::pair<std::uint8_t, const char*> k_names[] = {
      {k_type_object, "object"}, {k_type_array, "array"},     {k_type_string, "string"},
      {k_type_number, "number"}, {k_type_integer, "integer"}, {k_type_boolean, "boolean"},
      {k_type_null, "null"},
  };
  std::string out;
  for (const auto& [bit, name] : k_names) {
    if ((bits & bit) != 0) {
      if (!out.empty()) {
        out += " or ";
      }
      out += name;
    }
  }
  return out;
}

} // namespace

TypeKeyword::TypeKeyword(std::string location, std::uint8_t allowed)
    : Keyword(std::move(location)), m_allowed(allowed) {}

bool TypeKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  if ((type_bits(instance) & m_allowed) != 0) {
    return true;
  }
  evaluation.report(*this, "expected " + type_list(m_allowed) + ", found " +
                               std::string(json_type_name(instance)));
  return false;
}

EnumKeyword::EnumKeyword(std::string location, const SchemaJson& values)
    : Keyword(std::move(location)), m_values(values) {
  for (const Json value : m_values) {
    if (value.is_string()) {
      m_strings.insert(value.string());
    } else {
      m_has_non_strings = true;
    }
  }
}

bool EnumKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  if (instance.is_string()) {
    if (m_strings.contains(instance.string())) {
      return true;
    }
  } else if (m_has_non_strings) {
    for (const Json value : m_values) {
      if (json_equal(value, instance)) {
        return true;
      }
    }
  }
  if (evaluation.collecting()) {
    constexpr std::size_t k_shown = 8;
    std::string allowed;
    const Json values = m_values;
    for (std::size_t i = 0; i < values.size() && i < k_shown; ++i) {
      allowed += (i == 0 ? "" : ", ") + describe_value(values[i]);
    }
    if (values.size() > k_shown) {
      allowed += ", ... (" + std::to_string(values.size()) + " values)";
    }
    evaluation.report(*this,
                      describe_value(instance) + " is not one of the allowed values: " + allowed);
  }
  return false;
}

ConstKeyword::ConstKeyword(std::string location, const SchemaJson& value)
    : Keyword(std::move(location)), m_value(value) {}

bool ConstKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  if (json_equal(m_value, instance)) {
    return true;
  }
  evaluation.report(*this,
                    "must be " + describe_value(m_value) + ", found " + describe_value(instance));
  return false;
}

RefKeyword::RefKeyword(std::string location, std::string target_uri)
    : Keyword(std::move(location)), m_target_uri(std::move(target_uri)) {}

bool RefKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                          Annotations* annotations) const {
  return evaluation.evaluate(*m_target, instance, annotations);
}

AllOfKeyword::AllOfKeyword(std::string location, std::vector<const Node*> branches)
    : Keyword(std::move(location)), m_branches(std::move(branches)) {}

bool AllOfKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                            Annotations* annotations) const {
  bool valid = true;
  for (const Node* branch : m_branches) {
    if (!evaluation.evaluate(*branch, instance, annotations)) {
      valid = false;
      if (!evaluation.collecting()) {
        return false;
      }
    }
  }
  return valid;
}

AlternativesKeyword::AlternativesKeyword(std::string location, std::vector<const Node*> branches,
                                         bool exactly_one)
    : Keyword(std::move(location)), m_branches(std::move(branches)), m_exactly_one(exactly_one) {}

bool AlternativesKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                   Annotations* annotations) const {
  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < m_branches.size(); ++i) {
    // Annotations come only from branches that match; each branch gathers
    // its own so that a failing one adds nothing.
    Annotations branch_annotations;
    Annotations* gathered = annotations == nullptr ? nullptr : &branch_annotations;
    if (evaluation.test(*m_branches[i], instance, gathered)) {
      matches.push_back(i);
      if (annotations != nullptr) {
        annotations->merge(branch_annotations);
      } else if (!m_exactly_one) {
        return true;
      }
      if (m_exactly_one && matches.size() > 1 && !evaluation.collecting()) {
        return false;
      }
    }
    if (evaluation.stopped()) {
      return false;
    }
  }
  if (m_exactly_one ? matches.size() == 1 : !matches.empty()) {
    return true;
  }
  if (!evaluation.collecting()) {
    return false;
  }
  if (matches.empty()) {
    explain_no_match(instance, evaluation);
  } else {
    std::string list;
    for (const std::size_t index : matches) {
      list += (list.empty() ? "" : ", ") + std::to_string(index);
    }
    evaluation.report(*this, "matches " + std::to_string(matches.size()) +
                                 " of the alternatives (" + list + "); exactly one must match");
  }
  return false;
}

void AlternativesKeyword::explain_no_match(const Json& instance, Evaluation& evaluation) const {
  // The alternative with the fewest findings is most likely what the author
  // meant; its findings say what to fix.
  std::vector<SchemaFinding> best;
  std::size_t best_index = 0;
  bool have_best = false;
  for (std::size_t i = 0; i < m_branches.size(); ++i) {
    auto findings = evaluation.capture(*m_branches[i], instance);
    if (!have_best || findings.size() < best.size()) {
      best = std::move(findings);
      best_index = i;
      have_best = true;
    }
  }
  // The first reason is said in this finding, so that it stands on its own
  // in a report; any others follow as findings of their own.
  std::string reason;
  if (!best.empty()) {
    const SchemaFinding& first = best.front();
    const std::string here = evaluation.pointer();
    reason = "; the closest, alternative " + std::to_string(best_index) + ", fails" +
             (first.instance_location == here ? std::string() : " at " + first.instance_location) +
             ": " + first.message;
    if (best.size() > 1) {
      reason += " (and " + std::to_string(best.size() - 1) + " more, listed next)";
    }
    best.erase(best.begin());
  }
  evaluation.report(*this, describe_value(instance) + " matches none of the " +
                               std::to_string(m_branches.size()) + " alternatives" + reason);
  evaluation.append(std::move(best));
}

NotKeyword::NotKeyword(std::string location, const Node* negated)
    : Keyword(std::move(location)), m_negated(negated) {}

bool NotKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  if (!evaluation.test(*m_negated, instance, nullptr)) {
    return !evaluation.stopped();
  }
  evaluation.report(*this, describe_value(instance) + " matches a schema it must not match");
  return false;
}

IfKeyword::IfKeyword(std::string location, const Node* condition, const Node* then_branch,
                     const Node* else_branch)
    : Keyword(std::move(location)), m_condition(condition), m_then(then_branch),
      m_else(else_branch) {}

bool IfKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                         Annotations* annotations) const {
  Annotations condition_annotations;
  const bool holds = evaluation.test(*m_condition, instance,
                                     annotations == nullptr ? nullptr : &condition_annotations);
  if (evaluation.stopped()) {
    return false;
  }
  if (holds && annotations != nullptr) {
    annotations->merge(condition_annotations);
  }
  const Node* branch = holds ? m_then : m_else;
  return branch == nullptr || evaluation.evaluate(*branch, instance, annotations);
}

} // namespace kensa::validate::schema
