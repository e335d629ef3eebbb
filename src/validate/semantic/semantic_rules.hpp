#pragma once

#include "../finding_sink.hpp"

#include <kensa/util/json_document.hpp>

#include <functional>
#include <string>

// The semantic layer: rules a schema cannot state (references resolve, ids
// are unique, values mean something). Rule ids and examples are in
// docs/validate/rules.md.
namespace kensa::validate::semantic {

// CycloneDX JSON (any version); `version` is the specVersion.
void check_cyclonedx(const kensa::json::Value& bom, const std::string& version, FindingSink& sink);

// SPDX 2.2 / 2.3 in their JSON form (YAML is read into the same tree).
void check_spdx2(const kensa::json::Value& document, FindingSink& sink);

// SPDX 3.0 JSON-LD.
void check_spdx3(const kensa::json::Value& document, FindingSink& sink);

// Calls `visit` with every component of a CycloneDX BOM and its JSON
// Pointer: metadata.component and components[], nested ones included (not
// the tools in metadata.tools).
void for_each_cyclonedx_component(
    const kensa::json::Value& bom,
    const std::function<void(const kensa::json::Value&, const std::string&)>& visit);

} // namespace kensa::validate::semantic
