#include "component_facts.hpp"

#include "../common/property_names.hpp"

#include <kensa/util/json_document.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace kensa::format::spdx {

namespace {

using Json = nlohmann::json;

Json party_json(const model::Party& party) {
  Json json = Json::object();
  if (!party.name.empty()) {
    json["name"] = party.name;
  }
  if (!party.email.empty()) {
    json["email"] = party.email;
  }
  if (!party.url.empty()) {
    json["url"] = party.url;
  }
  if (party.is_organization) {
    json["organization"] = true;
  }
  return json;
}

// The facts are read back from a parsed kensa::json document: one flat
// parse per component, its strings pointing into the comment.
model::Party party_from(const json::Value& value) {
  model::Party party;
  party.name = std::string(value["name"].string());
  party.email = std::string(value["email"].string());
  party.url = std::string(value["url"].string());
  party.is_organization = value["organization"].boolean();
  return party;
}

std::string joined_copyrights(const model::Component& component) {
  std::string text;
  for (const auto& statement : component.copyrights) {
    text += text.empty() ? statement : "\n" + statement;
  }
  return text;
}

} // namespace

std::vector<std::string> license_evidence_comments(const model::Component& component) {
  std::vector<std::string> comments;
  for (const auto& evidence : component.license_evidence) {
    comments.push_back(std::string(k_license_evidence_marker) +
                       model::license_evidence_text(evidence));
  }
  return comments;
}

std::string copyright_text_of(const model::Component& component) {
  for (const auto& property : component.properties) {
    if (property.name == property::k_copyright) {
      return property.value;
    }
  }
  return joined_copyrights(component);
}

std::optional<std::string> component_facts(const model::Component& component,
                                           const FactOptions& options) {
  Json facts = Json::object();
  if (!options.type_recorded) {
    facts["type"] = model::component_type_name(component.type);
  }
  if (!component.group.empty()) {
    facts["group"] = component.group;
  }
  // The bom-ref a CycloneDX document gave it, so that one written again
  // names it alike; a purl is the bom-ref CycloneDX writers give anyway.
  if (!component.bom_ref.empty() && component.bom_ref != component.purl) {
    facts["bomRef"] = component.bom_ref;
  }
  if (component.scope != model::Scope::unknown) {
    facts["scope"] = model::scope_name(component.scope);
  }
  if (component.development) {
    facts["development"] = true;
  }
  std::size_t first_author = options.first_author_recorded ? 1 : 0;
  if (component.authors.size() > first_author) {
    Json authors = Json::array();
    for (const auto& author : component.authors) {
      authors.push_back(party_json(author));
    }
    facts["authors"] = authors;
  }
  if (!component.properties.empty() && !options.properties_recorded) {
    Json properties = Json::array();
    for (const auto& property : component.properties) {
      properties.push_back(Json::array({property.name, property.value}));
    }
    facts["properties"] = properties;
  }
  if (!component.copyrights.empty()) {
    facts["copyrights"] = component.copyrights;
  }
  if (!component.evidence.empty()) {
    Json evidence = Json::array();
    for (const auto& item : component.evidence) {
      evidence.push_back(Json::array({item.location, item.layer, item.found_by}));
    }
    facts["evidence"] = evidence;
  }
  if (facts.empty()) {
    return std::nullopt;
  }
  return std::string(k_facts_marker) +
         facts.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool apply_component_facts(std::string_view comment, model::Component& component) {
  if (comment.starts_with(k_license_evidence_marker)) {
    auto evidence =
        model::parse_license_evidence_text(comment.substr(k_license_evidence_marker.size()));
    if (!evidence) {
      return false;
    }
    component.license_evidence.push_back(std::move(*evidence));
    std::sort(component.license_evidence.begin(), component.license_evidence.end());
    return true;
  }
  if (!comment.starts_with(k_facts_marker)) {
    return false;
  }
  json::ParseLimits limits;
  limits.max_depth = 8; // The facts nest three levels.
  const auto parsed = json::Document::parse_borrowed(comment.substr(k_facts_marker.size()), limits);
  if (!parsed.ok() || !parsed->root().is_object()) {
    return false;
  }
  const json::Value facts = parsed->root();
  if (const std::string_view type = facts["type"].string(); !type.empty()) {
    for (int i = 0; i <= static_cast<int>(model::ComponentType::cryptographic_asset); ++i) {
      auto candidate = static_cast<model::ComponentType>(i);
      if (model::component_type_name(candidate) == type) {
        component.type = candidate;
      }
    }
  }
  if (const std::string_view group = facts["group"].string(); !group.empty()) {
    component.group = std::string(group);
  }
  if (const std::string_view ref = facts["bomRef"].string(); !ref.empty()) {
    component.bom_ref = std::string(ref);
  }
  if (const std::string_view scope = facts["scope"].string(); !scope.empty()) {
    for (auto candidate :
         {model::Scope::required, model::Scope::optional, model::Scope::excluded}) {
      if (model::scope_name(candidate) == scope) {
        component.scope = candidate;
      }
    }
  }
  if (const json::Value development = facts["development"]; development.is_boolean()) {
    component.development = development.boolean();
  }
  if (const json::Value authors = facts["authors"]; authors.is_array()) {
    component.authors.clear();
    for (const json::Value author : authors) {
      if (author.is_object()) {
        component.authors.push_back(party_from(author));
      }
    }
  }
  const json::Value properties = facts["properties"];
  for (const json::Value pair : properties.is_array() ? properties : json::Value()) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
      component.add_property(std::string(pair[0].string()), std::string(pair[1].string()));
    }
  }
  const json::Value copyrights = facts["copyrights"];
  for (const json::Value statement : copyrights.is_array() ? copyrights : json::Value()) {
    if (statement.is_string()) {
      component.copyrights.emplace_back(statement.string());
    }
  }
  if (!component.copyrights.empty()) {
    const std::string repeated = joined_copyrights(component);
    std::erase_if(component.properties, [&](const model::Property& property) {
      return property.name == property::k_copyright && property.value == repeated;
    });
  }
  const json::Value evidence = facts["evidence"];
  for (const json::Value triple : evidence.is_array() ? evidence : json::Value()) {
    if (triple.is_array() && triple.size() == 3 && triple[0].is_string() && triple[1].is_string() &&
        triple[2].is_string()) {
      component.evidence.push_back(model::Evidence{std::string(triple[0].string()),
                                                   std::string(triple[1].string()),
                                                   std::string(triple[2].string())});
    }
  }
  return true;
}

} // namespace kensa::format::spdx
