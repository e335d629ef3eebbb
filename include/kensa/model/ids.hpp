#pragma once

#include <kensa/model/component.hpp>

#include <string>
#include <string_view>

namespace kensa::model {

// The content-derived id of a component. A component with a purl is
// identified by its purl alone: there is one component per purl in a document,
// wherever it was found, so its id must not depend on where. A component
// without a purl is identified by type, group, name, version and the first
// place it was found. The id is the first 16 hex digits of the SHA-256 of
// that key, so two scans of the same input give the same ids.
std::string component_id(const Component& component);

// A deterministic id for anything else built from content: the first
// `hex_digits` of SHA-256 over `key`.
std::string content_hash_id(std::string_view key, std::size_t hex_digits = 16);

} // namespace kensa::model
