#include "same_value.hpp"

#include <kensa/validate/json_schema.hpp>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace kensa::validate::semantic {

// The alias value_checks.hpp declares too (at namespace scope, so that a
// unity batch with both does not shadow one by the other).
using Json = kensa::json::Value;

namespace {

using Member = std::pair<std::string_view, Json>;

std::vector<Member> members_of(const Json& object) {
  std::vector<Member> members;
  members.reserve(object.size());
  for (auto it = object.begin(); it != object.end(); ++it) {
    members.emplace_back(it.key(), it.value());
  }
  return members;
}

} // namespace

bool same_json_value(const Json& a, const Json& b) {
  std::vector<std::pair<Json, Json>> pending{{a, b}};
  while (!pending.empty()) {
    const auto [left, right] = pending.back();
    pending.pop_back();
    if (left.is_number() && right.is_number()) {
      if (schema::compare_numbers(left, right) != 0) {
        return false;
      }
      continue;
    }
    if (left.type() != right.type() || left.size() != right.size()) {
      return false;
    }
    switch (left.type()) {
    case kensa::json::Type::string:
      if (left.string() != right.string()) {
        return false;
      }
      break;
    case kensa::json::Type::boolean:
      if (left.boolean() != right.boolean()) {
        return false;
      }
      break;
    case kensa::json::Type::array:
      for (std::size_t i = 0; i < left.size(); ++i) {
        pending.emplace_back(left[i], right[i]);
      }
      break;
    case kensa::json::Type::object: {
      auto left_members = members_of(left);
      auto right_members = members_of(right);
      const auto same_keys = [&] {
        return std::equal(left_members.begin(), left_members.end(), right_members.begin(),
                          [](const Member& x, const Member& y) { return x.first == y.first; });
      };
      if (!same_keys()) {
        const auto by_key = [](const Member& x, const Member& y) { return x.first < y.first; };
        std::stable_sort(left_members.begin(), left_members.end(), by_key);
        std::stable_sort(right_members.begin(), right_members.end(), by_key);
        if (!same_keys()) {
          return false;
        }
      }
      for (std::size_t i = 0; i < left_members.size(); ++i) {
        pending.emplace_back(left_members[i].second, right_members[i].second);
      }
      break;
    }
    default:
      break; // null
    }
  }
  return true;
}

} // namespace kensa::validate::semantic
