#include "license_lists.hpp"

#include <algorithm>

namespace kensa::format::common {

std::vector<std::string> top_level_conjuncts(std::string_view expression) {
  std::vector<std::string> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < expression.size(); ++i) {
    char c = expression[i];
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0 && expression.substr(i, 5) == " AND ") {
      parts.emplace_back(expression.substr(start, i - start));
      start = i + 5;
      i += 4;
    }
  }
  parts.emplace_back(expression.substr(start));
  for (auto& part : parts) {
    if (part.size() > 2 && part.front() == '(' && part.back() == ')') {
      part = part.substr(1, part.size() - 2);
    }
  }
  return parts;
}

bool joined_list_splits_back(const std::vector<model::License>& licenses) {
  bool any_name = false;
  for (const auto& license : licenses) {
    if (!license.expression.empty()) {
      if (top_level_conjuncts(license.expression).size() > 1) {
        return false;
      }
    } else if (!license.name.empty()) {
      any_name = true;
    }
  }
  return any_name;
}

void split_joined_list(std::vector<model::License>& licenses,
                       const std::map<std::string, std::string, std::less<>>& names,
                       std::set<std::string, std::less<>>* used_ids) {
  if (names.empty() || licenses.size() != 1 || licenses.front().expression.empty()) {
    return;
  }
  auto parts = top_level_conjuncts(licenses.front().expression);
  const bool named = std::any_of(parts.begin(), parts.end(),
                                 [&](const std::string& part) { return names.count(part) > 0; });
  if (parts.size() < 2 || !named) {
    return;
  }
  std::vector<model::License> split;
  for (const auto& part : parts) {
    if (auto name = names.find(part); name != names.end()) {
      split.push_back({"", name->second, ""});
      if (used_ids != nullptr) {
        used_ids->insert(name->first);
      }
    } else if (auto parsed = model::parse_license_expression(part)) {
      split.push_back({parsed->canonical, "", ""});
    } else {
      split.push_back({"", part, ""});
    }
  }
  licenses = std::move(split);
}

} // namespace kensa::format::common
