#include "evaluation.hpp"

#include "json_pointer.hpp"

#include <pthread.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace kensa::validate::schema {

const char* current_stack_limit() {
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0) {
    return nullptr;
  }
  void* low = nullptr;
  std::size_t size = 0;
  const int status = pthread_attr_getstack(&attributes, &low, &size);
  pthread_attr_destroy(&attributes);
  if (status != 0 || size <= k_stack_reserve) {
    return nullptr;
  }
  return static_cast<const char*>(low) + k_stack_reserve;
}

void Annotations::merge(const Annotations& other) {
  all_properties = all_properties || other.all_properties;
  properties.insert(properties.end(), other.properties.begin(), other.properties.end());
  all_items = all_items || other.all_items;
  item_prefix = std::max(item_prefix, other.item_prefix);
  items.insert(items.end(), other.items.begin(), other.items.end());
}

Evaluation::Evaluation(const CompiledTree& tree, const SchemaLimits& limits,
                       SchemaValidation& result, const char* stack_limit)
    : m_tree(tree), m_limits(limits), m_result(result), m_stack_limit(stack_limit) {}

bool Evaluation::evaluate(const Node& node, const Json& instance, Annotations* annotations) {
  return run(node, instance, annotations);
}

bool Evaluation::evaluate_member(const Node& node, const Json& value, std::string_view name) {
  const PathStep step{m_path, true, name, 0};
  const PathStep* saved = m_path;
  m_path = &step;
  const bool valid = run(node, value, nullptr);
  m_path = saved;
  return valid;
}

bool Evaluation::evaluate_item(const Node& node, const Json& value, std::size_t index) {
  const PathStep step{m_path, false, {}, index};
  const PathStep* saved = m_path;
  m_path = &step;
  const bool valid = run(node, value, nullptr);
  m_path = saved;
  return valid;
}

bool Evaluation::test(const Node& node, const Json& instance, Annotations* annotations) {
  return quietly([&] { return run(node, instance, annotations); });
}

namespace {

bool run_list(const KeywordList& keywords, const Json& instance, Evaluation& evaluation,
              Annotations* annotations, bool& valid) {
  for (const auto& keyword : keywords) {
    if (!keyword->evaluate(instance, evaluation, annotations)) {
      valid = false;
      if (!evaluation.collecting()) {
        return false;
      }
    }
  }
  return true;
}

} // namespace

bool Evaluation::run(const Node& node, const Json& instance, Annotations* annotations) {
  if (m_stopped) {
    return false;
  }
  switch (node.kind) {
  case Node::Kind::accept_all:
    return true;
  case Node::Kind::reject_all:
    if (collecting()) {
      add(SchemaFindingKind::invalid, pointer(), node.location,
          "no value is allowed here (the schema is false)");
    }
    return false;
  case Node::Kind::checks:
    break;
  }
  // The stack grows down; the frame address is the real stack even when a
  // sanitizer moves locals elsewhere.
  const auto frame = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  if (frame < reinterpret_cast<std::uintptr_t>(m_stack_limit)) {
    report_limit(node.location, "the schema recurses too deeply at this location (a $ref loop "
                                "that does not descend into the document, or extreme nesting)");
    return false;
  }

  // A node with unevaluated* keywords sees only the annotations of its own
  // keywords; what it gathered passes up only when it is valid.
  Annotations local;
  Annotations* gathered = node.unevaluated.empty() ? annotations : &local;
  bool valid = true;
  if (!run_list(node.any, instance, *this, gathered, valid)) {
    return false;
  }
  const KeywordList* typed = nullptr;
  switch (instance.type()) {
  case kensa::json::Type::object:
    typed = &node.objects;
    break;
  case kensa::json::Type::array:
    typed = &node.arrays;
    break;
  case kensa::json::Type::string:
    typed = &node.strings;
    break;
  case kensa::json::Type::integer:
  case kensa::json::Type::unsigned_integer:
  case kensa::json::Type::real:
    typed = &node.numbers;
    break;
  default:
    break;
  }
  if (typed != nullptr && !run_list(*typed, instance, *this, gathered, valid)) {
    return false;
  }
  if (!node.unevaluated.empty()) {
    if (!run_list(node.unevaluated, instance, *this, gathered, valid)) {
      return false;
    }
    if (valid && annotations != nullptr) {
      annotations->merge(local);
    }
  }
  return valid && !m_stopped;
}

