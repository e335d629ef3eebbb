#include "from_spdx3.hpp"

#include "../common/incompleteness.hpp"
#include "../common/json_access.hpp"
#include "../common/property_names.hpp"
#include "../common/two_halves_mapping.hpp"
#include "../common/unread_members.hpp"
#include "component_facts.hpp"
#include "extracted_licenses.hpp"
#include "spdx3_vocabulary.hpp"
#include "spdx_ids.hpp"
#include "spdx_metadata.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/model/license.hpp>

#include <map>
#include <set>
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
  // The text of each SimpleLicensingText element whose spdxId ends in a
  // LicenseRef- ("<namespace>/LicenseRef-file-..."), by that LicenseRef-:
  // how kensa writes the text of a license found in a file that the SPDX
  // list does not have, which license evidence names.
  ExtractedInfos unlisted_texts;
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
  bool foreign_extension = false;
  for (const auto& extension : array(element, "extension")) {
    if (text(extension, "type") != "extension_CdxPropertiesExtension") {
      foreign_extension = true;
      continue;
    }
    for (const auto& entry : array(extension, "extension_cdxProperty")) {
      if (auto name = text(entry, "extension_cdxPropName"); !name.empty()) {
        component.add_property(std::move(name), text(entry, "extension_cdxPropValue"));
      }
    }
  }
  if (auto facts = tables.facts_of.find(id); facts != tables.facts_of.end()) {
    for (const auto& statement : facts->second) {
      if (!apply_component_facts(statement, component)) {
        component.add_property("kensa:spdx:annotation", std::string(statement));
      }
    }
    std::set<std::string, std::less<>> attached;
    attach_unlisted_texts(component, tables.unlisted_texts, attached);
  }
  if (auto licenses = tables.licenses_of.find(id); licenses != tables.licenses_of.end()) {
    component.licenses_declared = licenses->second.declared;
    component.licenses_concluded = licenses->second.concluded;
  }
  if (!component.group.empty() && component.name.starts_with(component.group + "/")) {
    component.name = component.name.substr(component.group.size() + 1);
  }
  // What the lines above do not read is kept (builtTime, summary, ...),
  // and an extension other than CycloneDX properties as it was written.
  common::keep_unread_members(element,
                              {"type", "spdxId", "creationInfo", "name", "software_packageVersion",
                               "description", "software_packageUrl", "externalIdentifier",
                               "software_downloadLocation", "software_homePage", "externalRef",
                               "verifiedUsing", "originatedBy", "suppliedBy",
                               "software_copyrightText", "software_primaryPurpose", "extension"},
                              "kensa:spdx3:", component);
  if (foreign_extension) {
    component.add_property("kensa:spdx3:extension", element["extension"].dump());
  } else {
    common::keep_unread_members(
        element,
        {"type", "spdxId", "creationInfo", "name", "software_packageVersion", "description",
         "software_packageUrl", "externalIdentifier", "software_downloadLocation",
         "software_homePage", "externalRef", "verifiedUsing", "originatedBy", "suppliedBy",
         "software_copyrightText", "software_primaryPurpose", "extension"},
        "kensa:spdx3:", component);
  }
  component.id = model::component_id(component);
  return component;
}

// Each element with its type, read once: the passes below go over these
// instead of looking the type up in every element again.
struct TypedElement {
  json::Value element;
  std::string_view type;
};

bool is_relationship(std::string_view type) {
  return type == "Relationship" || type == "LifecycleScopedRelationship";
}

// The types the passes below read; any other is counted as a loss.
bool is_read_type(std::string_view type) {
  return type == "software_Package" || type == "software_File" || type == "CreationInfo" ||
         type == "SpdxDocument" || type == "software_Sbom" || is_relationship(type) ||
         type == "Annotation" || type == "Person" || type == "Organization" ||
         type == "SoftwareAgent" || type == "Tool" || type == "simplelicensing_LicenseExpression" ||
         type == "simplelicensing_SimpleLicensingText";
}

// The SBOM type's place in the CycloneDX lifecycle vocabulary the model
// uses, or empty.
std::string_view lifecycle_of(std::string_view sbom_type) {
  if (sbom_type == "design" || sbom_type == "build") {
    return sbom_type;
  }
  if (sbom_type == "source") {
    return "pre-build";
  }
  if (sbom_type == "analyzed") {
    return "post-build";
  }
  if (sbom_type == "runtime" || sbom_type == "deployed") {
    return "operations";
  }
  return {};
}

