#include "spdx3_writer.hpp"

#include "../common/incompleteness.hpp"
#include "../common/property_names.hpp"
#include "../common/text_output.hpp"
#include "../common/tree_writer.hpp"
#include "component_facts.hpp"
#include "spdx3_vocabulary.hpp"
#include "spdx_ids.hpp"
#include "spdx_licenses.hpp"
#include "spdx_metadata.hpp"
#include "to_spdx2.hpp"

#include <kensa/model/ids.hpp>
#include <kensa/model/license.hpp>
#include <kensa/util/text_sink.hpp>
#include <kensa/version.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <unordered_map>

namespace kensa::format::spdx {

namespace {

using common::TreeWriter;

constexpr std::string_view k_creation_info = "_:creationinfo";

// Relationships and annotations are planned with local ids, the part of
// each IRI after the document's base, which they all share: shorter keys
// to hash and sort, in the same order. The base is put back when written.
struct Relationship3 {
  std::string from;
  std::string type;
  std::string scope;
  // Sorted and without duplicates once planning is over.
  std::vector<std::string> to;
};

struct Annotation3 {
  std::string subject;
  std::string statement;
};

class Spdx3Builder {
 public:
  Spdx3Builder(const model::Document& document, LossReport& losses)
      : m_document(document), m_losses(losses), m_licenses(document.metadata.properties) {
    m_base = document_namespace(spdx_document_name(document)) + "/";
  }