std::string Evaluation::pointer() const {
  std::vector<const PathStep*> steps;
  for (const PathStep* step = m_path; step != nullptr; step = step->parent) {
    steps.push_back(step);
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if ((*it)->is_member) {
      append_pointer_token(out, (*it)->name);
    } else {
      out += '/';
      out += std::to_string((*it)->index);
    }
  }
  return out;
}

void Evaluation::add(SchemaFindingKind kind, std::string instance_location,
                     std::string keyword_location, std::string message) {
  if (m_result.findings.size() >= m_limits.max_findings) {
    m_result.truncated = true;
    // Dropping an unsupported finding changes no verdict; dropping a
    // failure means the walk can end, the document being invalid already.
    if (kind != SchemaFindingKind::unsupported) {
      m_stopped = true;
    }
    return;
  }
  SchemaFinding finding;
  finding.kind = kind;
  finding.instance_location = std::move(instance_location);
  finding.keyword_location = std::move(keyword_location);
  finding.message = std::move(message);
  m_result.findings.push_back(std::move(finding));
}

void Evaluation::report(const Keyword& keyword, std::string message) {
  if (collecting()) {
    add(SchemaFindingKind::invalid, pointer(), keyword.location(), std::move(message));
  }
}

void Evaluation::report_member(const std::string& keyword_location, std::string_view name,
                               std::string message) {
  if (collecting()) {
    std::string location = pointer();
    append_pointer_token(location, name);
    add(SchemaFindingKind::invalid, std::move(location), keyword_location, std::move(message));
  }
}

void Evaluation::report_unsupported(const void* what, const std::string& keyword_location,
                                    std::string message) {
  if (!m_stopped && m_unsupported_reported.insert(what).second) {
    add(SchemaFindingKind::unsupported, pointer(), keyword_location, std::move(message));
  }
}

std::vector<SchemaFinding> Evaluation::capture(const Node& node, const Json& instance) {
  const std::size_t mark = m_result.findings.size();
  const bool saved_collecting = m_collecting;
  const bool saved_truncated = m_result.truncated;
  m_collecting = true;
  run(node, instance, nullptr);
  m_collecting = saved_collecting;
  std::vector<SchemaFinding> captured(
      std::make_move_iterator(m_result.findings.begin() + static_cast<std::ptrdiff_t>(mark)),
      std::make_move_iterator(m_result.findings.end()));
  m_result.findings.resize(mark);
  if (!m_limit_reached) {
    // Reaching the findings cap while capturing is undone with the capture.
    m_stopped = false;
    m_result.truncated = saved_truncated;
  }
  return captured;
}

void Evaluation::append(std::vector<SchemaFinding> findings) {
  for (auto& finding : findings) {
    if (m_stopped) {
      return;
    }
    add(finding.kind, std::move(finding.instance_location), std::move(finding.keyword_location),
        std::move(finding.message));
  }
}

Evaluation Evaluation::fork(SchemaValidation& result) const {
  Evaluation forked(m_tree, m_limits, result, nullptr);
  forked.m_path = m_path; // The steps live in frames that outlast the fork.
  forked.m_collecting = m_collecting;
  return forked;
}

void Evaluation::join(Evaluation& fork, SchemaValidation& result) {
  for (auto& finding : result.findings) {
    if (m_stopped) {
      break;
    }
    if (finding.kind == SchemaFindingKind::unsupported) {
      // Once per validation: this side may have reported it already.
      const bool seen = std::any_of(m_result.findings.begin(), m_result.findings.end(),
                                    [&](const SchemaFinding& earlier) {
                                      return earlier.kind == SchemaFindingKind::unsupported &&
                                             earlier.keyword_location == finding.keyword_location &&
                                             earlier.message == finding.message;
                                    });
      if (seen) {
        continue;
      }
    }
    add(finding.kind, std::move(finding.instance_location), std::move(finding.keyword_location),
        std::move(finding.message));
  }
  if (result.truncated) {
    m_result.truncated = true;
  }
  m_unsupported_reported.insert(fork.m_unsupported_reported.begin(),
                                fork.m_unsupported_reported.end());
  if (fork.m_limit_reached) {
    m_limit_reached = true;
    m_stopped = true;
  }
}

void Evaluation::report_limit(std::string location, std::string message) {
  if (!m_limit_reached) {
    m_stopped = false;
    add(SchemaFindingKind::limit, pointer(), std::move(location), std::move(message));
    m_stopped = true;
    m_limit_reached = true;
  }
}

} // namespace kensa::validate::schema
