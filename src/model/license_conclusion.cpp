#include <kensa/model/license.hpp>
#include <kensa/model/license_conclusion.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kensa::model {

namespace {

// The license ids and LicenseRef-s of `expressions`; nullopt when one is no
// valid expression (a license name).
std::optional<std::set<std::string>> ids_of(const std::vector<std::string>& expressions) {
  std::set<std::string> ids;
  for (const auto& expression : expressions) {
    const auto parsed = parse_license_expression(expression);
    if (!parsed) {
      return std::nullopt;
    }
    ids.insert(parsed->license_refs.begin(), parsed->license_refs.end());
  }
  return ids;
}

bool conclude(Component& component) {
  if (!component.licenses_concluded.empty() || component.license_evidence.empty()) {
    return false;
  }
  std::vector<std::string> shown;
  for (const auto& evidence : component.license_evidence) {
    if (std::find(shown.begin(), shown.end(), evidence.expression) == shown.end()) {
      shown.push_back(evidence.expression);
    }
  }
  std::vector<std::string> declared;
  for (const auto& license : component.licenses_declared) {
    declared.push_back(license.expression.empty() ? license.name : license.expression);
  }
  const auto shown_ids = ids_of(shown);
  const auto declared_ids = ids_of(declared);
  if (!declared.empty() && shown_ids && declared_ids && *shown_ids == *declared_ids) {
    component.licenses_concluded = component.licenses_declared;
    for (auto& license : component.licenses_concluded) {
      license.url.clear(); // A link to the declared text is no part of a conclusion.
    }
    return true;
  }
  if (shown.size() == 1) {
    License license;
    license.expression = shown.front();
    component.licenses_concluded.push_back(std::move(license));
    return true;
  }
  return false;
}

} // namespace

std::size_t conclude_licenses_from_evidence(Document& document) {
  std::size_t concluded = 0;
  for (auto& component : document.components) {
    concluded += conclude(component) ? 1 : 0;
  }
  return concluded;
}

} // namespace kensa::model
