#include "semantic_rules.hpp"
#include "value_checks.hpp"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace kensa::validate::semantic {

namespace {

// References to other BOMs (BOM-Link) are resolved by whoever holds them.
bool is_bom_link(std::string_view ref) {
  return ref.starts_with("urn:cdx:");
}

// Every "bom-ref" in the BOM with its location, walked without recursion so
// that nesting depth costs heap, not stack.
std::vector<std::pair<std::string_view, std::string>> collect_bom_refs(const Json& bom) {
  std::vector<std::pair<std::string_view, std::string>> refs;
  std::vector<std::pair<const Json*, std::string>> pending{{&bom, std::string()}};
  while (!pending.empty()) {
    auto [node, location] = std::move(pending.back());
    pending.pop_back();
    if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) {
        if (it.key() == "bom-ref" && it.value().is_string()) {
          refs.emplace_back(string_of(it.value()), child(location, "bom-ref"));
        } else if (it.value().is_structured()) {
          pending.emplace_back(&it.value(), child(location, it.key()));
        }
      }
    } else if (node->is_array()) {
      for (std::size_t i = 0; i < node->size(); ++i) {
        if ((*node)[i].is_structured()) {
          pending.emplace_back(&(*node)[i], child(location, i));
        }
      }
    }
  }
  return refs;
}

class CycloneDxRules {
 public:
  CycloneDxRules(const Json& bom, std::string version, FindingSink& sink)
      : m_bom(bom), m_version(std::move(version)), m_sink(sink) {}

  void run() {
    check_bom_refs();
    check_dependencies();
    check_compositions();
    check_vulnerabilities();
    check_annotations();
    check_components();
    if (!m_bom.contains("metadata") || !m_bom["metadata"].contains("component")) {
      m_sink.add(Severity::warning, "CDX-DESCRIBES", "/metadata",
                 "the BOM does not say what it describes (no metadata.component)",
                 "set metadata.component to the product the BOM is about");
    }
  }

 private:
  void check_bom_refs() {
    // Sorted by location so that the first occurrence in document order is
    // the one kept and the later ones are reported.
    auto refs = collect_bom_refs(m_bom);
    std::unordered_map<std::string_view, std::string> first;
    for (auto& [ref, location] : refs) {
      auto [it, inserted] = first.emplace(ref, location);
      if (!inserted) {
        const auto& other = it->second < location ? it->second : location;
        const auto& later = it->second < location ? location : it->second;
        m_sink.add(Severity::error, "CDX-BOMREF-UNIQUE", later,
                   "bom-ref '" + std::string(ref) + "' is also used at " + other,
                   "give every component, service and vulnerability its own bom-ref");
      }
      m_refs.insert(ref);
    }
  }

  void expect_ref(const Json& value, const std::string& location, std::string_view rule,
                  std::string_view what) {
    const std::string_view ref = string_of(value);
    if (!value.is_string() || is_bom_link(ref) || m_refs.contains(ref)) {
      return;
    }
    m_sink.add(Severity::error, std::string(rule), location,
               std::string(what) + " names bom-ref '" + std::string(ref) +
                   "', which no element of the BOM has",
               "use the bom-ref of a component or service in this BOM");
  }

  void expect_refs(const Json& list, const std::string& location, std::string_view rule,
                   std::string_view what) {
    if (!list.is_array()) {
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Json& entry = list[i];
      // 1.5+ allows {"ref": ...} objects in some lists.
      if (entry.is_object() && entry.contains("ref")) {
        expect_ref(entry["ref"], child(child(location, i), "ref"), rule, what);
      } else {
        expect_ref(entry, child(location, i), rule, what);
      }
    }
  }

  void check_dependencies() {
    const Json* it = find_array(m_bom, "dependencies");
    if (it == nullptr) {
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& dependency = (*it)[i];
      if (!dependency.is_object()) {
        continue;
      }
      const std::string location = child("/dependencies", i);
      if (dependency.contains("ref")) {
        expect_ref(dependency["ref"], child(location, "ref"), "CDX-REF-DEPENDENCY", "a dependency");
      }
      if (dependency.contains("dependsOn")) {
        expect_refs(dependency["dependsOn"], child(location, "dependsOn"), "CDX-REF-DEPENDENCY",
                    "dependsOn");
      }
      if (dependency.contains("provides")) {
        expect_refs(dependency["provides"], child(location, "provides"), "CDX-REF-DEPENDENCY",
                    "provides");
      }
    }
  }

  void check_compositions() {
    const Json* it = find_array(m_bom, "compositions");
    if (it == nullptr) {
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& composition = (*it)[i];
      if (!composition.is_object()) {
        continue;
      }
      for (const char* list : {"assemblies", "dependencies", "vulnerabilities"}) {
        if (composition.contains(list)) {
          expect_refs(composition[list], child(child("/compositions", i), list),
                      "CDX-REF-COMPOSITION", std::string("a composition's ") + list);
        }
      }
    }
  }

