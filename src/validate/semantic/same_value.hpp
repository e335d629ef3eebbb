#pragma once

#include <kensa/util/json_document.hpp>

// Whether two values of a document are the same JSON value, for rules that
// tolerate an element given twice when both copies are alike.
namespace kensa::validate::semantic {

// True when `a` and `b` are equal as JSON: numbers by value, objects
// whatever the order of their members. Walks without recursion and sorts
// an object's members only when their order differs, so two copies of a
// hostile value cost time in proportion to their size (times a log), not
// its square, and no stack.
bool same_json_value(const kensa::json::Value& a, const kensa::json::Value& b);

} // namespace kensa::validate::semantic
