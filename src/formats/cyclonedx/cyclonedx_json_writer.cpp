#include "cyclonedx_json_writer.hpp"

#include "license_ids.hpp"

#include <kensa/model/hash.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace kensa::format::cyclonedx {

namespace {

using Json = nlohmann::ordered_json;

// The bom-ref of a component: its purl, which is unique in a kensa document
// and readable, or its content-derived id when it has none.
std::string bom_ref(const model::Component& component) {
  return component.purl.empty() ? component.id : component.purl;
}

// RFC 4122 name-based UUID (version 5 layout) over the SHA-256 of the content,
// so the same document always gets the same serial number.
std::string serial_number(std::string_view content) {
  std::string hex = model::compute_hash(model::HashAlgorithm::sha256, content).hex.substr(0, 32);
  hex[12] = '5';
  static constexpr char k_variant[] = "89ab";
  hex[16] = k_variant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

Json license_object(const model::License& license) {
  Json object = Json::object();
  if (!license.expression.empty() && is_cyclonedx_license_id(license.expression)) {
    object["id"] = license.expression;
  } else {
    // Valid expressions that are not a listed id (LicenseRef-..., compound
    // ones when several licenses are listed) keep their text as a name.
    object["name"] = license.expression.empty() ? license.name : license.expression;
  }
  if (!license.url.empty()) {
    object["url"] = license.url;
  }
  return Json{{"license", object}};
}

// CycloneDX allows either license objects or exactly one expression. A single
// expression that is not a listed id (compound, LicenseRef-, "+", or an id
// newer than the schema's enum) is written as an expression; otherwise each
// license is an object.
Json licenses_json(const std::vector<model::License>& licenses) {
  Json array = Json::array();
  const auto& first = licenses.front();
  if (licenses.size() == 1 && !first.expression.empty() &&
      !is_cyclonedx_license_id(first.expression)) {
    array.push_back(Json{{"expression", first.expression}});
    return array;
  }
  for (const auto& license : licenses) {
    array.push_back(license_object(license));
  }
  return array;
}

Json organizational_entity(const model::Party& party) {
  Json entity = Json::object();
  if (!party.name.empty()) {
    entity["name"] = party.name;
  }
  if (!party.url.empty()) {
    entity["url"] = Json::array({party.url});
  }
  if (!party.email.empty()) {
    entity["contact"] = Json::array({Json{{"email", party.email}}});
  }
  return entity;
}

Json organizational_contact(const model::Party& party) {
  Json contact = Json::object();
  if (!party.name.empty()) {
    contact["name"] = party.name;
  }
  if (!party.email.empty()) {
    contact["email"] = party.email;
  }
  return contact;
}

Json component_json(const model::Component& component) {
  Json json = Json::object();
  json["type"] = model::component_type_name(component.type);
  json["bom-ref"] = bom_ref(component);
  if (!component.supplier.empty()) {
    json["supplier"] = organizational_entity(component.supplier);
  }
  if (!component.authors.empty()) {
    Json authors = Json::array();
    for (const auto& author : component.authors) {
      authors.push_back(organizational_contact(author));
    }
    json["authors"] = authors;
  }
  if (!component.group.empty()) {
    json["group"] = component.group;
  }
  json["name"] = component.name;
  if (!component.version.empty()) {
    json["version"] = component.version;
  }
  if (!component.description.empty()) {
    json["description"] = component.description;
  }
  if (component.scope != model::Scope::unknown) {
    json["scope"] = model::scope_name(component.scope);
  }
  if (!component.hashes.empty()) {
    Json hashes = Json::array();
    for (const auto& hash : component.hashes) {
      hashes.push_back(
          Json{{"alg", model::hash_algorithm_name(hash.algorithm)}, {"content", hash.hex}});
    }
    json["hashes"] = hashes;
  }
  if (!component.licenses_declared.empty()) {
    json["licenses"] = licenses_json(component.licenses_declared);
  } else if (!component.licenses_concluded.empty()) {
    json["licenses"] = licenses_json(component.licenses_concluded);
  }
  if (!component.cpes.empty()) {
    json["cpe"] = component.cpes.front();
  }
  if (!component.purl.empty()) {
    json["purl"] = component.purl;
  }
  if (!component.external_references.empty()) {
    Json references = Json::array();
    for (const auto& reference : component.external_references) {
      references.push_back(Json{{"url", reference.url}, {"type", reference.type}});
    }
    json["externalReferences"] = references;
  }

  Json properties = Json::array();
  std::set<std::string> scanners;
  for (const auto& evidence : component.evidence) {
    scanners.insert(evidence.found_by);
  }
  std::vector<model::Property> all = component.properties;
  for (std::size_t i = 1; i < component.cpes.size(); ++i) {
    all.push_back({"kensa:cpe23", component.cpes[i]});
  }
  if (component.development) {
    all.push_back({"kensa:development", "true"});
  }
  for (const auto& scanner : scanners) {
    if (!scanner.empty()) {
      all.push_back({"kensa:found-by", scanner});
    }
  }
  std::sort(all.begin(), all.end());
  for (const auto& property : all) {
    properties.push_back(Json{{"name", property.name}, {"value", property.value}});
  }
  if (!properties.empty()) {
    json["properties"] = properties;
  }

  if (!component.evidence.empty()) {
    Json occurrences = Json::array();
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& evidence : component.evidence) {
      if (!seen.insert({evidence.location, evidence.layer}).second) {
        continue;
      }
      Json occurrence{{"location", evidence.location}};
      if (!evidence.layer.empty()) {
        occurrence["additionalContext"] = "layer " + evidence.layer;
      }
      occurrences.push_back(occurrence);
    }
    json["evidence"] = Json{{"occurrences", occurrences}};
  }
  return json;
}

Json metadata_json(const model::DocumentMetadata& metadata) {
  Json json = Json::object();
  if (!metadata.timestamp.empty()) {
    json["timestamp"] = metadata.timestamp;
  }
  if (!metadata.lifecycle.empty()) {
    json["lifecycles"] = Json::array({Json{{"phase", metadata.lifecycle}}});
  }
  Json tools = Json::array();
  for (const auto& tool : metadata.tools) {
    Json entry{{"type", "application"}};
    if (!tool.vendor.empty()) {
      entry["supplier"] = Json{{"name", tool.vendor}};
    }
    entry["name"] = tool.name;
    if (!tool.version.empty()) {
      entry["version"] = tool.version;
    }
    tools.push_back(entry);
  }
  if (!tools.empty()) {
    json["tools"] = Json{{"components", tools}};
  }
  if (!metadata.authors.empty()) {
    Json authors = Json::array();
    for (const auto& author : metadata.authors) {
      authors.push_back(organizational_contact(author));
    }
    json["authors"] = authors;
  }
  if (metadata.subject) {
    json["component"] = component_json(*metadata.subject);
  }
  return json;
}

Json dependencies_json(const model::Document& document) {
  std::map<std::string, std::string> ref_of;
  for (const auto& component : document.components) {
    ref_of[component.id] = bom_ref(component);
  }
  std::map<std::string, std::set<std::string>> depends_on;
  if (document.metadata.subject) {
    const auto& subject = *document.metadata.subject;
    ref_of[subject.id] = bom_ref(subject);
    depends_on[bom_ref(subject)];
  }
  // Every component gets an entry, even without edges: an empty dependsOn
  // says "depends on nothing we know of" per the spec.
  for (const auto& component : document.components) {
    depends_on[bom_ref(component)];
  }
  for (const auto& relationship : document.relationships) {
    if (relationship.type == model::RelationshipType::contains) {
      continue; // Containment is not a dependency; nesting expresses it.
    }
    auto from = ref_of.find(relationship.from);
    auto to = ref_of.find(relationship.to);
    if (from != ref_of.end() && to != ref_of.end()) {
      depends_on[from->second].insert(to->second);
    }
  }
  Json array = Json::array();
  for (const auto& [ref, targets] : depends_on) {
    Json entry{{"ref", ref}};
    entry["dependsOn"] = Json(std::vector<std::string>(targets.begin(), targets.end()));
    array.push_back(entry);
  }
  return array;
}

} // namespace

void write_json(const model::Document& document, std::string_view version, std::ostream& out) {
  Json metadata = metadata_json(document.metadata);
  Json components = Json::array();
  for (const auto& component : document.components) {
    components.push_back(component_json(component));
  }
  Json dependencies = dependencies_json(document);

  constexpr auto k_replace = nlohmann::json::error_handler_t::replace;
  // The serial number is derived from everything else in the document.
  std::string content = metadata.dump(-1, ' ', false, k_replace) +
                        components.dump(-1, ' ', false, k_replace) +
                        dependencies.dump(-1, ' ', false, k_replace);

  Json bom = Json::object();
  bom["$schema"] = "http://cyclonedx.org/schema/bom-" + std::string(version) + ".schema.json";
  bom["bomFormat"] = "CycloneDX";
  bom["specVersion"] = std::string(version);
  bom["serialNumber"] = serial_number(content);
  bom["version"] = 1;
  bom["metadata"] = std::move(metadata);
  bom["components"] = std::move(components);
  bom["dependencies"] = std::move(dependencies);
  // Invalid UTF-8 in package metadata is replaced rather than aborting the
  // whole document.
  out << bom.dump(2, ' ', false, k_replace) << '\n';
}

} // namespace kensa::format::cyclonedx