  void check_vulnerabilities() {
    const Json* it = find_array(m_bom, "vulnerabilities");
    if (it == nullptr) {
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& vulnerability = (*it)[i];
      if (!vulnerability.is_object() || !vulnerability.contains("affects") ||
          !vulnerability["affects"].is_array()) {
        continue;
      }
      const Json& affects = vulnerability["affects"];
      for (std::size_t j = 0; j < affects.size(); ++j) {
        if (affects[j].is_object() && affects[j].contains("ref")) {
          expect_ref(affects[j]["ref"],
                     child(child(child(child("/vulnerabilities", i), "affects"), j), "ref"),
                     "CDX-REF-VULNERABILITY", "a vulnerability's affects");
        }
      }
    }
  }

  void check_annotations() {
    const Json* it = find_array(m_bom, "annotations");
    if (it == nullptr) {
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      if ((*it)[i].is_object() && (*it)[i].contains("subjects")) {
        expect_refs((*it)[i]["subjects"], child(child("/annotations", i), "subjects"),
                    "CDX-REF-ANNOTATION", "an annotation's subject");
      }
    }
  }

  void check_licenses(const Json& licenses, const std::string& location) {
    if (!licenses.is_array()) {
      return;
    }
    for (std::size_t i = 0; i < licenses.size(); ++i) {
      const Json& choice = licenses[i];
      const std::string at = child(location, i);
      if (!choice.is_object()) {
        continue;
      }
      if (choice.contains("expression") && choice["expression"].is_string()) {
        check_license_expression(string_of(choice["expression"]), child(at, "expression"), false,
                                 m_sink);
      }
      if (choice.contains("license") && choice["license"].is_object() &&
          choice["license"].contains("id") && choice["license"]["id"].is_string()) {
        check_license_id(string_of(choice["license"]["id"]), child(child(at, "license"), "id"),
                         m_sink);
      }
    }
  }

  void check_hashes(const Json& hashes, const std::string& location) {
    if (!hashes.is_array()) {
      return;
    }
    for (std::size_t i = 0; i < hashes.size(); ++i) {
      const Json& hash = hashes[i];
      if (hash.is_object() && hash.contains("alg") && hash.contains("content")) {
        check_digest(string_of(hash["alg"]), string_of(hash["content"]),
                     child(child(location, i), "content"), m_sink);
      }
    }
  }

  void check_components() {
    std::unordered_map<std::string, std::string> purls;
    const bool has_version_range = m_version >= "1.7";
    for_each_cyclonedx_component(m_bom, [&](const Json& component, const std::string& location) {
      if (!component.is_object()) {
        return;
      }
      const std::string_view name = string_of(member(component, "name"));
      const std::string_view version = string_of(member(component, "version"));
      if (const auto purl = component.find("purl"); purl != component.end() && purl->is_string()) {
        const std::string at = child(location, "purl");
        if (check_purl(string_of(*purl), at, "PURL-SYNTAX", m_sink)) {
          check_purl_agrees(string_of(*purl), name, version, at, "PURL-MISMATCH", m_sink);
        }
        auto [it, inserted] = purls.emplace(purl->get<std::string>(), at);
        if (!inserted) {
          m_sink.add(Severity::warning, "CDX-DUPLICATE-PURL", at,
                     "purl '" + it->first + "' is also given at " + it->second,
                     "list each package once, or tell the instances apart with qualifiers");
        }
      }
      if (component.contains("licenses")) {
        check_licenses(component["licenses"], child(location, "licenses"));
      }
      if (component.contains("hashes")) {
        check_hashes(component["hashes"], child(location, "hashes"));
      }
      if (has_version_range && component.contains("versionRange") &&
          component.value("isExternal", false) != true) {
        m_sink.add(Severity::error, "CDX-VERSION-RANGE", child(location, "versionRange"),
                   "versionRange is only allowed on external components (isExternal: true)",
                   "set isExternal to true, or give an exact version instead");
      }
    });
    if (m_bom.contains("metadata") && m_bom["metadata"].is_object() &&
        m_bom["metadata"].contains("licenses")) {
      check_licenses(m_bom["metadata"]["licenses"], "/metadata/licenses");
    }
  }

  const Json& m_bom;
  std::string m_version;
  FindingSink& m_sink;
  std::unordered_set<std::string_view> m_refs;
};

} // namespace

void for_each_cyclonedx_component(
    const Json& bom, const std::function<void(const Json&, const std::string&)>& visit) {
  std::vector<std::pair<const Json*, std::string>> pending;
  if (const Json* components = find_array(bom, "components")) {
    for (std::size_t i = components->size(); i-- > 0;) {
      pending.emplace_back(&(*components)[i], child("/components", i));
    }
  }
  if (const auto metadata = bom.find("metadata");
      metadata != bom.end() && metadata->is_object() && metadata->contains("component")) {
    pending.emplace_back(&(*metadata)["component"], "/metadata/component");
  }
  while (!pending.empty()) {
    auto [component, location] = std::move(pending.back());
    pending.pop_back();
    visit(*component, location);
    if (!component->is_object()) {
      continue;
    }
    if (const Json* nested = find_array(*component, "components")) {
      for (std::size_t i = nested->size(); i-- > 0;) {
        pending.emplace_back(&(*nested)[i], child(child(location, "components"), i));
      }
    }
  }
}

void check_cyclonedx(const Json& bom, const std::string& version, FindingSink& sink) {
  if (!bom.is_object()) {
    return;
  }
  CycloneDxRules(bom, version, sink).run();
}

} // namespace kensa::validate::semantic
