#include "semantic_rules.hpp"
#include "value_checks.hpp"

#include <kensa/model/license.hpp>
#include <kensa/validate/json_schema_formats.hpp>

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace kensa::validate::semantic {

namespace {

// The element lists of an SPDX 2 document whose entries carry an SPDXID.
constexpr const char* k_element_lists[] = {"packages", "files", "snippets"};

class Spdx2Rules {
 public:
  Spdx2Rules(const Json& document, FindingSink& sink) : m_document(document), m_sink(sink) {}

  void run() {
    collect_ids();
    check_namespace();
    check_created();
    check_describes();
    check_relationships();
    check_elements();
  }

 private:
  void collect_ids() {
    if (m_document.contains("SPDXID") && m_document["SPDXID"].is_string()) {
      m_ids.emplace(string_of(m_document["SPDXID"]), "/SPDXID");
    }
    for (const char* list : k_element_lists) {
      const auto it = find_array(m_document, list);
      if (!it) {
        continue;
      }
      for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& element = (*it)[i];
        if (!element.is_object() || !element.contains("SPDXID")) {
          continue;
        }
        const std::string location = child(child(std::string("/") + list, i), "SPDXID");
        const std::string_view id = string_of(element["SPDXID"]);
        auto [seen, inserted] = m_ids.emplace(id, location);
        if (!inserted) {
          m_sink.add(Severity::error, "SPDX-ID-UNIQUE", location,
                     "SPDXID '" + std::string(id) + "' is also used at " + seen->second,
                     "give every package, file and snippet its own SPDXID");
        }
      }
    }
    if (const auto refs = find_array(m_document, "externalDocumentRefs")) {
      for (const auto& ref : *refs) {
        if (ref.is_object() && ref.contains("externalDocumentId")) {
          m_external_documents.insert(string_of(ref["externalDocumentId"]));
        }
      }
    }
    if (const auto extracted = find_array(m_document, "hasExtractedLicensingInfos")) {
      for (const auto& info : *extracted) {
        if (info.is_object() && info.contains("licenseId")) {
          m_license_refs.insert(string_of(info["licenseId"]));
        }
      }
    }
  }

  void check_namespace() {
    const auto it = find_member(m_document, "documentNamespace");
    if (!it || !it->is_string()) {
      return;
    }
    const std::string_view ns = string_of(*it);
    if (!schema::is_uri(ns) || ns.find('#') != std::string_view::npos) {
      m_sink.add(Severity::error, "SPDX-NAMESPACE", "/documentNamespace",
                 "documentNamespace '" + std::string(ns) +
                     "' must be an absolute URI without a '#' part",
                 "use e.g. https://example.com/spdxdocs/product-1.0-<uuid>");
    }
  }

  void check_created() {
    const auto info = find_member(m_document, "creationInfo");
    if (info && info->is_object() && info->contains("created") && (*info)["created"].is_string()) {
      static const std::string k_created = "/creationInfo/created";
      check_timestamp(string_of((*info)["created"]), k_created, "TIMESTAMP", m_sink);
    }
  }

  // An element reference: a local SPDXID, or DocumentRef-x:SPDXRef-y with a
  // declared external document.
  bool resolves(std::string_view ref) const {
    if (m_ids.contains(ref)) {
      return true;
    }
    if (ref.starts_with("DocumentRef-")) {
      const auto colon = ref.find(':');
      return colon != std::string_view::npos && m_external_documents.contains(ref.substr(0, colon));
    }
    return false;
  }

  void expect_element(const Json& value, const std::string& location, std::string_view rule,
                      bool allow_none) {
    const std::string_view ref = string_of(value);
    if (!value.is_string() || resolves(ref) ||
        (allow_none && (ref == "NONE" || ref == "NOASSERTION"))) {
      return;
    }
    m_sink.add(Severity::error, std::string(rule), location,
               "'" + std::string(ref) + "' names no element of this document",
               "use the SPDXID of a package, file or snippet here, or declare the external "
               "document in externalDocumentRefs");
  }

  void check_describes() {
    bool describes = false;
    if (const auto listed = find_array(m_document, "documentDescribes")) {
      for (std::size_t i = 0; i < listed->size(); ++i) {
        expect_element((*listed)[i], child("/documentDescribes", i), "SPDX-REF-DESCRIBES", false);
        describes = true;
      }
    }
    const std::string_view self = string_of(member(m_document, "SPDXID"));
    if (const auto relationships = find_array(m_document, "relationships")) {
      for (const auto& relationship : *relationships) {
        if (!relationship.is_object()) {
          continue;
        }
        const std::string_view type = string_of(member(relationship, "relationshipType"));
        const std::string_view from = string_of(member(relationship, "spdxElementId"));
        const std::string_view to = string_of(member(relationship, "relatedSpdxElement"));
        if ((type == "DESCRIBES" && from == self) || (type == "DESCRIBED_BY" && to == self)) {
          describes = true;
        }
      }
    }
    if (!describes) {
      m_sink.add(Severity::error, "SPDX-DESCRIBES", "",
                 "the document does not say what it describes (no DESCRIBES relationship from "
                 "the document and no documentDescribes)",
                 "add a relationship SPDXRef-DOCUMENT DESCRIBES <the root package>");
    }
  }

  void check_relationships() {
    const auto relationships = find_array(m_document, "relationships");
    if (!relationships) {
      return;
    }
    for (std::size_t i = 0; i < relationships->size(); ++i) {
      const Json& relationship = (*relationships)[i];
      if (!relationship.is_object()) {
        continue;
      }
      const std::string location = child("/relationships", i);
      if (relationship.contains("spdxElementId")) {
        expect_element(relationship["spdxElementId"], child(location, "spdxElementId"),
                       "SPDX-REF-RELATIONSHIP", false);
      }
      if (relationship.contains("relatedSpdxElement")) {
        expect_element(relationship["relatedSpdxElement"], child(location, "relatedSpdxElement"),
                       "SPDX-REF-RELATIONSHIP", true);
      }
    }
  }

  void check_license_field(const Json& element, const char* field, const std::string& location) {
    const auto it = find_member(element, field);
    if (!it || !it->is_string()) {
      return;
    }
    const std::string at = child(location, field);
    const std::string_view text = string_of(*it);
    check_license_expression(text, at, true, m_sink);
    if (text == "NONE" || text == "NOASSERTION") {
      return;
    }
    const auto parsed = model::parse_license_expression(text);
    if (!parsed) {
      return;
    }
    for (const auto& ref : parsed->license_refs) {
      if (ref.starts_with("LicenseRef-") && !m_license_refs.contains(ref)) {
        m_sink.add(Severity::error, "SPDX-LICENSEREF", at,
                   ref + " is used but not defined in hasExtractedLicensingInfos",
                   "add a hasExtractedLicensingInfos entry with licenseId " + ref +
                       " and its text");
      }
    }
  }

  void check_checksums(const Json& element, const std::string& location) {
    const auto checksums = find_array(element, "checksums");
    if (!checksums) {
      return;
    }
    for (std::size_t i = 0; i < checksums->size(); ++i) {
      const Json& checksum = (*checksums)[i];
      if (checksum.is_object()) {
        check_digest(string_of(member(checksum, "algorithm")),
                     string_of(member(checksum, "checksumValue")),
                     child(child(child(location, "checksums"), i), "checksumValue"), m_sink);
      }
    }
  }

  // licenseDeclared against the licenses the element's license files show
  // (kensa's "license evidence: " annotations).
  void check_evidence_against_declared(const Json& element, const std::string& location) {
    const auto annotations = find_array(element, "annotations");
    const std::string_view declared = string_of(member(element, "licenseDeclared"));
    if (!annotations || declared.empty() || declared == "NOASSERTION" || declared == "NONE") {
      return;
    }
    std::vector<std::string> evidence;
    for (std::size_t i = 0; i < annotations->size(); ++i) {
      const std::string_view comment = string_of(member((*annotations)[i], "comment"));
      if (comment.starts_with(k_license_evidence_annotation)) {
        evidence.emplace_back(comment.substr(k_license_evidence_annotation.size()));
      }
    }
    check_license_evidence({std::string(declared)}, evidence, string_of(member(element, "name")),
                           child(location, "licenseDeclared"), m_sink);
  }

  void check_elements() {
    std::unordered_map<std::string, std::string> purls;
    for (const char* list : k_element_lists) {
      const auto it = find_array(m_document, list);
      if (!it) {
        continue;
      }
      for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& element = (*it)[i];
        if (!element.is_object()) {
          continue;
        }
        const std::string location = child(std::string("/") + list, i);
        check_license_field(element, "licenseConcluded", location);
        check_license_field(element, "licenseDeclared", location);
        check_evidence_against_declared(element, location);
        check_checksums(element, location);
        if (element.contains("hasFiles") && element["hasFiles"].is_array()) {
          const Json& files = element["hasFiles"];
          for (std::size_t j = 0; j < files.size(); ++j) {
            expect_element(files[j], child(child(location, "hasFiles"), j), "SPDX-REF-FILE", false);
          }
        }
        const auto refs = find_array(element, "externalRefs");
        if (!refs) {
          continue;
        }
        for (std::size_t j = 0; j < refs->size(); ++j) {
          const Json& ref = (*refs)[j];
          if (!ref.is_object() || string_of(member(ref, "referenceType")) != "purl") {
            continue;
          }
          const std::string_view purl = string_of(member(ref, "referenceLocator"));
          const std::string at =
              child(child(child(location, "externalRefs"), j), "referenceLocator");
          check_purl(purl, string_of(member(element, "name")),
                     string_of(member(element, "versionInfo")), at, "PURL-SYNTAX", "PURL-MISMATCH",
                     m_sink);
          auto [seen, inserted] = purls.emplace(std::string(purl), at);
          if (!inserted) {
            m_sink.add(Severity::warning, "SPDX-DUPLICATE-PURL", at,
                       "purl '" + seen->first + "' is also given at " + seen->second,
                       "list each package once, or tell the instances apart with qualifiers");
          }
        }
      }
    }
  }

  const Json& m_document;
  FindingSink& m_sink;
  std::unordered_map<std::string_view, std::string> m_ids;
  std::unordered_set<std::string_view> m_external_documents;
  std::unordered_set<std::string_view> m_license_refs;
};

} // namespace