  void write(TreeWriter& out) {
    plan();
    out.begin_object();
    out.member("@context", "https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
    out.key("@graph");
    out.begin_array();
    write_creation_info(out);
    for (const auto& [id, agent] : m_agents) {
      write_agent(out, id, agent);
    }
    for (const auto& [id, name] : m_tools) {
      out.begin_object();
      out.member("type", "Tool");
      out.member("spdxId", id);
      out.member("creationInfo", k_creation_info);
      out.member("name", name);
      out.end_object();
    }
    write_document(out);
    if (m_document.metadata.subject) {
      write_package(out, *m_document.metadata.subject, true);
    }
    common::write_items(out, m_document.components,
                        [this](TreeWriter& into, const model::Component& component) {
                          write_package(into, component, false);
                        });
    for (const auto& file : m_document.files) {
      write_file(out, file);
    }
    write_licenses(out);
    // Each of these elements' ids is a SHA-256: two threads share them.
    common::write_items(out, m_relationships,
                        [this](TreeWriter& into, const Relationship3& relationship) {
                          write_relationship(into, relationship);
                        });
    common::write_items(out, m_annotations,
                        [this](TreeWriter& into, const Annotation3& annotation) {
                          write_annotation(into, annotation);
                        });
    out.end_array();
    out.end_object();
    out.finish();
  }

 private:
  std::string package_id(const model::Component& component, bool subject) const {
    return m_base + package_spdx_id(component, subject);
  }

  // From what is written of the tool (SPDX has no vendor), so that a
  // document read back names its tools with the same ids.
  std::string tool_id(const model::Tool& tool) const {
    return m_base + "Tool-" + sanitize_id(tool.name) + "-" +
           model::content_hash_id(tool_name(tool), 8);
  }

  // The agent's IRI; agents are registered (agent_id) while planning, so
  // that writing changes nothing and packages can be written on two threads.
  // Everything written of the agent is in the hash: two suppliers of one
  // name but different links are two agents, each with its own link.
  std::string agent_iri(const model::Party& party) const {
    return m_base + "Agent-" + sanitize_id(party.name.empty() ? party.email : party.name) + "-" +
           model::content_hash_id(party.name + "\n" + party.email + "\n" + party.url + "\n" +
                                      (party.is_organization ? "o" : "p"),
                                  8);
  }

  std::string agent_id(const model::Party& party) {
    std::string id = agent_iri(party);
    m_agents.emplace(id, party);
    return id;
  }

  // The local id of the element for `expression`.
  std::string license_id(const std::string& expression) {
    // Most components share a handful of expressions: hash each once.
    auto [known, inserted] = m_license_id_of.try_emplace(expression);
    if (inserted) {
      known->second = "License-" + model::content_hash_id(expression);
      m_license_expressions.emplace(m_base + known->second, expression);
    }
    return known->second;
  }

  // `type` and `scope` are literals: views outlive the plan.
  void relate(const std::string& from, std::string_view type, const std::string& to,
              std::string_view scope = "") {
    m_edges.push_back(PlannedEdge{from, type, scope, to});
  }

  // Relationships by source, type and scope, one per such triple listing
  // its targets sorted and once each, then annotations by subject (in the
  // order they were planned for one subject): the output order. Sorting the
  // edges and grouping them costs less than looking each triple up in a
  // hash table of joined keys as it is planned.
  void sort_planned() {
    // IRIs and type names hold no character below '\n', so comparing the
    // parts in turn orders as the joined "from\ntype\nscope" key does.
    std::sort(m_edges.begin(), m_edges.end(),
              [](const PlannedEdge& left, const PlannedEdge& right) {
                return std::tie(left.from, left.type, left.scope, left.to) <
                       std::tie(right.from, right.type, right.scope, right.to);
              });
    for (auto& edge : m_edges) {
      Relationship3* last = m_relationships.empty() ? nullptr : &m_relationships.back();
      if (last == nullptr || last->from != edge.from || last->type != edge.type ||
          last->scope != edge.scope) {
        m_relationships.push_back(Relationship3{
            std::move(edge.from), std::string(edge.type), std::string(edge.scope), {}});
        last = &m_relationships.back();
      }
      if (last->to.empty() || last->to.back() != edge.to) {
        last->to.push_back(std::move(edge.to));
      }
    }
    m_edges = {};
    std::stable_sort(m_annotations.begin(), m_annotations.end(),
                     [](const Annotation3& left, const Annotation3& right) {
                       return left.subject < right.subject;
                     });
  }

  // Decides every element and relationship before writing, so that the
  // agents and license elements can be written once each, sorted.
  void plan() {
    const auto& metadata = m_document.metadata;
    // Tools that differ only in their vendor are one Tool element.
    for (const auto& tool : metadata.tools) {
      std::pair<std::string, std::string> element{tool_id(tool), tool_name(tool)};
      if (std::find(m_tools.begin(), m_tools.end(), element) == m_tools.end()) {
        m_tools.push_back(std::move(element));
      }
    }
    for (const auto& author : metadata.authors) {
      m_created_by.push_back(agent_id(author));
    }
    if (m_created_by.empty()) {
      // CreationInfo needs an agent; kensa itself, as a software agent.
      m_software_agent = m_base + "Agent-" + std::string(k_name);
      m_created_by.push_back(m_software_agent);
    }
    // Component id (a view into the document) to the package's local id.
    std::unordered_map<std::string_view, std::string> id_of;
    id_of.reserve(m_document.components.size() + 1);
    if (metadata.subject) {
      id_of[metadata.subject->id] = package_spdx_id(*metadata.subject, true);
      plan_package(*metadata.subject, id_of[metadata.subject->id]);
    }
    for (const auto& component : m_document.components) {
      id_of[component.id] = package_spdx_id(component, false);
      plan_package(component, id_of[component.id]);
    }
    std::size_t dangling = 0;
    for (const auto& relationship : m_document.relationships) {
      auto from = id_of.find(relationship.from);
      auto to = id_of.find(relationship.to);
      if (from == id_of.end() || to == id_of.end()) {
        ++dangling;
        continue;
      }
      switch (relationship.type) {
      case model::RelationshipType::depends_on:
        relate(from->second, "dependsOn", to->second);
        break;
      case model::RelationshipType::dev_depends_on:
        relate(from->second, "dependsOn", to->second, "development");
        break;
      case model::RelationshipType::optional_depends_on:
        relate(from->second, "hasOptionalDependency", to->second);
        break;
      case model::RelationshipType::contains:
        relate(from->second, "contains", to->second);
        break;
      case model::RelationshipType::describes:
        relate(from->second, "describes", to->second);
        break;
      }
    }
    m_losses.add("relationships to components not in the document", dangling);
    for (const auto& file : m_document.files) {
      for (const auto& owner : file.owner_ids) {
        if (auto package = id_of.find(owner); package != id_of.end()) {
          relate(package->second, "contains", file_spdx_id(file));
        }
      }
    }
    // The statement is about the SBOM as a whole.
    if (std::string statement = common::incompleteness_statement(metadata); !statement.empty()) {
      m_annotations.push_back({"SBOM", std::move(statement)});
    }
    sort_planned();
  }

  std::string file_id(const model::FileEntry& file) const { return m_base + file_spdx_id(file); }

  // `id` is the package's local id.
  void plan_package(const model::Component& component, const std::string& id) {
    if (!component.supplier.empty()) {
      agent_id(component.supplier);
    }
    for (const auto& author : component.authors) {
      if (!author.empty()) {
        agent_id(author);
      }
    }
    std::string declared = m_licenses.expression(component.licenses_declared, m_losses);
    std::string concluded = m_licenses.expression(component.licenses_concluded, m_losses);
    if (declared != "NOASSERTION") {
      relate(id, "hasDeclaredLicense", license_id(declared));
    }
    if (concluded != "NOASSERTION") {
      relate(id, "hasConcludedLicense", license_id(concluded));
    }
    FactOptions options;
    options.type_recorded = spdx3_purpose(component.type).has_value();
    options.properties_recorded = true;
    if (auto facts = component_facts(component, options)) {
      m_annotations.push_back({id, std::move(*facts)});
    }
    for (auto& comment : license_evidence_comments(component)) {
      m_annotations.push_back({id, std::move(comment)});
    }
    // The texts of unlisted licenses become SimpleLicensingText elements.
    m_licenses.add_unlisted_texts(component.license_evidence);
  }

  void write_creation_info(TreeWriter& out) {
    out.begin_object();
    out.member("type", "CreationInfo");
    out.member("@id", k_creation_info);
    out.member("specVersion", "3.0.1");
    out.member("created", m_document.metadata.timestamp.empty() ? "1970-01-01T00:00:00Z"
                                                                : m_document.metadata.timestamp);
    out.key("createdBy");
    out.begin_array();
    for (const auto& agent : m_created_by) {
      out.string(agent);
    }
    out.end_array();
    if (!m_tools.empty()) {
      out.key("createdUsing");
      out.begin_array();
      for (const auto& [id, name] : m_tools) {
        out.string(id);
      }
      out.end_array();
    }
    out.end_object();
    if (!m_software_agent.empty()) {
      out.begin_object();
      out.member("type", "SoftwareAgent");
      out.member("spdxId", m_software_agent);
      out.member("creationInfo", k_creation_info);
      out.member("name", k_name);
      out.end_object();
    }
  }

  void write_agent(TreeWriter& out, const std::string& id, const model::Party& party) {
    out.begin_object();
    out.member("type", party.is_organization ? "Organization" : "Person");
    out.member("spdxId", id);
    out.member("creationInfo", k_creation_info);
    out.optional_member("name", party.name.empty() ? party.email : party.name);
    if (!party.email.empty()) {
      out.key("externalIdentifier");
      out.begin_array();
      out.begin_object();
      out.member("type", "ExternalIdentifier");
      out.member("externalIdentifierType", "email");
      out.member("identifier", party.email);
      out.end_object();
      out.end_array();
    }
    if (!party.url.empty()) {
      out.key("externalRef");
      out.begin_array();
      out.begin_object();
      out.member("type", "ExternalRef");
      out.member("externalRefType", "altWebPage");
      out.key("locator");
      out.begin_array();
      out.string(party.url);
      out.end_array();
      out.end_object();
      out.end_array();
    }
    out.end_object();
  }

  void write_document(TreeWriter& out) {
    const auto& metadata = m_document.metadata;
    std::vector<std::string> roots;
    if (metadata.subject) {
      roots.push_back(package_id(*metadata.subject, true));
    } else {
      for (const auto& component : m_document.components) {
        roots.push_back(package_id(component, false));
      }
    }
    std::string sbom_id = m_base + "SBOM";
    out.begin_object();
    out.member("type", "SpdxDocument");
    out.member("spdxId", m_base + "SPDXRef-DOCUMENT");
    out.member("creationInfo", k_creation_info);
    out.member("name", spdx_document_name(m_document));
    out.key("profileConformance");
    out.begin_array();
    for (const char* profile : {"core", "software", "simpleLicensing"}) {
      out.string(profile);
    }
    out.end_array();
    out.key("rootElement");
    out.begin_array();
    out.string(sbom_id);
    out.end_array();
    out.end_object();

    out.begin_object();
    out.member("type", "software_Sbom");
    out.member("spdxId", sbom_id);
    out.member("creationInfo", k_creation_info);
    out.key("rootElement");
    out.begin_array();
    for (const auto& root : roots) {
      out.string(root);
    }
    out.end_array();
    if (auto type = spdx3_sbom_type(metadata.lifecycle); !type.empty()) {
      out.key("software_sbomType");
      out.begin_array();
      out.string(type);
      out.end_array();
    } else if (!metadata.lifecycle.empty()) {
      m_losses.add("lifecycle phase with no SPDX 3 SBOM type");
    }
    out.end_object();
    count_metadata_losses(metadata, m_losses);
  }

  void write_package(TreeWriter& out, const model::Component& component, bool subject) const {
    std::string id = package_id(component, subject);
    out.begin_object();
    out.member("type", "software_Package");
    out.member("spdxId", id);
    out.member("creationInfo", k_creation_info);
    out.member("name",
               component.group.empty() ? component.name : component.group + "/" + component.name);
    out.optional_member("description", component.description);
    std::vector<std::pair<std::string, std::string>> identifiers;
    for (const auto& cpe : component.cpes) {
      identifiers.emplace_back(cpe.starts_with("cpe:2.3:") ? "cpe23" : "cpe22", cpe);
    }
    if (!component.purl.empty()) {
      identifiers.emplace_back("packageUrl", component.purl);
    }
    if (!identifiers.empty()) {
      out.key("externalIdentifier");
      out.begin_array();
      for (const auto& [type, identifier] : identifiers) {
        out.begin_object();
        out.member("type", "ExternalIdentifier");
        out.member("externalIdentifierType", type);
        out.member("identifier", identifier);
        out.end_object();
      }
      out.end_array();
    }
    std::string download;
    std::string homepage;
    std::vector<std::pair<std::string, const model::ExternalReference*>> references;
    for (const auto& reference : component.external_references) {
      if (reference.type == "distribution" && download.empty()) {
        download = reference.url;
        continue;
      }
      if (reference.type == "website" && homepage.empty()) {
        homepage = reference.url;
        continue;
      }
      const std::string_view type = spdx3_reference_type(reference.type).value_or("other");
      references.emplace_back(std::string(type), &reference);
    }
    if (!references.empty()) {
      out.key("externalRef");
      out.begin_array();
      for (const auto& [type, reference] : references) {
        out.begin_object();
        out.member("type", "ExternalRef");
        out.member("externalRefType", type);
        out.key("locator");
        out.begin_array();
        out.string(reference->url);
        out.end_array();
        // The model's own word, so that a reader gets it back exactly.
        out.member("comment", reference->type);
        out.end_object();
      }
      out.end_array();
    }
    if (!component.hashes.empty()) {
      out.key("verifiedUsing");
      out.begin_array();
      for (const auto& hash : component.hashes) {
        out.begin_object();
        out.member("type", "Hash");
        out.member("algorithm", spdx3_algorithm(hash.algorithm));
        out.member("hashValue", hash.hex);
        out.end_object();
      }
      out.end_array();
    }
    if (!component.authors.empty()) {
      out.key("originatedBy");
      out.begin_array();
      for (const auto& author : component.authors) {
        if (!author.empty()) {
          out.string(agent_iri(author));
        }
      }
      out.end_array();
    }
    if (!component.supplier.empty()) {
      out.member("suppliedBy", agent_iri(component.supplier));
    }
    write_properties(out, component.properties);
    out.optional_member("software_copyrightText", copyright_text_of(component));
    out.member("software_primaryPurpose", spdx3_purpose(component.type).value_or("other"));
    out.optional_member("software_downloadLocation", download);
    out.optional_member("software_homePage", homepage);
    out.optional_member("software_packageUrl", component.purl);
    out.optional_member("software_packageVersion", component.version);
    out.end_object();
  }

  // SPDX 3.0.1's own place for CycloneDX properties (the Extension
  // profile's CdxPropertiesExtension), so that a consumer reads the BSI
  // taxonomy's bsi:component:* and kensa's properties where CycloneDX
  // readers find them, not in a kensa-only annotation.
  static void write_properties(TreeWriter& out, const std::vector<model::Property>& properties) {
    if (properties.empty()) {
      return;
    }
    out.key("extension");
    out.begin_array();
    out.begin_object();
    out.member("type", "extension_CdxPropertiesExtension");
    out.key("extension_cdxProperty");
    out.begin_array();
    for (const auto& property : properties) {
      out.begin_object();
      out.member("type", "extension_CdxPropertyEntry");
      out.member("extension_cdxPropName", property.name);
      out.optional_member("extension_cdxPropValue", property.value);
      out.end_object();
    }
    out.end_array();
    out.end_object();
    out.end_array();
  }

  void write_file(TreeWriter& out, const model::FileEntry& file) {
    out.begin_object();
    out.member("type", "software_File");
    out.member("spdxId", file_id(file));
    out.member("creationInfo", k_creation_info);
    out.member("name", file.path);
    if (!file.hashes.empty()) {
      out.key("verifiedUsing");
      out.begin_array();
      for (const auto& hash : file.hashes) {
        out.begin_object();
        out.member("type", "Hash");
        out.member("algorithm", spdx3_algorithm(hash.algorithm));
        out.member("hashValue", hash.hex);
        out.end_object();
      }
      out.end_array();
    }
    out.member("software_fileKind", "file");
    out.end_object();
  }

  void write_licenses(TreeWriter& out) {
    auto extracted = m_licenses.extracted();
    std::map<std::string, std::string> text_id;
    for (const auto& license : extracted) {
      text_id[license.id] = m_base + license.id;
    }
    for (const auto& [id, expression] : m_license_expressions) {
      out.begin_object();
      out.member("type", "simplelicensing_LicenseExpression");
      out.member("spdxId", id);
      out.member("creationInfo", k_creation_info);
      std::vector<std::pair<std::string, std::string>> custom;
      for (const auto& [ref, uri] : text_id) {
        if (expression.find(ref) != std::string::npos) {
          custom.emplace_back(ref, uri);
        }
      }
      if (!custom.empty()) {
        out.key("simplelicensing_customIdToUri");
        out.begin_array();
        for (const auto& [key, value] : custom) {
          out.begin_object();
          out.member("type", "DictionaryEntry");
          out.member("key", key);
          out.member("value", value);
          out.end_object();
        }
        out.end_array();
      }
      out.member("simplelicensing_licenseExpression", expression);
      out.member("simplelicensing_licenseListVersion", model::LicenseList::bundled().version());
      out.end_object();
    }
    for (const auto& license : extracted) {
      out.begin_object();
      out.member("type", "simplelicensing_SimpleLicensingText");
      out.member("spdxId", text_id[license.id]);
      out.member("creationInfo", k_creation_info);
      out.optional_member("name", license.name == "NOASSERTION" ? "" : license.name);
      out.member("simplelicensing_licenseText", license.text);
      out.end_object();
    }
  }

  void write_annotation(TreeWriter& out, const Annotation3& annotation) {
    out.begin_object();
    out.member("type", "Annotation");
    const std::string subject = m_base + annotation.subject;
    out.member("spdxId",
               m_base + "Annotation-" + model::content_hash_id(subject + annotation.statement));
    out.member("creationInfo", k_creation_info);
    out.member("annotationType", "other");
    out.member("subject", subject);
    out.member("statement", annotation.statement);
    out.end_object();
  }

  void write_relationship(TreeWriter& out, const Relationship3& relationship) {
    out.begin_object();
    out.member("type", relationship.scope.empty() ? "Relationship" : "LifecycleScopedRelationship");
    const std::string from = m_base + relationship.from;
    out.member("spdxId", m_base + "Relationship-" +
                             model::content_hash_id(from + "\n" + relationship.type + "\n" +
                                                    relationship.scope));
    out.member("creationInfo", k_creation_info);
    out.member("from", from);
    out.member("relationshipType", relationship.type);
    out.key("to");
    out.begin_array();
    std::string to = m_base;
    for (const auto& local : relationship.to) {
      to.resize(m_base.size());
      to += local;
      out.string(to);
    }
    out.end_array();
    out.optional_member("scope", relationship.scope);
    out.end_object();
  }

  const model::Document& m_document;
  LossReport& m_losses;
  // Tool elements: IRI and name, in the document's order.
  std::vector<std::pair<std::string, std::string>> m_tools;
  LicenseExpressions m_licenses;
  std::string m_base;
  std::string m_software_agent;
  std::vector<std::string> m_created_by;
  std::map<std::string, model::Party> m_agents;
  std::map<std::string, std::string> m_license_expressions;
  std::unordered_map<std::string, std::string> m_license_id_of;
  std::vector<Annotation3> m_annotations;
  // One per planned edge, grouped into m_relationships once sorted.
  struct PlannedEdge {
    std::string from;
    std::string_view type;
    std::string_view scope;
    std::string to;
  };
  std::vector<PlannedEdge> m_edges;
  std::vector<Relationship3> m_relationships;
};

} // namespace

void write_spdx3_json(const model::Document& document, std::string_view, std::ostream& out,
                      LossReport& losses) {
  util::TextSink buffer;
  auto writer = common::make_json_writer(buffer);
  Spdx3Builder(document, losses).write(*writer);
  fill_namespace_hash(buffer.pieces());
  common::put_text(out, buffer);
}

} // namespace kensa::format::spdx
