#include "same_value.hpp"
#include "semantic_rules.hpp"
#include "value_checks.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kensa::validate::semantic {

namespace {

// References to other BOMs (BOM-Link) are resolved by whoever holds them.
bool is_bom_link(std::string_view ref) {
  return ref.starts_with("urn:cdx:");
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
  // One finding per bom-ref given more than once, at its second use,
  // counting the uses and naming the first: a BOM whose 300,000 components
  // share one bom-ref gives one finding, not 299,999, and the pointers are
  // found in one walk of the document, so the check stays linear. Each
  // later use is compared with the first until one differs, which costs
  // the size of the copies: an element given again as an identical copy
  // (cdxgen repeats its tool under annotations[].annotator) names one
  // thing and is a warning; so are the uses that stay inside one formula,
  // where the official examples name a workflow's workspace again in its
  // task, and a formula and its workflow alike. Different elements sharing
  // a bom-ref anywhere else are an error.
  void check_bom_refs() {
    const auto refs = m_bom.members_named_with_owner("bom-ref");
    struct Uses {
      Json first;
      Json first_owner;
      Json second;
      std::size_t count = 0;
      bool identical = true;
      // The formula every use so far is inside, or absent.
      Json formula;
    };
    std::vector<Json> formulas;
    if (const auto formulation = find_array(m_bom, "formulation")) {
      for (const Json formula : *formulation) {
        formulas.push_back(formula);
      }
    }
    // The formula `value` is inside; formulas are in document order and do
    // not overlap, so a binary search finds it.
    const auto formula_of = [&](const Json& value) -> Json {
      auto after = std::upper_bound(
          formulas.begin(), formulas.end(), value.order(),
          [](std::size_t order, const Json& formula) { return order < formula.order(); });
      if (after == formulas.begin()) {
        return {};
      }
      --after;
      return after->encloses(value) ? *after : Json();
    };
    std::vector<Uses> repeated;
    // Index in `repeated` of each bom-ref used more than once.
    std::unordered_map<std::string_view, std::size_t> repeated_index;
    std::unordered_map<std::string_view, Json> owner_of;
    m_refs.reserve(refs.size());
    owner_of.reserve(refs.size());
    for (const auto& [owner, ref] : refs) {
      if (!ref.is_string()) {
        continue;
      }
      const auto [first, inserted] = m_refs.emplace(ref.string(), ref);
      if (inserted) {
        owner_of.emplace(ref.string(), owner);
        continue;
      }
      const auto [index, new_repeat] = repeated_index.emplace(ref.string(), repeated.size());
      if (new_repeat) {
        const Json first_owner = owner_of[ref.string()];
        const Json formula = formula_of(first_owner);
        repeated.push_back({first->second, first_owner, ref, 1, true, formula});
      }
      Uses& uses = repeated[index->second];
      ++uses.count;
      uses.identical = uses.identical && same_json_value(uses.first_owner, owner);
      if (uses.formula.exists() && !uses.formula.encloses(owner)) {
        uses.formula = Json();
      }
    }
    std::vector<Json> located;
    located.reserve(repeated.size() * 3);
    for (const Uses& uses : repeated) {
      located.push_back(uses.second);
      located.push_back(uses.first);
      located.push_back(uses.formula.exists() ? uses.formula : uses.first);
    }
    const std::vector<std::string> pointers = m_bom.pointers_to(located);
    for (std::size_t i = 0; i < repeated.size(); ++i) {
      const Uses& uses = repeated[i];
      const std::string ref(uses.second.string());
      const std::string& at = pointers[3 * i];
      const std::string& first = pointers[3 * i + 1];
      const std::string times = std::to_string(uses.count);
      if (uses.identical) {
        m_sink.add(Severity::warning, "CDX-BOMREF-REPEATED", at,
                   "bom-ref '" + ref + "' is given " + times +
                       " times to identical copies of one element, first at " + first +
                       "; references to it are unambiguous, but readers may count the element " +
                       times + " times",
                   "give the element once and refer to it elsewhere by its bom-ref");
      } else if (uses.formula.exists()) {
        m_sink.add(Severity::warning, "CDX-BOMREF-REPEATED", at,
                   "bom-ref '" + ref + "' is given " + times + " times inside the formula at " +
                       pointers[3 * i + 2] + ", first at " + first +
                       ", to elements described differently; it is read as one element of the "
                       "formula described in several places, but readers may take either "
                       "description",
                   "describe the element once, and give the other places their own bom-ref");
      } else {
        m_sink.add(Severity::error, "CDX-BOMREF-UNIQUE", at,
                   "bom-ref '" + ref + "' is used " + times + " times, first at " + first +
                       ", by elements that differ",
                   "give every component, service and vulnerability its own bom-ref");
      }
    }
  }

  void expect_ref(const Json& value, const Location& location, std::string_view rule,
                  std::string_view what) {
    const std::string_view ref = string_of(value);
    if (!value.is_string() || is_bom_link(ref) || m_refs.contains(ref)) {
      return;
    }
    m_sink.add(Severity::error, std::string(rule), location.pointer(),
               std::string(what) + " names bom-ref '" + std::string(ref) +
                   "', which no element of the BOM has",
               "use the bom-ref of a component or service in this BOM");
  }

  void expect_refs(const Json& list, const Location& location, std::string_view rule,
                   std::string_view what) {
    if (!list.is_array()) {
      return;
    }
    std::size_t i = 0;
    for (const Json entry : list) {
      // 1.5+ allows {"ref": ...} objects in some lists.
      if (const Json ref = entry["ref"]; ref.exists()) {
        expect_ref(ref, location.item(i).member("ref"), rule, what);
      } else {
        expect_ref(entry, location.item(i), rule, what);
      }
      ++i;
    }
  }

  void check_dependencies() {
    const auto it = find_array(m_bom, "dependencies");
    if (!it) {
      return;
    }
    static const std::string k_dependencies = "/dependencies";
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json dependency = (*it)[i];
      if (!dependency.is_object()) {
        continue;
      }
      const Location location = Location(k_dependencies).item(i);
      if (const Json ref = dependency["ref"]; ref.exists()) {
        expect_ref(ref, location.member("ref"), "CDX-REF-DEPENDENCY", "a dependency");
      }
      if (const Json depends_on = dependency["dependsOn"]; depends_on.exists()) {
        expect_refs(depends_on, location.member("dependsOn"), "CDX-REF-DEPENDENCY", "dependsOn");
      }
      if (const Json provides = dependency["provides"]; provides.exists()) {
        expect_refs(provides, location.member("provides"), "CDX-REF-DEPENDENCY", "provides");
      }
    }
  }

