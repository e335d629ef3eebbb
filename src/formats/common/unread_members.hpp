#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/model/component.hpp>
#include <kensa/util/json_document.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

// What a reader leaves of an element: the members it has no field for, so
// that they are kept as properties or counted as lost, never dropped
// silently.
namespace kensa::format::common {

// Empty, NOASSERTION or NONE: SPDX's ways of giving no value.
bool says_nothing(std::string_view text);

// Whether `value` says something: not null, not empty, not NOASSERTION or
// NONE, nor a list of nothing else.
bool says_something(const json::Value& value);

// Every member of the object `element` that is not in `read` and says
// something becomes a property of `component` named `prefix` + the member's
// name; its value is the text, or for a list or object its compact JSON.
void keep_unread_members(const json::Value& element, std::initializer_list<std::string_view> read,
                         std::string_view prefix, model::Component& component);

// Every member of the file element `element` that is not in `read` and says
// something is counted in `losses`: the file inventory has no field for it.
void count_unread_file_members(const json::Value& element,
                               std::initializer_list<std::string_view> read, LossReport& losses);

} // namespace kensa::format::common
