#include "evaluation.hpp"
#include "json_value.hpp"
#include "keywords.hpp"

#include <kensa/util/two_halves.hpp>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

namespace kensa::validate::schema {

ItemsKeyword::ItemsKeyword(std::string location, std::vector<const Node*> prefix, const Node* rest)
    : Keyword(std::move(location)), m_prefix(std::move(prefix)), m_rest(rest) {}

bool ItemsKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                            Annotations* annotations) const {
  const std::size_t size = instance.size();
  bool valid = true;
  const auto evaluate_items = [&](std::size_t end) {
    for (std::size_t i = 0; i < end; ++i) {
      const Node* schema = i < m_prefix.size() ? m_prefix[i] : m_rest;
      if (schema == nullptr) {
        break;
      }
      if (!evaluation.evaluate_item(*schema, instance[i], i)) {
        valid = false;
        if (!evaluation.collecting()) {
          break;
        }
      }
    }
  };
  // A big array (a BOM's components) is the bulk of the work: its second
  // half is evaluated on another thread, whose findings are added after
  // this thread's, as a sequential walk would report them.
  if (size >= k_split_items && m_rest != nullptr && m_prefix.size() < size / 2 &&
      evaluation.may_split()) {
    evaluation.allow_split(false);
    const std::size_t middle = size / 2;
    SchemaValidation second_result;
    Evaluation second = evaluation.fork(second_result);
    bool second_valid = true;
    run_side_by_side([&] { evaluate_items(middle); },
                     [&] {
                       second.set_stack_limit(current_stack_limit());
                       for (std::size_t i = middle; i < size; ++i) {
                         if (!second.evaluate_item(*m_rest, instance[i], i)) {
                           second_valid = false;
                           if (!second.collecting()) {
                             break;
                           }
                         }
                       }
                     });
    evaluation.join(second, second_result);
    valid = valid && second_valid;
  } else {
    evaluate_items(size);
  }
  if (!valid && !evaluation.collecting()) {
    return false;
  }
  if (annotations != nullptr) {
    annotations->item_prefix = std::max(annotations->item_prefix, std::min(size, m_prefix.size()));
    if (m_rest != nullptr) {
      annotations->all_items = true;
    }
  }
  return valid && !evaluation.stopped();
}

ContainsKeyword::ContainsKeyword(std::string location, const Node* schema, std::size_t minimum,
                                 std::optional<std::size_t> maximum, bool annotates)
    : Keyword(std::move(location)), m_schema(schema), m_minimum(minimum), m_maximum(maximum),
      m_annotates(annotates) {}

bool ContainsKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                               Annotations* annotations) const {
  std::size_t matches = 0;
  const bool need_all = m_maximum.has_value() || (annotations != nullptr && m_annotates);
  for (std::size_t i = 0; i < instance.size(); ++i) {
    if (evaluation.test(*m_schema, instance[i], nullptr)) {
      ++matches;
      if (annotations != nullptr && m_annotates) {
        annotations->items.push_back(i);
      }
      if (!need_all && matches >= m_minimum) {
        return true;
      }
    }
    if (evaluation.stopped()) {
      return false;
    }
  }
  if (matches >= m_minimum && (!m_maximum || matches <= *m_maximum)) {
    return true;
  }
  if (matches < m_minimum) {
    evaluation.report(*this, m_minimum == 1
                                 ? std::string("no item matches the schema of `contains`")
                                 : std::to_string(matches) + " items match `contains`; at least " +
                                       std::to_string(m_minimum) + " must");
  } else {
    evaluation.report(*this, std::to_string(matches) + " items match `contains`; at most " +
                                 std::to_string(*m_maximum) + " may");
  }
  return false;
}

ItemCountKeyword::ItemCountKeyword(std::string location, std::size_t bound, bool is_minimum)
    : Keyword(std::move(location)), m_bound(bound), m_is_minimum(is_minimum) {}

bool ItemCountKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  const std::size_t count = instance.size();
  if (m_is_minimum ? count >= m_bound : count <= m_bound) {
    return true;
  }
  evaluation.report(*this, std::string("has ") + std::to_string(count) + " items; " +
                               (m_is_minimum ? "at least " : "at most ") + std::to_string(m_bound) +
                               " allowed");
  return false;
}

UniqueItemsKeyword::UniqueItemsKeyword(std::string location) : Keyword(std::move(location)) {}

bool UniqueItemsKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                  Annotations*) const {
  // Hashing first keeps big arrays (100,000 components) linear instead of
  // comparing every pair.
  std::unordered_multimap<std::size_t, std::size_t> seen;
  seen.reserve(instance.size());
  for (std::size_t i = 0; i < instance.size(); ++i) {
    const std::size_t hash = json_hash(instance[i]);
    const auto [first, last] = seen.equal_range(hash);
    for (auto it = first; it != last; ++it) {
      if (json_equal(instance[it->second], instance[i])) {
        evaluation.report(*this, "items " + std::to_string(it->second) + " and " +
                                     std::to_string(i) + " are equal; items must be unique");
        return false;
      }
    }
    seen.emplace(hash, i);
  }
  return true;
}

UnevaluatedItemsKeyword::UnevaluatedItemsKeyword(std::string location, const Node* schema)
    : Keyword(std::move(location)), m_schema(schema) {}

bool UnevaluatedItemsKeyword::evaluate(const Json& instance, Evaluation& evaluation,
                                       Annotations* annotations) const {
  if (!instance.is_array() || annotations->all_items) {
    return true;
  }
  auto& matched = annotations->items;
  std::sort(matched.begin(), matched.end());
  bool valid = true;
  for (std::size_t i = annotations->item_prefix; i < instance.size(); ++i) {
    if (std::binary_search(matched.begin(), matched.end(), i)) {
      continue;
    }
    if (!evaluation.evaluate_item(*m_schema, instance[i], i)) {
      valid = false;
      if (!evaluation.collecting()) {
        return false;
      }
    }
  }
  annotations->all_items = true;
  return valid;
}

} // namespace kensa::validate::schema
