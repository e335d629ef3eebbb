#pragma once

#include <kensa/model/document.hpp>
#include <kensa/source/source.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

// Helpers the scanner tests share: files in memory, and reading properties
// and hashes off a component.
namespace kensa::testing {

// A file in memory at `path` (also its location).
source::SourceFile file(std::string path, std::string contents = {});

// The component of `document` with this purl, or nullptr.
const model::Component* find_by_purl(const model::Document& document, std::string_view purl);

// The value of the component's property `name`, or empty when it has none.
std::string property(const model::Component& component, std::string_view name);

// Each hash of the component as "<algorithm name>:<hex>".
std::set<std::string> hashes_of(const model::Component& component);

// Each diagnostic of `document` as "<location>: <message>", in the
// document's order.
std::vector<std::string> diagnostic_lines(const model::Document& document);

} // namespace kensa::testing
