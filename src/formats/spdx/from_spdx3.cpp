#include "from_spdx3.hpp"

#include "../common/json_access.hpp"
#include "../common/property_names.hpp"
#include "../common/two_halves_mapping.hpp"
#include "../common/unread_members.hpp"
#include "component_facts.hpp"
#include "extracted_licenses.hpp"
#include "spdx3_writer.hpp"
#include "spdx_ids.hpp"
#include "spdx_metadata.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/model/license.hpp>

#include <map>
#include <unordered_map>

namespace kensa::format::spdx {

namespace {

using common::array;
using common::text;

std::optional<model::HashAlgorithm> algorithm_of(std::string_view word) {
  for (int i = 0; i <= static_cast<int>(model::HashAlgorithm::blake3); ++i) {
    auto algorithm = static_cast<model::HashAlgorithm>(i);
    if (spdx3_algorithm(algorithm) == word) {
      return algorithm;
    }
  }
  return std::nullopt;
}

std::optional<model::ComponentType> type_of(std::string_view purpose) {
  for (int i = 0; i <= static_cast<int>(model::ComponentType::cryptographic_asset); ++i) {
    auto type = static_cast<model::ComponentType>(i);
    if (spdx3_purpose(type) == purpose) {
      return type;
    }
  }
  return std::nullopt;
}

std::vector<model::Hash> verified_using_hashes(const json::Value& element, LossReport& losses) {
  std::vector<model::Hash> hashes;
  for (const auto& method : array(element, "verifiedUsing")) {
    if (text(method, "type") != "Hash") {
      losses.add("integrity methods other than hashes");
      continue;
    }
    auto algorithm = algorithm_of(text(method, "algorithm"));
    if (!algorithm) {
      losses.add("hash with an algorithm kensa does not know");
      continue;
    }
    hashes.push_back({*algorithm, text(method, "hashValue")});
  }
  return hashes;
}

// The strings of `key`, given as one string or an array of them; they
// point into the parsed document.
std::vector<std::string_view> strings(const json::Value& element, std::string_view key) {
  std::vector<std::string_view> out;
  if (json::Value single = element[key]; single.is_string()) {
    out.push_back(single.string());
  }
  for (const auto& item : array(element, key)) {
    if (item.is_string()) {
      out.push_back(item.string());
    }
  }
  return out;
}

// The id an element is referred to by.
std::string_view id_of(const json::Value& element) {
  const std::string_view id = element["spdxId"].string();
  return id.empty() ? element["@id"].string() : id;
}

model::Party agent_of(const json::Value& agent) {
  model::Party party;
  party.name = text(agent, "name");
  party.is_organization = text(agent, "type") == "Organization";
  for (const auto& identifier : array(agent, "externalIdentifier")) {
    if (text(identifier, "externalIdentifierType") == "email") {
      party.email = text(identifier, "identifier");
    }
  }
  for (const auto& reference : array(agent, "externalRef")) {
    auto locators = strings(reference, "locator");
    if (!locators.empty()) {
      party.url = std::string(locators.front());
    }
  }
  return party;
}

// Licenses arrive through relationships, annotations are elements of
// their own: both are gathered before packages are mapped.
struct PackageLicenses {
  std::vector<model::License> declared;
  std::vector<model::License> concluded;
};

// What mapping a package looks up; the views point into the parsed
// document.
struct ElementTables {
  std::unordered_map<std::string_view, json::Value> element_of;
  std::unordered_map<std::string_view, std::vector<std::string_view>> facts_of;
  std::unordered_map<std::string_view, PackageLicenses> licenses_of;
};

// A software_Package element as a component, its id set. Reads only the
// element and the tables, so packages can be mapped on two threads.
model::Component map_package(const json::Value& element, const ElementTables& tables,
                             LossReport& losses) {
  const std::string_view id = element["spdxId"].string();
  model::Component component;
  component.name = text(element, "name");
  component.version = text(element, "software_packageVersion");
  component.description = text(element, "description");
  component.purl = text(element, "software_packageUrl");
  for (const auto& identifier : array(element, "externalIdentifier")) {
    std::string kind = text(identifier, "externalIdentifierType");
    if (kind == "cpe23" || kind == "cpe22") {
      component.cpes.push_back(text(identifier, "identifier"));
    } else if (kind == "packageUrl" && component.purl.empty()) {
      component.purl = text(identifier, "identifier");
    }
  }
  component.ecosystem = common::purl_type(component.purl);
  if (auto download = text(element, "software_downloadLocation"); !download.empty()) {
    component.external_references.push_back({"distribution", download});
  }
  if (auto homepage = text(element, "software_homePage"); !homepage.empty()) {
    component.external_references.push_back({"website", homepage});
  }
  for (const auto& reference : array(element, "externalRef")) {
    std::string reference_type = text(reference, "comment");
    if (reference_type.empty()) {
      reference_type = text(reference, "externalRefType");
    }
    for (const auto& locator : strings(reference, "locator")) {
      component.external_references.push_back({reference_type, std::string(locator)});
    }
  }
  component.hashes = verified_using_hashes(element, losses);
  for (const auto& agent : strings(element, "originatedBy")) {
    if (auto found = tables.element_of.find(agent); found != tables.element_of.end()) {
      component.authors.push_back(agent_of(found->second));
    }
  }
  if (auto supplier = tables.element_of.find(text(element, "suppliedBy"));
      supplier != tables.element_of.end()) {
    component.supplier = agent_of(supplier->second);
  }
  if (auto copyright = text(element, "software_copyrightText"); !copyright.empty()) {
    component.add_property(std::string(property::k_copyright), copyright);
  }
  if (auto type_found = type_of(text(element, "software_primaryPurpose"))) {
    component.type = *type_found;
  }
  if (auto facts = tables.facts_of.find(id); facts != tables.facts_of.end()) {
    for (const auto& statement : facts->second) {
      if (!apply_component_facts(statement, component)) {
        component.add_property("kensa:spdx:annotation", std::string(statement));
      }
    }
  }
  if (auto licenses = tables.licenses_of.find(id); licenses != tables.licenses_of.end()) {
    component.licenses_declared = licenses->second.declared;
    component.licenses_concluded = licenses->second.concluded;
  }
  if (!component.group.empty() && component.name.starts_with(component.group + "/")) {
    component.name = component.name.substr(component.group.size() + 1);
  }
  // What the lines above do not read is kept (builtTime, summary, ...).
  common::keep_unread_members(element,
                              {"type", "spdxId", "creationInfo", "name", "software_packageVersion",
                               "description", "software_packageUrl", "externalIdentifier",
                               "software_downloadLocation", "software_homePage", "externalRef",
                               "verifiedUsing", "originatedBy", "suppliedBy",
                               "software_copyrightText", "software_primaryPurpose"},
                              "kensa:spdx3:", component);
  component.id = model::component_id(component);
  return component;
}

} // namespace

Result<MappedDocument> from_spdx3(const json::Value& document, std::string_view source_name,
                                  const ReadLimits& limits, LossReport& losses) {
  if (!document.is_object() || !document.contains("@graph") || !document["@graph"].is_array()) {
    return fail("no @graph array: only the compact JSON-LD form is read");
  }
  const json::Value& graph_json = document["@graph"];
  if (graph_json.size() > limits.max_components * 4) {
    return fail("more than " + std::to_string(limits.max_components * 4) + " elements");
  }
  // Ids, types and the other strings looked up below point into the
  // parsed document, which outlives this mapping: half a million elements
  // are indexed without copying their IRIs.
  ElementTables tables;
  auto& element_of = tables.element_of;
  std::map<std::string, std::size_t> skipped_types;
  // Each element's type is read once: the passes below go over these
  // instead of looking it up in every element again.
  struct TypedElement {
    json::Value element;
    std::string_view type;
  };
  std::vector<TypedElement> elements;
  elements.reserve(graph_json.size());
  for (const auto& element : graph_json) {
    const std::string_view type = element["type"].string();
    elements.push_back({element, type});
    // Only agents, tools and licenses are looked up by id; relationships,
    // annotations, packages and files, nearly all of a big document, are
    // not indexed.
    if (type == "Relationship" || type == "LifecycleScopedRelationship" || type == "Annotation" ||
        type == "software_Package" || type == "software_File") {
      continue;
    }
    if (const std::string_view id = id_of(element); !id.empty()) {
      element_of.emplace(id, element);
    }
  }

  model::DocumentMetadata metadata;
  model::ComponentGraph graph;
  std::string root;
  for (const auto& [element, type] : elements) {
    if (type == "CreationInfo") {
      metadata.timestamp = text(element, "created");
      for (const auto& agent : strings(element, "createdBy")) {
        auto found = element_of.find(agent);
        if (found != element_of.end() && text(found->second, "type") != "SoftwareAgent") {
          metadata.authors.push_back(agent_of(found->second));
        }
      }
      for (const auto& tool : strings(element, "createdUsing")) {
        auto found = element_of.find(tool);
        if (found == element_of.end()) {
          continue;
        }
        metadata.tools.push_back(tool_of_name(text(found->second, "name")));
      }
    } else if (type == "SpdxDocument") {
      if (auto name = text(element, "name"); !name.empty()) {
        metadata.properties.push_back({std::string(property::k_spdx_document_name), name});
      }
    } else if (type == "software_Sbom") {
      auto roots = strings(element, "rootElement");
      if (roots.size() == 1) {
        root = std::string(roots.front());
      }
      for (const auto& sbom_type : strings(element, "software_sbomType")) {
        if (sbom_type == "design" || sbom_type == "build") {
          metadata.lifecycle = std::string(sbom_type);
        } else if (sbom_type == "source") {
          metadata.lifecycle = "pre-build";
        } else if (sbom_type == "analyzed") {
          metadata.lifecycle = "post-build";
        } else if (sbom_type == "runtime" || sbom_type == "deployed") {
          metadata.lifecycle = "operations";
        }
      }
    }
  }

  auto& facts_of = tables.facts_of;
  for (const auto& [element, type] : elements) {
    if (type == "Annotation") {
      facts_of[element["subject"].string()].push_back(element["statement"].string());
    }
  }
  // The LicenseRef-s the expressions name: their SimpleLicensingText
  // elements, kept like SPDX 2's extracted licenses (a LicenseRef- whose text
  // is its name is a license name kensa wrote).
  ExtractedInfos extracted;
  for (const auto& [element, type] : elements) {
    if (type != "simplelicensing_LicenseExpression") {
      continue;
    }
    for (const auto& entry : array(element, "simplelicensing_customIdToUri")) {
      std::string id = text(entry, "key");
      auto found = element_of.find(text(entry, "value"));
      if (!id.starts_with("LicenseRef-") || extracted.count(id) > 0 || found == element_of.end() ||
          text(found->second, "type") != "simplelicensing_SimpleLicensingText") {
        continue;
      }
      ExtractedInfo info{text(found->second, "simplelicensing_licenseText"),
                         text(found->second, "name"), ""};
      keep_extracted_license(id, info, metadata.properties);
      extracted.emplace(std::move(id), std::move(info));
    }
  }
  // A document names a few license elements from many relationships:
  // each is read once.
  std::unordered_map<std::string_view, std::optional<std::vector<model::License>>> license_cache;
  auto read_license = [&](std::string_view id) -> std::optional<std::vector<model::License>> {
    auto found = element_of.find(id);
    if (found == element_of.end()) {
      return std::nullopt;
    }
    return licenses_of_expression(text(found->second, "simplelicensing_licenseExpression"),
                                  extracted);
  };
  auto license_of = [&](std::string_view id) -> const std::optional<std::vector<model::License>>& {
    auto [cached, inserted] = license_cache.try_emplace(id);
    if (inserted) {
      cached->second = read_license(id);
    }
    return cached->second;
  };

  auto& licenses_of = tables.licenses_of;
  for (const auto& [element, type] : elements) {
    if (type != "Relationship" && type != "LifecycleScopedRelationship") {
      continue;
    }
    const std::string_view relationship = element["relationshipType"].string();
    if (relationship != "hasDeclaredLicense" && relationship != "hasConcludedLicense") {
      continue;
    }
    for (const auto& to_spdx : strings(element, "to")) {
      const auto& read = license_of(to_spdx);
      if (!read) {
        losses.add("licenses of elements that are not packages");
        continue;
      }
      PackageLicenses& licenses = licenses_of[element["from"].string()];
      auto& into = relationship == "hasDeclaredLicense" ? licenses.declared : licenses.concluded;
      into.insert(into.end(), read->begin(), read->end());
    }
  }

  std::unordered_map<std::string_view, model::FileEntry> files;
  std::vector<json::Value> package_elements;
  for (const auto& [element, type] : elements) {
    if (type == "software_File") {
      model::FileEntry file;
      file.path = text(element, "name");
      file.hashes = verified_using_hashes(element, losses);
      common::count_unread_file_members(
          element, {"type", "spdxId", "creationInfo", "name", "verifiedUsing", "software_fileKind"},
          losses);
      files.emplace(element["spdxId"].string(), std::move(file));
      continue;
    }
    if (type != "software_Package") {
      if (type != "CreationInfo" && type != "SpdxDocument" && type != "software_Sbom" &&
          type != "Relationship" && type != "LifecycleScopedRelationship" && type != "Annotation" &&
          type != "Person" && type != "Organization" && type != "SoftwareAgent" && type != "Tool" &&
          type != "simplelicensing_LicenseExpression" &&
          type != "simplelicensing_SimpleLicensingText") {
        ++skipped_types[std::string(type)];
      }
      continue;
    }
    package_elements.push_back(element);
  }
  if (package_elements.size() > limits.max_components + 1) {
    return fail("more than " + std::to_string(limits.max_components) + " packages");
  }

  // Mapping is most of the work and reads nothing but the tables: a big
  // document's packages are mapped on two threads, then added in order.
  std::vector<model::Component> mapped(package_elements.size());
  const auto map_range = [&](std::size_t begin, std::size_t end, LossReport& into) {
    for (std::size_t i = begin; i < end; ++i) {
      mapped[i] = map_package(package_elements[i], tables, into);
    }
  };
  if (package_elements.size() >= k_two_halves_threshold) {
    common::run_in_two_halves(package_elements.size(), losses, map_range);
  } else {
    map_range(0, package_elements.size(), losses);
  }

  std::unordered_map<std::string_view, std::string> component_of;
  std::string subject_id;
  for (std::size_t i = 0; i < package_elements.size(); ++i) {
    const std::string_view id = package_elements[i]["spdxId"].string();
    model::Component& component = mapped[i];
    licenses_of.erase(id);
    if (id == root && !metadata.subject) {
      component.id = component_id_from_spdx_id(id);
      if (component.id.empty()) {
        component.id = model::component_id(component);
      }
      subject_id = component.id;
      component_of[id] = component.id;
      metadata.subject = std::move(component);
      continue;
    }
    if (component_of.size() >= limits.max_components) {
      return fail("more than " + std::to_string(limits.max_components) + " packages");
    }
    component_of[id] = graph.add_identified(std::move(component));
  }
  // The moved-from components (half a kilobyte each) are freed now, not
  // when the mapping ends.
  mapped = {};

  // Licenses of elements that are no package.
  for (const auto& [from, licenses] : licenses_of) {
    losses.add("licenses of elements that are not packages",
               licenses.declared.size() + licenses.concluded.size());
  }
  std::map<std::string, std::size_t> skipped_relationships;
  for (const auto& [element, type] : elements) {
    if (type != "Relationship" && type != "LifecycleScopedRelationship") {
      continue;
    }
    const std::string_view relationship = element["relationshipType"].string();
    if (relationship == "hasDeclaredLicense" || relationship == "hasConcludedLicense") {
      continue; // Read above.
    }
    auto from = component_of.find(element["from"].string());
    for (const auto& to_spdx : strings(element, "to")) {
      if (relationship == "contains" && from != component_of.end()) {
        if (auto file = files.find(to_spdx); file != files.end()) {
          file->second.owner_ids.push_back(from->second);
          continue;
        }
      }
      auto to = component_of.find(to_spdx);
      std::optional<model::RelationshipType> kind;
      if (relationship == "dependsOn") {
        const std::string_view scope = element["scope"].string();
        kind = scope == "development" || scope == "test" || scope == "build"
                   ? model::RelationshipType::dev_depends_on
                   : model::RelationshipType::depends_on;
      } else if (relationship == "hasOptionalDependency") {
        kind = model::RelationshipType::optional_depends_on;
      } else if (relationship == "contains") {
        kind = model::RelationshipType::contains;
      } else if (relationship == "describes" && from != component_of.end() &&
                 from->second == subject_id) {
        kind = model::RelationshipType::describes;
      }
      if (!kind) {
        ++skipped_relationships[std::string(relationship)];
        continue;
      }
      if (from == component_of.end() || to == component_of.end()) {
        losses.add("relationships to elements not in the document");
        continue;
      }
      graph.relate(from->second, to->second, *kind);
    }
  }
  for (auto& [id, file] : files) {
    graph.add_file(std::move(file));
  }
  for (const auto& [type, count] : skipped_types) {
    losses.add("SPDX 3 elements of type " + type, count);
  }
  for (const auto& [type, count] : skipped_relationships) {
    losses.add("relationship " + type + " (the model has no such edge)", count);
  }
  static_cast<void>(source_name);
  std::sort(metadata.properties.begin(), metadata.properties.end());
  return MappedDocument{std::move(graph), std::move(metadata)};
}

} // namespace kensa::format::spdx