// A relationship's kind in the model, or nullopt when the model has no
// such edge. `from_subject`: the relationship starts at the document's
// subject (only its "describes" is kept).
std::optional<model::RelationshipType> spdx3_relationship_kind(const json::Value& element,
                                                               std::string_view relationship,
                                                               bool from_subject) {
  if (relationship == "dependsOn") {
    const std::string_view scope = element["scope"].string();
    return scope == "development" || scope == "test" || scope == "build"
               ? model::RelationshipType::dev_depends_on
               : model::RelationshipType::depends_on;
  }
  if (relationship == "hasOptionalDependency") {
    return model::RelationshipType::optional_depends_on;
  }
  if (relationship == "contains") {
    return model::RelationshipType::contains;
  }
  if (relationship == "describes" && from_subject) {
    return model::RelationshipType::describes;
  }
  return std::nullopt;
}

// One mapping of an SPDX 3 @graph, pass by pass. Ids, types and the other
// strings looked up point into the parsed document, which outlives the
// mapping: half a million elements are indexed without copying their IRIs.
class Spdx3Mapping {
 public:
  Spdx3Mapping(const ReadLimits& limits, LossReport& losses) : m_limits(limits), m_losses(losses) {}

  Result<MappedDocument> map(const json::Value& graph_json) {
    index_elements(graph_json);
    read_document_metadata();
    read_annotations();
    read_extracted_licenses();
    read_license_relationships();
    if (auto collected = collect_files_and_packages(); !collected) {
      return fail(collected.error());
    }
    if (auto added = add_packages(); !added) {
      return fail(added.error());
    }
    add_relationships();
    return finish();
  }

 private:
  void index_elements(const json::Value& graph_json) {
    m_elements.reserve(graph_json.size());
    for (const auto& element : graph_json) {
      const std::string_view type = element["type"].string();
      m_elements.push_back({element, type});
      // Only agents, tools and licenses are looked up by id; relationships,
      // annotations, packages and files, nearly all of a big document, are
      // not indexed.
      if (is_relationship(type) || type == "Annotation" || type == "software_Package" ||
          type == "software_File") {
        continue;
      }
      if (const std::string_view id = id_of(element); !id.empty()) {
        m_tables.element_of.emplace(id, element);
      }
    }
  }

  // The element `id` names, when the document has it and it was indexed.
  const json::Value* find_element(std::string_view id) const {
    const auto found = m_tables.element_of.find(id);
    return found == m_tables.element_of.end() ? nullptr : &found->second;
  }

  void read_creation_info(const json::Value& info) {
    m_metadata.timestamp = text(info, "created");
    for (const auto& agent : strings(info, "createdBy")) {
      const json::Value* found = find_element(agent);
      if (found != nullptr && text(*found, "type") != "SoftwareAgent") {
        m_metadata.authors.push_back(agent_of(*found));
      }
    }
    for (const auto& tool : strings(info, "createdUsing")) {
      if (const json::Value* found = find_element(tool)) {
        m_metadata.tools.push_back(tool_of_name(text(*found, "name")));
      }
    }
  }

  void read_document_metadata() {
    for (const auto& [element, type] : m_elements) {
      if (type == "CreationInfo") {
        read_creation_info(element);
      } else if (type == "SpdxDocument") {
        if (auto name = text(element, "name"); !name.empty()) {
          m_metadata.properties.push_back({std::string(property::k_spdx_document_name), name});
        }
      } else if (type == "software_Sbom") {
        auto roots = strings(element, "rootElement");
        if (roots.size() == 1) {
          m_root = std::string(roots.front());
        }
        for (const auto& sbom_type : strings(element, "software_sbomType")) {
          if (const std::string_view lifecycle = lifecycle_of(sbom_type); !lifecycle.empty()) {
            m_metadata.lifecycle = std::string(lifecycle);
          }
        }
      }
    }
  }

  void read_annotations() {
    for (const auto& [element, type] : m_elements) {
      // The annotation in which kensa says the SBOM is incomplete is about
      // the document, not an element of it.
      if (type == "Annotation" &&
          !common::read_incompleteness_statement(element["statement"].string(), m_metadata)) {
        m_tables.facts_of[element["subject"].string()].push_back(element["statement"].string());
      }
    }
  }

