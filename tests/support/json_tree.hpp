#pragma once

#include <kensa/util/json_document.hpp>

#include <nlohmann/json.hpp>

namespace kensa::testing {

// `value` read into kensa's JSON tree, the one the validator and its schema
// engine work on (tests write JSON most briefly as nlohmann values).
inline kensa::json::Document json_tree(const nlohmann::json& value) {
  return kensa::json::Document::from(value);
}

} // namespace kensa::testing