  void check_compositions() {
    const auto it = find_array(m_bom, "compositions");
    if (!it) {
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
    const auto it = find_array(m_bom, "vulnerabilities");
    if (!it) {
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
    const auto it = find_array(m_bom, "annotations");
    if (!it) {
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      if ((*it)[i].is_object() && (*it)[i].contains("subjects")) {
        expect_refs((*it)[i]["subjects"], child(child("/annotations", i), "subjects"),
                    "CDX-REF-ANNOTATION", "an annotation's subject");
      }
    }
  }

  void check_licenses(const Json& licenses, const Location& location) {
    if (!licenses.is_array()) {
      return;
    }
    std::size_t i = 0;
    for (const Json choice : licenses) {
      const Location at = location.item(i++);
      if (const Json expression = choice["expression"]; expression.is_string()) {
        check_license_expression(expression.string(), at.member("expression"), false, m_sink);
      }
      if (const Json id = choice["license"]["id"]; id.is_string()) {
        check_license_id(id.string(), at.member("license").member("id"), m_sink);
      }
    }
  }

  // The licenses the component declares (its `licenses`, less those
  // acknowledged as concluded) against those its license files show
  // (kensa's `kensa:license:evidence` properties, which say which file
  // showed which license: evidence.licenses does not).
  void check_evidence_against_declared(const Json& component, std::string_view name,
                                       const std::string& location) {
    const Json properties = component["properties"];
    if (!properties.is_array()) {
      return;
    }
    std::vector<std::string> evidence;
    for (const Json property : properties) {
      if (string_of(property["name"]) == "kensa:license:evidence") {
        evidence.emplace_back(string_of(property["value"]));
      }
    }
    const Json licenses = component["licenses"];
    if (evidence.empty() || !licenses.is_array()) {
      return;
    }
    std::vector<std::string> declared;
    for (const Json choice : licenses) {
      if (string_of(choice["acknowledgement"]) == "concluded" ||
          string_of(choice["license"]["acknowledgement"]) == "concluded") {
        continue;
      }
      if (const Json expression = choice["expression"]; expression.is_string()) {
        declared.emplace_back(expression.string());
      } else if (const Json id = choice["license"]["id"]; id.is_string()) {
        declared.emplace_back(id.string());
      }
    }
    check_license_evidence(declared, evidence, name, location, m_sink);
  }

  void check_hashes(const Json& hashes, const Location& location) {
    if (!hashes.is_array()) {
      return;
    }
    std::size_t i = 0;
    for (const Json hash : hashes) {
      const Json algorithm = hash["alg"];
      const Json content = hash["content"];
      if (algorithm.exists() && content.exists()) {
        check_digest(string_of(algorithm), string_of(content), location.item(i).member("content"),
                     m_sink);
      }
      ++i;
    }
  }

  void check_components() {
    // purl -> where it is given first. The location is kept as text: a
    // pointer found again for each repeat would walk the document each
    // time, quadratic in the number of components.
    std::unordered_map<std::string_view, std::string> purls;
    const bool has_version_range = m_version >= "1.7";
    for_each_cyclonedx_component(m_bom, [&](const Json& component, const std::string& location) {
      if (!component.is_object()) {
        return;
      }
      const std::string_view name = string_of(member(component, "name"));
      const std::string_view version = string_of(member(component, "version"));
      if (const Json purl = component["purl"]; purl.is_string()) {
        const Location at = Location(location).member("purl");
        check_purl(purl.string(), name, version, at, "PURL-SYNTAX", "PURL-MISMATCH", m_sink);
        auto [it, inserted] = purls.try_emplace(purl.string());
        if (inserted) {
          it->second = at.pointer();
        } else {
          m_sink.add(Severity::warning, "CDX-DUPLICATE-PURL", at.pointer(),
                     "purl '" + std::string(purl.string()) + "' is also given at " + it->second,
                     "list each package once, or tell the instances apart with qualifiers");
        }
      }
      if (const Json licenses = component["licenses"]; licenses.exists()) {
        check_licenses(licenses, Location(location).member("licenses"));
      }
      check_evidence_against_declared(component, name, location);
      if (const Json hashes = component["hashes"]; hashes.exists()) {
        check_hashes(hashes, Location(location).member("hashes"));
      }
      if (has_version_range && component.contains("versionRange") &&
          !component["isExternal"].boolean()) {
        m_sink.add(Severity::error, "CDX-VERSION-RANGE", child(location, "versionRange"),
                   "versionRange is only allowed on external components (isExternal: true)",
                   "set isExternal to true, or give an exact version instead");
      }
    });
    if (m_bom.contains("metadata") && m_bom["metadata"].is_object() &&
        m_bom["metadata"].contains("licenses")) {
      static const std::string k_metadata_licenses = "/metadata/licenses";
      check_licenses(m_bom["metadata"]["licenses"], k_metadata_licenses);
    }
  }

  const Json& m_bom;
  std::string m_version;
  FindingSink& m_sink;
  // Every bom-ref, with the value where it is first given.
  std::unordered_map<std::string_view, Json> m_refs;
};

} // namespace

void for_each_cyclonedx_component(
    const Json& bom, const std::function<void(const Json&, const std::string&)>& visit) {
  std::vector<std::pair<Json, std::string>> pending;
  if (const auto components = find_array(bom, "components")) {
    for (std::size_t i = components->size(); i-- > 0;) {
      pending.emplace_back((*components)[i], child("/components", i));
    }
  }
  if (const Json component = bom["metadata"]["component"]; component.exists()) {
    pending.emplace_back(component, "/metadata/component");
  }
  while (!pending.empty()) {
    auto [component, location] = std::move(pending.back());
    pending.pop_back();
    visit(component, location);
    if (!component.is_object()) {
      continue;
    }
    if (const auto nested = find_array(component, "components")) {
      for (std::size_t i = nested->size(); i-- > 0;) {
        pending.emplace_back((*nested)[i], child(child(location, "components"), i));
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