  // The LicenseRef-s the expressions name: their SimpleLicensingText
  // elements, kept like SPDX 2's extracted licenses (a LicenseRef- whose
  // text is its name is a license name kensa wrote).
  void read_extracted_licenses() {
    for (const auto& [element, type] : m_elements) {
      if (type == "simplelicensing_SimpleLicensingText") {
        const std::string_view id = id_of(element);
        const auto last = id.find_last_of("/#");
        const std::string_view ref = last == std::string_view::npos ? id : id.substr(last + 1);
        if (ref.starts_with("LicenseRef-")) {
          m_tables.unlisted_texts.emplace(
              std::string(ref), ExtractedInfo{text(element, "simplelicensing_licenseText"),
                                              text(element, "name"), ""});
        }
      }
      if (type != "simplelicensing_LicenseExpression") {
        continue;
      }
      for (const auto& entry : array(element, "simplelicensing_customIdToUri")) {
        std::string id = text(entry, "key");
        const json::Value* found = find_element(text(entry, "value"));
        if (!id.starts_with("LicenseRef-") || m_extracted.count(id) > 0 || found == nullptr ||
            text(*found, "type") != "simplelicensing_SimpleLicensingText") {
          continue;
        }
        ExtractedInfo info{text(*found, "simplelicensing_licenseText"), text(*found, "name"), ""};
        keep_extracted_license(id, info, m_metadata.properties);
        m_extracted.emplace(std::move(id), std::move(info));
      }
    }
  }

  // The licenses of the expression element `id`; nullopt when it is no
  // element of the document. A document names a few license elements from
  // many relationships: each is read once.
  const std::optional<std::vector<model::License>>& license_of(std::string_view id) {
    auto [cached, inserted] = m_license_cache.try_emplace(id);
    if (inserted) {
      if (const json::Value* found = find_element(id)) {
        cached->second =
            licenses_of_expression(text(*found, "simplelicensing_licenseExpression"), m_extracted);
      }
    }
    return cached->second;
  }

  void read_license_relationships() {
    for (const auto& [element, type] : m_elements) {
      if (!is_relationship(type)) {
        continue;
      }
      const std::string_view relationship = element["relationshipType"].string();
      if (relationship != "hasDeclaredLicense" && relationship != "hasConcludedLicense") {
        continue;
      }
      for (const auto& to_spdx : strings(element, "to")) {
        const auto& read = license_of(to_spdx);
        if (!read) {
          m_losses.add("licenses of elements that are not packages");
          continue;
        }
        PackageLicenses& licenses = m_tables.licenses_of[element["from"].string()];
        auto& into = relationship == "hasDeclaredLicense" ? licenses.declared : licenses.concluded;
        into.insert(into.end(), read->begin(), read->end());
      }
    }
  }

  Status collect_files_and_packages() {
    for (const auto& [element, type] : m_elements) {
      if (type == "software_File") {
        model::FileEntry file;
        file.path = text(element, "name");
        file.hashes = verified_using_hashes(element, m_losses);
        common::count_unread_file_members(
            element,
            {"type", "spdxId", "creationInfo", "name", "verifiedUsing", "software_fileKind"},
            m_losses);
        m_files.emplace(element["spdxId"].string(), std::move(file));
      } else if (type == "software_Package") {
        m_package_elements.push_back(element);
      } else if (!is_read_type(type)) {
        ++m_skipped_types[std::string(type)];
      }
    }
    if (m_package_elements.size() > m_limits.max_components + 1) {
      return fail("more than " + std::to_string(m_limits.max_components) + " packages");
    }
    return ok_status();
  }

