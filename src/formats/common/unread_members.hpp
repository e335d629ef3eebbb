#pragma once

#include <kensa/util/json_document.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

// What a reader leaves of an element: the members it has no field for, so
// that they are kept as properties or counted as lost, never dropped
// silently.
namespace kensa::format::common {

// Whether `value` says something: not null, not empty, not NOASSERTION or
// NONE, nor a list of nothing else.
bool says_something(const json::Value& value);

// `value` as a property value: a string as it is, anything else as compact
// JSON.
std::string property_text(const json::Value& value);

// Calls visit(name, value) for every member of the object `element` that is
// not in `read` and says something, in document order.
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

} // namespace kensa::format::common
