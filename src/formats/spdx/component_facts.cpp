#include "component_facts.hpp"

#include <nlohmann/json.hpp>

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

std::string text(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

model::Party party_from(const Json& json) {
  model::Party party;
  party.name = text(json, "name");
  party.email = text(json, "email");
  party.url = text(json, "url");
  auto organization = json.find("organization");
  party.is_organization =
      organization != json.end() && organization->is_boolean() && organization->get<bool>();
  return party;
}

} // namespace

std::optional<std::string> component_facts(const model::Component& component,
                                           const FactOptions& options) {
  Json facts = Json::object();
  if (!options.type_recorded) {
    facts["type"] = model::component_type_name(component.type);
  }
  if (!component.group.empty()) {
    facts["group"] = component.group;
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
  if (!component.properties.empty()) {
    Json properties = Json::array();
    for (const auto& property : component.properties) {
      properties.push_back(Json::array({property.name, property.value}));
    }
    facts["properties"] = properties;
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
  if (!comment.starts_with(k_facts_marker)) {
    return false;
  }
  Json facts = Json::parse(comment.substr(k_facts_marker.size()), nullptr, false);
  if (facts.is_discarded() || !facts.is_object()) {
    return false;
  }
  model::Component updated = component;
  if (auto type = text(facts, "type"); !type.empty()) {
    for (int i = 0; i <= static_cast<int>(model::ComponentType::cryptographic_asset); ++i) {
      auto candidate = static_cast<model::ComponentType>(i);
      if (model::component_type_name(candidate) == type) {
        updated.type = candidate;
      }
    }
  }
  if (auto group = text(facts, "group"); !group.empty()) {
    updated.group = group;
  }
  if (auto scope = text(facts, "scope"); !scope.empty()) {
    for (auto candidate :
         {model::Scope::required, model::Scope::optional, model::Scope::excluded}) {
      if (model::scope_name(candidate) == scope) {
        updated.scope = candidate;
      }
    }
  }
  if (auto development = facts.find("development");
      development != facts.end() && development->is_boolean()) {
    updated.development = development->get<bool>();
  }
  if (auto authors = facts.find("authors"); authors != facts.end() && authors->is_array()) {
    updated.authors.clear();
    for (const auto& author : *authors) {
      if (author.is_object()) {
        updated.authors.push_back(party_from(author));
      }
    }
  }
  if (auto properties = facts.find("properties");
      properties != facts.end() && properties->is_array()) {
    for (const auto& pair : *properties) {
      if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
        updated.add_property(pair[0].get<std::string>(), pair[1].get<std::string>());
      }
    }
  }
  if (auto evidence = facts.find("evidence"); evidence != facts.end() && evidence->is_array()) {
    for (const auto& triple : *evidence) {
      if (triple.is_array() && triple.size() == 3 && triple[0].is_string() &&
          triple[1].is_string() && triple[2].is_string()) {
        updated.evidence.push_back(model::Evidence{triple[0].get<std::string>(),
                                                   triple[1].get<std::string>(),
                                                   triple[2].get<std::string>()});
      }
    }
  }
  component = std::move(updated);
  return true;
}

} // namespace kensa::format::spdx