void check_spdx2(const Json& document, FindingSink& sink) {
  if (!document.is_object()) {
    return;
  }
  Spdx2Rules(document, sink).run();
}

namespace {

// hasDeclaredLicense against the licenses a package's license files show
// (kensa's "license evidence: " annotations), package by package. Only
// LicenseExpression targets are read: a listed license as an element of
// its own names one id, which its IRI ends with.
void check_spdx3_license_evidence(const Json& graph, FindingSink& sink) {
  std::unordered_map<std::string_view, std::size_t> index_of;
  std::unordered_map<std::string_view, std::vector<std::string>> evidence_of;
  std::unordered_map<std::string_view, std::vector<std::string>> declared_of;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Json& element = graph[i];
    const std::string_view id = string_of(member(element, "spdxId"));
    if (!id.empty()) {
      index_of.emplace(id, i);
    }
    const std::string_view statement = string_of(member(element, "statement"));
    if (string_of(member(element, "type")) == "Annotation" &&
        statement.starts_with(k_license_evidence_annotation)) {
      evidence_of[string_of(member(element, "subject"))].emplace_back(
          statement.substr(k_license_evidence_annotation.size()));
    }
  }
  if (evidence_of.empty()) {
    return;
  }
  const auto expression_of = [&](std::string_view id) -> std::string {
    const auto found = index_of.find(id);
    if (found == index_of.end()) {
      return {};
    }
    const Json& element = graph[found->second];
    if (string_of(member(element, "type")) == "simplelicensing_LicenseExpression") {
      return std::string(string_of(member(element, "simplelicensing_licenseExpression")));
    }
    if (string_of(member(element, "type")) == "expandedlicensing_ListedLicense") {
      return std::string(id.substr(id.rfind('/') + 1));
    }
    return {};
  };
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Json& element = graph[i];
    if (string_of(member(element, "type")) != "Relationship" ||
        string_of(member(element, "relationshipType")) != "hasDeclaredLicense") {
      continue;
    }
    const std::string_view from = string_of(member(element, "from"));
    if (!evidence_of.contains(from)) {
      continue;
    }
    const auto to = find_array(element, "to");
    for (std::size_t j = 0; to && j < to->size(); ++j) {
      if (std::string expression = expression_of(string_of((*to)[j])); !expression.empty()) {
        declared_of[from].push_back(std::move(expression));
      }
    }
  }
  for (const auto& [subject, declared] : declared_of) {
    const auto found = index_of.find(subject);
    if (found == index_of.end()) {
      continue;
    }
    const Json& package = graph[found->second];
    const std::string location = child("/@graph", found->second);
    check_license_evidence(declared, evidence_of[subject], string_of(member(package, "name")),
                           location, sink);
  }
}

} // namespace

