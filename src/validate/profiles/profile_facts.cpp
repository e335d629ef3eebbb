#include "../semantic/semantic_rules.hpp"
#include "../semantic/value_checks.hpp"
#include "profile_check.hpp"

#include <kensa/model/generation_context.hpp>
#include <kensa/util/strings.hpp>

#include <string_view>
#include <unordered_set>

namespace kensa::validate::profiles {

namespace {

using Json = kensa::json::Value;
using semantic::child;
using semantic::member;
using semantic::string_of;

void set(ElementPresence& facts, Element element, Presence presence) {
  facts[static_cast<std::size_t>(element)] = presence;
}

// Empty text, white space and NONE count as absent; NOASSERTION and
// "unknown" as a declared unknown (docs/validate/profiles.md).
Presence classify(std::string_view text) {
  text = trim(text);
  if (text.empty() || text == "NONE" || text == "none") {
    return Presence::missing;
  }
  const std::string lower = to_lower_ascii(text);
  if (lower == "noassertion" || lower == "unknown" || lower == "unknown provenance") {
    return Presence::declared_unknown;
  }
  return Presence::present;
}

Presence classify(const Json& object, std::string_view key) {
  if (!object.is_object()) {
    return Presence::missing;
  }
  const auto it = semantic::find_member(object, key);
  if (!it || it->is_null()) {
    return Presence::missing;
  }
  if (it->is_string()) {
    return classify(string_of(*it));
  }
  if (it->is_array() || it->is_object()) {
    return it->empty() ? Presence::missing : Presence::present;
  }
  return Presence::present;
}

// The best of several alternatives: present beats unknown beats missing.
Presence best(std::initializer_list<Presence> options) {
  Presence result = Presence::missing;
  for (const Presence option : options) {
    if (option == Presence::present) {
      return option;
    }
    if (option == Presence::declared_unknown) {
      result = option;
    }
  }
  return result;
}

Presence when(bool condition) {
  return condition ? Presence::present : Presence::missing;
}

std::string label(std::string_view id, std::string_view name, std::string_view version) {
  std::string text(id);
  if (!name.empty()) {
    text += text.empty() ? "" : " ";
    text += "(" + std::string(name) + (version.empty() ? "" : "@" + std::string(version)) + ")";
  }
  return text;
}

// ---- CycloneDX ----------------------------------------------------------

Presence cyclonedx_party(const Json& party) {
  if (!party.is_object()) {
    return party.is_string() ? classify(string_of(party)) : Presence::missing;
  }
  return best({classify(party, "name"), classify(party, "email"), classify(party, "url")});
}

Presence cyclonedx_parties(const Json& list) {
  Presence result = Presence::missing;
  if (list.is_array()) {
    for (const auto& party : list) {
      result = best({result, cyclonedx_party(party)});
    }
  }
  return result;
}

bool has_property(const Json& component, std::string_view name) {
  const Json& properties = member(component, "properties");
  if (!properties.is_array()) {
    return false;
  }
  for (const auto& property : properties) {
    if (string_of(member(property, "name")) == name &&
        classify(string_of(member(property, "value"))) == Presence::present) {
      return true;
    }
  }
  return false;
}

Presence cyclonedx_tools(const Json& tools, std::string_view field) {
  Presence result = Presence::missing;
  auto consider = [&](const Json& list) {
    if (list.is_array()) {
      for (const auto& tool : list) {
        result = best({result, classify(tool, field)});
      }
    }
  };
  if (tools.is_array()) {
    consider(tools);
  } else if (tools.is_object()) {
    consider(member(tools, "components"));
    consider(member(tools, "services"));
  }
  return result;
}

Presence cyclonedx_license(const Json& licenses) {
  if (!licenses.is_array() || licenses.empty()) {
    return Presence::missing;
  }
  Presence result = Presence::missing;
  for (const auto& choice : licenses) {
    if (choice.contains("expression")) {
      result = best({result, classify(choice, "expression")});
    }
    const Json& license = member(choice, "license");
    result = best({result, classify(license, "id"), classify(license, "name")});
  }
  return result;
}

ElementPresence cyclonedx_component(const Json& component,
                                    const std::unordered_set<std::string_view>& with_dependencies) {
  ElementPresence facts{};
  facts.fill(Presence::missing);
  set(facts, Element::component_supplier,
      best({cyclonedx_party(member(component, "supplier")),
            cyclonedx_party(member(component, "manufacturer")),
            cyclonedx_parties(member(component, "authors")), classify(component, "author"),
            classify(component, "publisher")}));
  set(facts, Element::component_name, classify(component, "name"));
  set(facts, Element::component_version,
      best({classify(component, "version"), classify(component, "versionRange")}));
  set(facts, Element::component_identifiers,
      best({classify(component, "purl"), classify(component, "cpe"), classify(component, "swid"),
            classify(component, "omniborId"), classify(component, "swhid")}));
  Presence hash = Presence::missing;
  Presence sha512 = Presence::missing;
  if (const Json& hashes = member(component, "hashes"); hashes.is_array()) {
    for (const auto& entry : hashes) {
      const Presence content = classify(entry, "content");
      hash = best({hash, content});
      if (string_of(member(entry, "alg")) == "SHA-512") {
        sha512 = best({sha512, content});
      }
    }
  }
  set(facts, Element::component_hash, hash);
  set(facts, Element::component_sha512, sha512);
  set(facts, Element::component_license, cyclonedx_license(member(component, "licenses")));
  set(facts, Element::component_dependencies,
      when(with_dependencies.contains(string_of(member(component, "bom-ref")))));
  set(facts, Element::component_description, classify(component, "description"));
  set(facts, Element::component_filename, when(has_property(component, "bsi:component:filename")));
  set(facts, Element::component_file_properties,
      when(has_property(component, "bsi:component:executable") &&
           has_property(component, "bsi:component:archive") &&
           has_property(component, "bsi:component:structured")));
  return facts;
}

// ---- SPDX 2 -------------------------------------------------------------

Presence spdx2_creators(const Json& creators, std::string_view prefix) {
  Presence result = Presence::missing;
  if (creators.is_array()) {
    for (const auto& creator : creators) {
      const std::string_view text = string_of(creator);
      if (text.starts_with(prefix)) {
        result = best({result, classify(text.substr(prefix.size()))});
      }
    }
  }
  return result;
}

// "Tool: name-1.2.3": SPDX puts the version after the last hyphen.
Presence spdx2_tool_version(const Json& creators) {
  if (!creators.is_array()) {
    return Presence::missing;
  }
  for (const auto& creator : creators) {
    const std::string_view text = string_of(creator);
    if (!text.starts_with("Tool:")) {
      continue;
    }
    const auto hyphen = text.rfind('-');
    if (hyphen != std::string_view::npos && hyphen + 1 < text.size() &&
        std::isdigit(static_cast<unsigned char>(text[hyphen + 1]))) {
      return Presence::present;
    }
  }
  return Presence::missing;
}

ElementPresence spdx2_package(const Json& package,
                              const std::unordered_set<std::string_view>& related) {
  ElementPresence facts{};
  facts.fill(Presence::missing);
  set(facts, Element::component_supplier,
      best({classify(package, "supplier"), classify(package, "originator")}));
  set(facts, Element::component_name, classify(package, "name"));
  set(facts, Element::component_version, classify(package, "versionInfo"));
  Presence identifiers = Presence::missing;
  if (const Json& refs = member(package, "externalRefs"); refs.is_array()) {
    for (const auto& ref : refs) {
      const std::string_view category = string_of(member(ref, "referenceCategory"));
      if (category == "PACKAGE-MANAGER" || category == "PACKAGE_MANAGER" ||
          category == "SECURITY" || category == "PERSISTENT-ID" || category == "PERSISTENT_ID") {
        identifiers = best({identifiers, classify(ref, "referenceLocator")});
      }
    }
  }
  set(facts, Element::component_identifiers, identifiers);
  Presence hash = Presence::missing;
  Presence sha512 = Presence::missing;
  if (const Json& checksums = member(package, "checksums"); checksums.is_array()) {
    for (const auto& checksum : checksums) {
      const Presence value = classify(checksum, "checksumValue");
      hash = best({hash, value});
      if (string_of(member(checksum, "algorithm")) == "SHA512") {
        sha512 = best({sha512, value});
      }
    }
  }
  set(facts, Element::component_hash, hash);
  set(facts, Element::component_sha512, sha512);
  // SPDX 2.2 requires both license fields, so NOASSERTION is how a package
  // leaves them out: missing, as a CycloneDX component without licenses or
  // an SPDX 3 package without a license relationship is.
  const auto license_field = [&](std::string_view key) {
    const Presence presence = classify(package, key);
    return presence == Presence::declared_unknown ? Presence::missing : presence;
  };
  set(facts, Element::component_license,
      best({license_field("licenseConcluded"), license_field("licenseDeclared")}));
  set(facts, Element::component_dependencies,
      when(related.contains(string_of(member(package, "SPDXID")))));
  set(facts, Element::component_description,
      best({classify(package, "description"), classify(package, "summary")}));
  set(facts, Element::component_filename, classify(package, "packageFileName"));
  return facts;
}

} // namespace

DocumentFacts cyclonedx_facts(const Json& bom) {
  DocumentFacts facts;
  facts.elements.fill(Presence::missing);
  const Json& metadata = member(bom, "metadata");
  set(facts.elements, Element::sbom_author,
      best({cyclonedx_parties(member(metadata, "authors")),
            cyclonedx_party(member(metadata, "manufacturer")),
            cyclonedx_party(member(metadata, "manufacture")),
            cyclonedx_party(member(metadata, "supplier"))}));
  set(facts.elements, Element::sbom_timestamp, classify(metadata, "timestamp"));
  set(facts.elements, Element::sbom_tool_name, cyclonedx_tools(member(metadata, "tools"), "name"));
  set(facts.elements, Element::sbom_tool_version,
      cyclonedx_tools(member(metadata, "tools"), "version"));
  set(facts.elements, Element::sbom_generation_context, classify(metadata, "lifecycles"));
  set(facts.elements, Element::sbom_version, classify(bom, "serialNumber"));
  set(facts.elements, Element::sbom_signature, classify(bom, "signature"));
  set(facts.elements, Element::sbom_uri, classify(bom, "serialNumber"));
  set(facts.elements, Element::vulnerabilities, classify(bom, "vulnerabilities"));

  // A component takes part in the dependency graph when it depends on
  // another or another depends on it, as in SPDX, where a relationship is
  // the only way to say so. An entry with an empty dependsOn is written for
  // every leaf, known or not, and so tells nothing SPDX could say alike.
  std::unordered_set<std::string_view> with_dependencies;
  if (const Json& dependencies = member(bom, "dependencies"); dependencies.is_array()) {
    for (const auto& dependency : dependencies) {
      const Json& on = member(dependency, "dependsOn");
      if (!on.is_array() || on.empty()) {
        continue;
      }
      with_dependencies.insert(string_of(member(dependency, "ref")));
      for (const auto& ref : on) {
        with_dependencies.insert(string_of(ref));
      }
    }
  }
  semantic::for_each_cyclonedx_component(
      bom, [&](const Json& component, const std::string& location) {
        if (!component.is_object()) {
          return;
        }
        // An entry of a file inventory (type file, no purl or version, bom-ref
        // "file:" + name, as kensa writes --files) is what SPDX's files are: the
        // minimum elements are asked of the software components, not of every
        // file listed.
        if (string_of(member(component, "type")) == "file" &&
            string_of(member(component, "purl")).empty() &&
            string_of(member(component, "version")).empty() &&
            string_of(member(component, "bom-ref")) ==
                "file:" + std::string(string_of(member(component, "name")))) {
          return;
        }
        ElementPresence elements = cyclonedx_component(component, with_dependencies);
        // Nesting is CycloneDX's containment, which SPDX writes as a CONTAINS
        // relationship: both ends take part, as they do there.
        const Json& children = member(component, "components");
        const auto nested_at = location.rfind("/components/");
        if ((nested_at != std::string::npos && nested_at > 0) ||
            (children.is_array() && !children.empty())) {
          set(elements, Element::component_dependencies, Presence::present);
        }
        facts.components.push_back(ComponentFacts{location,
                                                  label(string_of(member(component, "bom-ref")),
                                                        string_of(member(component, "name")),
                                                        string_of(member(component, "version"))),
                                                  elements});
      });
  return facts;
}

DocumentFacts spdx2_facts(const Json& document) {
  DocumentFacts facts;
  facts.elements.fill(Presence::missing);
  const Json& creation = member(document, "creationInfo");
  const Json& creators = member(creation, "creators");
  set(facts.elements, Element::sbom_author,
      best({spdx2_creators(creators, "Person:"), spdx2_creators(creators, "Organization:")}));
  set(facts.elements, Element::sbom_timestamp, classify(creation, "created"));
  set(facts.elements, Element::sbom_tool_name, spdx2_creators(creators, "Tool:"));
  set(facts.elements, Element::sbom_tool_version, spdx2_tool_version(creators));
  // SPDX 2 has no field for it: a line of the creator comment.
  if (!model::lifecycle_in_comment(string_of(member(creation, "comment"))).empty()) {
    set(facts.elements, Element::sbom_generation_context, Presence::present);
  }
  set(facts.elements, Element::sbom_version, classify(document, "documentNamespace"));
  set(facts.elements, Element::sbom_uri, classify(document, "documentNamespace"));

  std::unordered_set<std::string_view> related;
  const std::string_view self = string_of(member(document, "SPDXID"));
  if (const Json& relationships = member(document, "relationships"); relationships.is_array()) {
    for (const auto& relationship : relationships) {
      const std::string_view from = string_of(member(relationship, "spdxElementId"));
      const std::string_view to = string_of(member(relationship, "relatedSpdxElement"));
      // The document DESCRIBES its root; that says nothing about dependencies.
      // Nor does a relationship to NONE or NOASSERTION, which CycloneDX says
      // with an empty dependsOn.
      if (from == self || to == self || to == "NONE" || to == "NOASSERTION") {
        continue;
      }
      related.insert(from);
      related.insert(to);
    }
  }
  if (const Json& packages = member(document, "packages"); packages.is_array()) {
    for (std::size_t i = 0; i < packages.size(); ++i) {
      const Json& package = packages[i];
      if (!package.is_object()) {
        continue;
      }
      facts.components.push_back(ComponentFacts{child("/packages", i),
                                                label(string_of(member(package, "SPDXID")),
                                                      string_of(member(package, "name")),
                                                      string_of(member(package, "versionInfo"))),
                                                spdx2_package(package, related)});
    }
  }
  return facts;
}

DocumentFacts spdx3_facts(const Json& document) {
  DocumentFacts facts;
  facts.elements.fill(Presence::missing);
  const Json& graph = member(document, "@graph");
  if (!graph.is_array()) {
    return facts;
  }
  std::unordered_set<std::string_view> related;
  std::unordered_set<std::string_view> licensed;
  // A SoftwareAgent (the tool, which SPDX 3 names when no one else is) is
  // what SPDX 2 calls a Tool: creator and CycloneDX a tool, no author in
  // either; any other agent (a person, an organization, one defined
  // elsewhere) is an author.
  std::unordered_set<std::string_view> software_agents;
  std::unordered_set<std::string_view> documents;
  for (const auto& element : graph) {
    const std::string_view type = string_of(member(element, "type"));
    if (type == "SoftwareAgent") {
      software_agents.insert(string_of(member(element, "spdxId")));
    } else if (type == "SpdxDocument" || type == "software_Sbom" || type == "Bom" ||
               type == "Bundle") {
      documents.insert(string_of(member(element, "spdxId")));
    }
  }
  const auto authors = [&](const Json& creation) {
    Presence result = Presence::missing;
    if (const Json& created_by = member(creation, "createdBy"); created_by.is_array()) {
      for (const auto& agent : created_by) {
        if (!software_agents.contains(string_of(agent))) {
          result = best({result, classify(string_of(agent))});
        }
      }
    }
    return result;
  };
  for (const auto& element : graph) {
    const std::string_view type = string_of(member(element, "type"));
    if (type == "CreationInfo") {
      set(facts.elements, Element::sbom_author, authors(element));
      set(facts.elements, Element::sbom_timestamp, classify(element, "created"));
      set(facts.elements, Element::sbom_tool_name, classify(element, "createdUsing"));
    } else if (type == "Tool") {
      set(facts.elements, Element::sbom_tool_version,
          when(string_of(member(element, "name")).find_first_of("0123456789") !=
               std::string_view::npos));
    } else if (type == "software_Sbom") {
      set(facts.elements, Element::sbom_generation_context, classify(element, "software_sbomType"));
    } else if (type == "SpdxDocument") {
      set(facts.elements, Element::sbom_version, classify(element, "spdxId"));
      set(facts.elements, Element::sbom_uri, classify(element, "spdxId"));
    } else if (type == "security_Vulnerability") {
      set(facts.elements, Element::vulnerabilities, Presence::present);
    } else if (type == "Relationship" || type == "LifecycleScopedRelationship") {
      // A scoped relationship (a development dependency) relates its ends
      // as much as a plain one: SPDX 2 writes it as DEV_DEPENDENCY_OF.
      const std::string_view kind = string_of(member(element, "relationshipType"));
      const std::string_view from = string_of(member(element, "from"));
      if (kind == "hasConcludedLicense" || kind == "hasDeclaredLicense") {
        licensed.insert(from);
        continue;
      }
      // What the document or SBOM describes is its root, as in SPDX 2; a
      // package that describes another is kensa's subject, which CycloneDX
      // writes as its dependsOn.
      if (kind == "describes" && documents.contains(from)) {
        continue;
      }
      bool any = false;
      if (const Json& to = member(element, "to"); to.is_array()) {
        for (const auto& target : to) {
          const std::string_view id = string_of(target);
          if (!id.ends_with("/NoneElement") && !id.ends_with("/NoAssertionElement") &&
              id != "NoneElement" && id != "NoAssertionElement") {
            related.insert(id);
            any = true;
          }
        }
      }
      if (any) {
        related.insert(from);
      }
    }
  }
  // CycloneDX properties travel in SPDX 3.0.1's CdxPropertiesExtension,
  // where the BSI taxonomy's bsi:component:* are read as in CycloneDX.
  const auto has_extension_property = [](const Json& element, std::string_view name) {
    const Json& extensions = member(element, "extension");
    if (!extensions.is_array()) {
      return false;
    }
    for (const auto& extension : extensions) {
      const Json& entries = member(extension, "extension_cdxProperty");
      if (string_of(member(extension, "type")) != "extension_CdxPropertiesExtension" ||
          !entries.is_array()) {
        continue;
      }
      for (const auto& entry : entries) {
        if (string_of(member(entry, "extension_cdxPropName")) == name &&
            classify(string_of(member(entry, "extension_cdxPropValue"))) == Presence::present) {
          return true;
        }
      }
    }
    return false;
  };
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Json& element = graph[i];
    if (string_of(member(element, "type")) != "software_Package") {
      continue;
    }
    const std::string_view id = string_of(member(element, "spdxId"));
    ElementPresence component{};
    component.fill(Presence::missing);
    set(component, Element::component_supplier,
        best({classify(element, "suppliedBy"), classify(element, "originatedBy")}));
    set(component, Element::component_name, classify(element, "name"));
    set(component, Element::component_version, classify(element, "software_packageVersion"));
    set(component, Element::component_identifiers,
        best({classify(element, "software_packageUrl"), classify(element, "externalIdentifier")}));
    Presence hash = Presence::missing;
    Presence sha512 = Presence::missing;
    if (const Json& hashes = member(element, "verifiedUsing"); hashes.is_array()) {
      for (const auto& entry : hashes) {
        const Presence value = classify(entry, "hashValue");
        hash = best({hash, value});
        if (string_of(member(entry, "algorithm")) == "sha512") {
          sha512 = best({sha512, value});
        }
      }
    }
    set(component, Element::component_hash, hash);
    set(component, Element::component_sha512, sha512);
    set(component, Element::component_license, when(licensed.contains(id)));
    set(component, Element::component_dependencies, when(related.contains(id)));
    set(component, Element::component_description,
        best({classify(element, "description"), classify(element, "summary")}));
    set(component, Element::component_filename,
        when(has_extension_property(element, "bsi:component:filename")));
    set(component, Element::component_file_properties,
        when(has_extension_property(element, "bsi:component:executable") &&
             has_extension_property(element, "bsi:component:archive") &&
             has_extension_property(element, "bsi:component:structured")));
    facts.components.push_back(
        ComponentFacts{child("/@graph", i),
                       label(id, string_of(member(element, "name")),
                             string_of(member(element, "software_packageVersion"))),
                       component});
  }
  return facts;
}

} // namespace kensa::validate::profiles
