#include "kensa_json_reader.hpp"

#include "../common/json_access.hpp"
#include "kensa_json_names.hpp"
#include "kensa_json_writer.hpp"

#include <kensa/model/ids.hpp>

#include <algorithm>

namespace kensa::format::kensa_json {

namespace {

using common::array;
using common::object;
using common::text;

std::vector<std::string> strings(const json::Value& parent, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& item : array(parent, key)) {
    if (item.is_string()) {
      out.push_back(common::string_of(item));
    }
  }
  return out;
}

model::Party party_of(const json::Value& json) {
  model::Party party{text(json, "name"), text(json, "email"), text(json, "url"), false};
  party.is_organization = json["organization"].boolean();
  return party;
}

std::vector<model::Party> parties(const json::Value& parent, std::string_view key) {
  std::vector<model::Party> out;
  for (const auto& item : array(parent, key)) {
    out.push_back(party_of(item));
  }
  return out;
}

std::vector<model::License> licenses(const json::Value& parent, std::string_view key) {
  std::vector<model::License> out;
  for (const auto& item : array(parent, key)) {
    out.push_back({text(item, "expression"), text(item, "name"), text(item, "url")});
  }
  return out;
}

std::vector<model::Hash> hashes(const json::Value& parent, LossReport& losses) {
  std::vector<model::Hash> out;
  for (const auto& item : array(parent, "hashes")) {
    auto algorithm = model::parse_hash_algorithm(text(item, "algorithm"));
    if (!algorithm) {
      losses.add("hash with an unknown algorithm");
      continue;
    }
    out.push_back({*algorithm, text(item, "hex")});
  }
  return out;
}

std::vector<model::Property> properties(const json::Value& parent) {
  std::vector<model::Property> out;
  for (const auto& item : array(parent, "properties")) {
    out.push_back({text(item, "name"), text(item, "value")});
  }
  return out;
}

model::Component component_of(const json::Value& json, LossReport& losses) {
  model::Component component;
  component.id = text(json, "id");
  if (auto type = parse_component_type(text(json, "type"))) {
    component.type = *type;
  }
  component.ecosystem = text(json, "ecosystem");
  component.group = text(json, "group");
  component.name = text(json, "name");
  component.version = text(json, "version");
  component.purl = text(json, "purl");
  component.bom_ref = text(json, "bomRef");
  component.cpes = strings(json, "cpes");
  component.licenses_declared = licenses(json, "licensesDeclared");
  component.licenses_concluded = licenses(json, "licensesConcluded");
  for (const auto& item : array(json, "licenseEvidence")) {
    model::LicenseEvidence evidence;
    evidence.expression = text(item, "expression");
    evidence.location = text(item, "location");
    const json::Value score = item["scorePerMille"];
    if (evidence.expression.empty() || !score.is_number_integer() || score.integer() < 0 ||
        score.integer() > 1000) {
      continue;
    }
    evidence.score = static_cast<double>(score.integer()) / 1000;
    const std::string method = text(item, "method");
    for (auto candidate :
         {model::LicenseMatchMethod::text, model::LicenseMatchMethod::header,
          model::LicenseMatchMethod::identifier, model::LicenseMatchMethod::unlisted}) {
      if (model::license_match_method_name(candidate) == method) {
        evidence.method = candidate;
      }
    }
    evidence.text = text(item, "text");
    component.license_evidence.push_back(std::move(evidence));
  }
  component.copyrights = strings(json, "copyrights");
  component.hashes = hashes(json, losses);
  component.supplier = party_of(object(json, "supplier"));
  component.authors = parties(json, "authors");
  component.description = text(json, "description");
  for (const auto& item : array(json, "externalReferences")) {
    component.external_references.push_back({text(item, "type"), text(item, "url")});
  }
  if (auto scope = parse_scope(text(json, "scope"))) {
    component.scope = *scope;
  }
  component.development = json["development"].boolean();
  component.properties = properties(json);
  for (const auto& item : array(json, "evidence")) {
    component.evidence.push_back(
        {text(item, "location"), text(item, "layer"), text(item, "foundBy")});
  }
  if (component.id.empty()) {
    component.id = model::component_id(component);
  }
  return component;
}

} // namespace

bool is_kensa_json(const json::Value& json) {
  return json.is_object() && json.contains("kensaJson");
}

Result<model::Document> from_kensa_json(const json::Value& json, std::string_view source_name,
                                        const ReadLimits& limits, LossReport& losses) {
  std::string version = text(json, "kensaJson");
  if (version != k_kensa_json_version) {
    return fail(std::string(source_name) + ": kensa-json version \"" + version +
                "\" is not one this kensa reads (" + std::string(k_kensa_json_version) + ")");
  }
  const json::Value& components = array(json, "components");
  if (components.size() > limits.max_components) {
    return fail("more than " + std::to_string(limits.max_components) + " components");
  }
  model::Document document;
  const json::Value& metadata = object(json, "metadata");
  document.metadata.timestamp = text(metadata, "timestamp");
  for (const auto& tool : array(metadata, "tools")) {
    document.metadata.tools.push_back(
        {text(tool, "vendor"), text(tool, "name"), text(tool, "version")});
  }
  document.metadata.authors = parties(metadata, "authors");
  if (metadata.contains("subject") && metadata["subject"].is_object()) {
    document.metadata.subject = component_of(metadata["subject"], losses);
  }
  document.metadata.lifecycle = text(metadata, "lifecycle");
  if (auto completeness = parse_completeness(text(metadata, "completeness"))) {
    document.metadata.completeness = *completeness;
  }
  for (const auto& item : array(metadata, "omissions")) {
    if (document.metadata.omissions.size() < model::k_max_named_omissions) {
      document.metadata.omissions.push_back({text(item, "location"), text(item, "reason")});
    }
  }
  document.metadata.omitted = document.metadata.omissions.size();
  if (metadata.contains("omitted") && metadata["omitted"].is_number_integer() &&
      metadata["omitted"].integer() > 0) {
    document.metadata.omitted = std::max<std::uint64_t>(
        document.metadata.omitted, static_cast<std::uint64_t>(metadata["omitted"].integer()));
  }
  document.metadata.properties = properties(metadata);
  for (const auto& item : components) {
    document.components.push_back(component_of(item, losses));
  }
  for (const auto& item : array(json, "relationships")) {
    auto type = parse_relationship_type(text(item, "type"));
    if (!type) {
      losses.add("relationship of an unknown type");
      continue;
    }
    document.relationships.push_back({text(item, "from"), text(item, "to"), *type});
  }
  for (const auto& item : array(json, "files")) {
    document.files.push_back({text(item, "path"), hashes(item, losses), strings(item, "ownerIds")});
  }
  for (const auto& item : array(json, "diagnostics")) {
    document.diagnostics.push_back(
        {parse_severity(text(item, "severity")).value_or(model::Severity::warning),
         text(item, "location"), text(item, "message")});
  }
  // Written sorted; sorted again so a hand-edited file is still
  // deterministic output.
  std::sort(document.components.begin(), document.components.end(),
            [](const model::Component& a, const model::Component& b) {
              return std::tie(a.purl, a.name, a.version, a.id) <
                     std::tie(b.purl, b.name, b.version, b.id);
            });
  std::sort(document.relationships.begin(), document.relationships.end());
  std::sort(document.files.begin(), document.files.end());
  std::sort(document.diagnostics.begin(), document.diagnostics.end());
  return document;
}

} // namespace kensa::format::kensa_json