void check_spdx3(const Json& document, FindingSink& sink) {
  if (!document.is_object() || !document.contains("@graph") || !document["@graph"].is_array()) {
    return;
  }
  const Json& graph = document["@graph"];
  std::unordered_map<std::string_view, std::string> ids;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Json& element = graph[i];
    if (!element.is_object()) {
      continue;
    }
    for (const char* key : {"spdxId", "@id"}) {
      if (element.contains(key) && element[key].is_string()) {
        const std::string location = child(child("/@graph", i), key);
        auto [seen, inserted] = ids.emplace(string_of(element[key]), location);
        if (!inserted) {
          sink.add(Severity::error, "SPDX3-ID-UNIQUE", location,
                   "id '" + std::string(string_of(element[key])) + "' is also used at " +
                       seen->second,
                   "give every element its own spdxId");
        }
      }
    }
  }
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Json& element = graph[i];
    if (!element.is_object()) {
      continue;
    }
    const std::string location = child("/@graph", i);
    if (string_of(member(element, "type")) == "Relationship") {
      auto expect = [&](const Json& value, const std::string& at) {
        const std::string_view ref = string_of(value);
        if (value.is_string() && !ids.contains(ref)) {
          sink.add(Severity::warning, "SPDX3-REF", at,
                   "'" + std::string(ref) + "' names no element of this document",
                   "add the element, or list it in the SpdxDocument's import");
        }
      };
      if (element.contains("from")) {
        expect(element["from"], child(location, "from"));
      }
      if (element.contains("to") && element["to"].is_array()) {
        for (std::size_t j = 0; j < element["to"].size(); ++j) {
          expect(element["to"][j], child(child(location, "to"), j));
        }
      }
    }
    if (element.contains("created") && element["created"].is_string()) {
      check_timestamp(string_of(element["created"]), child(location, "created"), "TIMESTAMP", sink);
    }
    if (element.contains("software_packageUrl") && element["software_packageUrl"].is_string()) {
      check_purl(string_of(element["software_packageUrl"]), {}, {},
                 child(location, "software_packageUrl"), "PURL-SYNTAX", "PURL-MISMATCH", sink);
    }
  }
  check_spdx3_license_evidence(graph, sink);
}

} // namespace kensa::validate::semantic
