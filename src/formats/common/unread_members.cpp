#include "unread_members.hpp"

#include <algorithm>

namespace kensa::format::common {

namespace {

// Calls visit(name, value) for every member of `element` that is not in
// `read` and says something, in document order.
template <typename Visit>
void for_each_unread_member(const json::Value& element,
                            std::initializer_list<std::string_view> read, Visit&& visit) {
  if (!element.is_object()) {
    return;
  }
  for (auto it = element.begin(); it != element.end(); ++it) {
    const std::string_view name = it.key();
    if (std::find(read.begin(), read.end(), name) == read.end() && says_something(*it)) {
      visit(name, *it);
    }
  }
}

} // namespace

bool says_nothing(std::string_view text) {
  return text.empty() || text == "NOASSERTION" || text == "NONE";
}

bool says_something(const json::Value& value) {
  if (value.is_string()) {
    return !says_nothing(value.string());
  }
  if (value.is_array()) {
    return std::any_of(value.begin(), value.end(),
                       [](const json::Value& item) { return says_something(item); });
  }
  if (value.is_object()) {
    return !value.empty();
  }
  return !value.is_null();
}

void keep_unread_members(const json::Value& element, std::initializer_list<std::string_view> read,
                         std::string_view prefix, model::Component& component) {
  for_each_unread_member(element, read, [&](std::string_view member, const json::Value& value) {
    component.add_property(std::string(prefix) + std::string(member),
                           value.is_string() ? std::string(value.string()) : value.dump());
  });
}

void count_unread_file_members(const json::Value& element,
                               std::initializer_list<std::string_view> read, LossReport& losses) {
  for_each_unread_member(element, read, [&](std::string_view member, const json::Value&) {
    losses.add("file " + std::string(member) + " (the file inventory has no field for it)");
  });
}

} // namespace kensa::format::common