  // Mapping is most of the work and reads nothing but the tables: a big
  // document's packages are mapped on two threads, then added in order.
  Status add_packages() {
    std::vector<model::Component> mapped(m_package_elements.size());
    const auto map_range = [&](std::size_t begin, std::size_t end, LossReport& into) {
      for (std::size_t i = begin; i < end; ++i) {
        mapped[i] = map_package(m_package_elements[i], m_tables, into);
      }
    };
    if (m_package_elements.size() >= k_two_halves_threshold) {
      common::run_in_two_halves(m_package_elements.size(), m_losses, map_range);
    } else {
      map_range(0, m_package_elements.size(), m_losses);
    }
    for (std::size_t i = 0; i < m_package_elements.size(); ++i) {
      const std::string_view id = m_package_elements[i]["spdxId"].string();
      model::Component& component = mapped[i];
      m_tables.licenses_of.erase(id);
      if (id == m_root && !m_metadata.subject) {
        component.id = component_id_from_spdx_id(id);
        if (component.id.empty()) {
          component.id = model::component_id(component);
        }
        m_subject_id = component.id;
        m_component_of[id] = component.id;
        m_metadata.subject = std::move(component);
        continue;
      }
      if (m_component_of.size() >= m_limits.max_components) {
        return fail("more than " + std::to_string(m_limits.max_components) + " packages");
      }
      m_component_of[id] = m_graph.add_identified(std::move(component));
    }
    // Licenses of elements that are no package.
    for (const auto& [from, licenses] : m_tables.licenses_of) {
      m_losses.add("licenses of elements that are not packages",
                   licenses.declared.size() + licenses.concluded.size());
    }
    return ok_status();
  }

  void add_relationship(const json::Value& element, std::string_view relationship) {
    auto from = m_component_of.find(element["from"].string());
    for (const auto& to_spdx : strings(element, "to")) {
      if (relationship == "contains" && from != m_component_of.end()) {
        if (auto file = m_files.find(to_spdx); file != m_files.end()) {
          file->second.owner_ids.push_back(from->second);
          continue;
        }
      }
      const auto kind = spdx3_relationship_kind(
          element, relationship, from != m_component_of.end() && from->second == m_subject_id);
      if (!kind) {
        ++m_skipped_relationships[std::string(relationship)];
        continue;
      }
      auto to = m_component_of.find(to_spdx);
      if (from == m_component_of.end() || to == m_component_of.end()) {
        m_losses.add("relationships to elements not in the document");
        continue;
      }
      m_graph.relate(from->second, to->second, *kind);
    }
  }

  void add_relationships() {
    for (const auto& [element, type] : m_elements) {
      if (!is_relationship(type)) {
        continue;
      }
      const std::string_view relationship = element["relationshipType"].string();
      if (relationship == "hasDeclaredLicense" || relationship == "hasConcludedLicense") {
        continue; // Read by read_license_relationships.
      }
      add_relationship(element, relationship);
    }
  }

  MappedDocument finish() {
    for (auto& [id, file] : m_files) {
      m_graph.add_file(std::move(file));
    }
    for (const auto& [type, count] : m_skipped_types) {
      m_losses.add("SPDX 3 elements of type " + type, count);
    }
    for (const auto& [type, count] : m_skipped_relationships) {
      m_losses.add("relationship " + type + " (the model has no such edge)", count);
    }
    std::sort(m_metadata.properties.begin(), m_metadata.properties.end());
    return MappedDocument{std::move(m_graph), std::move(m_metadata)};
  }

  const ReadLimits& m_limits;
  LossReport& m_losses;
  std::vector<TypedElement> m_elements;
  ElementTables m_tables;
  ExtractedInfos m_extracted;
  std::unordered_map<std::string_view, std::optional<std::vector<model::License>>> m_license_cache;
  model::DocumentMetadata m_metadata;
  model::ComponentGraph m_graph;
  // The rootElement of the software_Sbom, when it names one.
  std::string m_root;
  std::string m_subject_id;
  std::unordered_map<std::string_view, model::FileEntry> m_files;
  std::vector<json::Value> m_package_elements;
  std::unordered_map<std::string_view, std::string> m_component_of;
  std::map<std::string, std::size_t> m_skipped_types;
  std::map<std::string, std::size_t> m_skipped_relationships;
};

} // namespace

Result<MappedDocument> from_spdx3(const json::Value& document, std::string_view source_name,
                                  const ReadLimits& limits, LossReport& losses) {
  static_cast<void>(source_name);
  if (!document.is_object() || !document.contains("@graph") || !document["@graph"].is_array()) {
    return fail("no @graph array: only the compact JSON-LD form is read");
  }
  const json::Value& graph_json = document["@graph"];
  if (graph_json.size() > limits.max_components * 4) {
    return fail("more than " + std::to_string(limits.max_components * 4) + " elements");
  }
  return Spdx3Mapping(limits, losses).map(graph_json);
}

} // namespace kensa::format::spdx
