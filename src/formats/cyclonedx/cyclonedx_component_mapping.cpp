#include "cyclonedx_component_mapping.hpp"

#include "../common/license_lists.hpp"
#include "../common/property_names.hpp"
#include "license_ids.hpp"
#include "to_cyclonedx.hpp"

#include <kensa/model/ids.hpp>
#include <kensa/model/license.hpp>
#include <kensa/util/url_text.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kensa::format::cyclonedx {

namespace {

std::string type_name(model::ComponentType type, const Context& context,
                      std::vector<CdxProperty>& properties) {
  std::string name(model::component_type_name(type));
  if (context.vocabulary.component_types.count(name) > 0) {
    return name;
  }
  // Keep the real type as a property so a reader can restore it.
  properties.push_back({std::string(property::k_component_type), name});
  std::string fallback = "library";
  if (type == model::ComponentType::device_driver) {
    fallback = "device";
  } else if (type == model::ComponentType::data ||
             type == model::ComponentType::machine_learning_model) {
    fallback = "file";
  }
  return context.vocabulary.component_types.count(fallback) > 0 ? fallback : "library";
}

CdxLicense license_entry(const model::License& license, bool expression_allowed,
                         std::string_view acknowledgement, Context& context) {
  CdxLicense entry;
  if (context.minor >= 6) {
    entry.acknowledgement = std::string(acknowledgement);
  }
  // A license URL is an iri-reference; text with no URI form is left out.
  std::string url;
  if (!license.url.empty()) {
    url = uri_reference_of(license.url).value_or(std::string());
    if (url.empty()) {
      context.losses.add("license URL that is no URL (left out)");
    }
  }
  if (!license.expression.empty() && is_cyclonedx_license_id(license.expression)) {
    entry.id = license.expression;
    entry.url = url;
  } else if (!license.expression.empty() && expression_allowed) {
    entry.expression = license.expression;
    if (!license.url.empty()) {
      context.losses.add("license URL on an SPDX expression (CycloneDX has no field for it)");
    }
  } else {
    // Not reached by the writers' lists (add_licenses joins them), but a
    // compound expression that may not stand alone is written as a name:
    // readers turn a name that is a valid expression back.
    entry.name = license.expression.empty() ? license.name : license.expression;
    entry.url = url;
  }
  return entry;
}

// Before 1.7 a license list holds license objects or a single expression:
// a list with an expression that is no license id is written as the one
// expression the list makes together (the AND of its licenses, a name as
// the LicenseRef- license_refs_of gave it), so that an expression stays an
// expression.
bool needs_joining(const std::vector<model::License>& licenses) {
  std::size_t written = 0;
  bool compound = false;
  for (const auto& license : licenses) {
    if (!license.expression.empty()) {
      ++written;
      compound = compound || !is_cyclonedx_license_id(license.expression);
    } else if (!license.name.empty()) {
      ++written;
    }
  }
  return written >= 2 && compound;
}

model::License joined_expression(const std::vector<model::License>& licenses,
                                 const LicenseRefs& refs) {
  std::string joined;
  for (const auto& license : licenses) {
    std::string part = license.expression;
    if (part.empty()) {
      auto ref = refs.find(license.name);
      if (ref == refs.end()) {
        continue; // Neither expression nor name: nothing to write.
      }
      part = ref->second;
    }
    joined += joined.empty() ? "" : " AND ";
    // OR binds weaker than AND; the canonical form drops needless parentheses.
    joined += part.find(" OR ") != std::string::npos ? "(" + part + ")" : part;
  }
  model::License one;
  auto parsed = model::parse_license_expression(joined);
  one.expression = parsed ? parsed->canonical : joined;
  return one;
}

// From 1.6 on declared and concluded licenses share the component's one
// array, told apart by their acknowledgement; but before 1.7 an array with
// an expression that is no license id holds nothing else, so then (and
// before 1.6) the concluded ones go to evidence.licenses, each list joined
// on its own where it must be.
bool one_license_array(const model::Component& component, int minor) {
  const auto& declared = component.licenses_declared;
  const auto& concluded = component.licenses_concluded;
  if (minor < 6) {
    return false;
  }
  if (minor >= 7 || declared.empty() || concluded.empty()) {
    return true;
  }
  const auto only_ids_and_names = [](const std::vector<model::License>& licenses) {
    return std::all_of(licenses.begin(), licenses.end(), [](const model::License& license) {
      return license.expression.empty() || is_cyclonedx_license_id(license.expression);
    });
  };
  return only_ids_and_names(declared) && only_ids_and_names(concluded);
}

// The license lists of `component` that add_licenses may join, each one an
// array of its own (see one_license_array).
template <typename Visit>
void for_each_license_array(const model::Component& component, int minor, Visit&& visit) {
  const auto& declared = component.licenses_declared;
  const auto& concluded = component.licenses_concluded;
  if (one_license_array(component, minor) && !declared.empty() && !concluded.empty()) {
    return; // Both in one array, which then needs no joining.
  }
  visit(declared);
  visit(concluded);
}

} // namespace

// The LicenseRef- each license name joined into an expression is written
// as: "LicenseRef-" and the name with every character an id cannot hold
// as '-', and a hash of the name where two names would share one. Each is
// kept as a document property (property::k_license_ref_name), so that the
// name itself is not lost and an SPDX writer names the LicenseRef- by it.
LicenseRefs license_refs_of(const model::Document& document, int minor,
                            std::vector<model::Property>& document_properties) {
  LicenseRefs refs;
  if (minor >= 7) {
    return refs;
  }
  std::set<std::string, std::less<>> names;
  const auto collect = [&](const model::Component& component) {
    for_each_license_array(component, minor, [&](const std::vector<model::License>& licenses) {
      if (!needs_joining(licenses)) {
        return;
      }
      for (const auto& license : licenses) {
        if (license.expression.empty() && !license.name.empty()) {
          names.insert(license.name);
        }
      }
    });
  };
  if (document.metadata.subject) {
    collect(*document.metadata.subject);
  }
  for (const auto& component : document.components) {
    collect(component);
  }
  std::map<std::string, std::string, std::less<>> name_of_ref;
  for (const auto& property : document_properties) {
    if (property.name.starts_with(property::k_license_ref_name)) {
      name_of_ref.emplace(property.name.substr(property::k_license_ref_name.size()),
                          property.value);
    }
  }
  for (const auto& name : names) {
    std::string ref = "LicenseRef-";
    for (char c : name) {
      const bool id_char = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
      ref += id_char ? c : '-';
    }
    auto [taken, inserted] = name_of_ref.emplace(ref, name);
    if (!inserted && taken->second != name) {
      ref += "-" + model::content_hash_id(name, 8);
      name_of_ref.emplace(ref, name);
    }
    if (inserted || taken->second != name) {
      document_properties.push_back({std::string(property::k_license_ref_name) + ref, name});
    }
    refs.emplace(name, std::move(ref));
  }
  return refs;
}

namespace {

void add_licenses(std::vector<CdxLicense>& into, const std::vector<model::License>& licenses,
                  std::string_view acknowledgement, std::size_t list_size, Context& context) {
  bool expression_allowed = context.minor >= 7 || list_size == 1;
  if (!expression_allowed && list_size == licenses.size() && context.license_refs != nullptr &&
      needs_joining(licenses)) {
    // Readers split it back when a license name marks it (a document
    // property names each LicenseRef- it was written as).
    if (!common::joined_list_splits_back(licenses)) {
      context.losses.add(
          "license lists written as one AND expression (CycloneDX before 1.7 cannot list an "
          "expression beside other licenses)");
    }
    for (const auto& license : licenses) {
      if (!license.url.empty()) {
        context.losses.add("license URL on an SPDX expression (CycloneDX has no field for it)");
      }
    }
    into.push_back(license_entry(joined_expression(licenses, *context.license_refs), true,
                                 acknowledgement, context));
    return;
  }
  for (const auto& license : licenses) {
    if (license.expression.empty() && license.name.empty()) {
      continue;
    }
    into.push_back(license_entry(license, expression_allowed, acknowledgement, context));
  }
}

std::string party_text(const model::Party& party) {
  std::string text = party.name;
  if (!party.email.empty()) {
    text += text.empty() ? party.email : " <" + party.email + ">";
  }
  return text.empty() ? party.url : text;
}

// The e-mail address CycloneDX can hold for `party` (an idn-email): the
// address, or nothing when its text is none, which is counted.
std::string checked_email(const model::Party& party, LossReport& losses) {
  if (party.email.empty() || is_plain_email_address(party.email)) {
    return party.email;
  }
  losses.add("e-mail address that is no address (left out)");
  return {};
}

} // namespace

// A contact (an author) has a name and an e-mail address, no link.
CdxContact contact(const model::Party& party, LossReport& losses) {
  if (!party.url.empty()) {
    losses.add("link of a person or contact (CycloneDX contacts have no field for it)");
  }
  return CdxContact{party.name, checked_email(party, losses), ""};
}

namespace {

// An organization: a URL where an iri-reference goes, an e-mail address in
// a contact. A link where the e-mail should be (a Debian maintainer field
// "<https://...>") becomes the organization's URL.
CdxEntity entity(const model::Party& party, LossReport& losses) {
  CdxEntity result;
  result.name = party.name;
  std::string url = party.url;
  std::string email = party.email;
  if (!email.empty() && !is_plain_email_address(email) && looks_like_web_link(email)) {
    if (url.empty()) {
      url = email;
    }
    email.clear();
  }
  if (!url.empty()) {
    if (auto written = uri_reference_of(url)) {
      result.urls.push_back(std::move(*written));
    } else {
      losses.add("organization URL that is no URL (left out)");
    }
  }
  if (!email.empty()) {
    if (is_plain_email_address(email)) {
      result.contacts.push_back(CdxContact{"", email, ""});
    } else {
      losses.add("e-mail address that is no address (left out)");
    }
  }
  return result;
}

// What the schema's mime-type pattern (^[-+a-z0-9.]+/[-+a-z0-9.]+$)
// accepts; anything else stays a property.
bool is_mime_type(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' ||
                         c == '.' || (c == '/' && i == slash);
    if (!allowed) {
      return false;
    }
  }
  return true;
}

// Moves properties that name a field this version has into that field.
void take_native_fields(CdxComponent& out, std::vector<model::Property>& rest,
                        const std::vector<model::Property>& properties, const Context& context) {
  for (const auto& property : properties) {
    const auto& name = property.name;
    if (name == property::k_cdx_publisher && out.publisher.empty()) {
      out.publisher = property.value;
    } else if (name == property::k_cdx_mime_type && out.mime_type.empty() &&
               is_mime_type(property.value)) {
      out.mime_type = property.value;
    } else if (name == property::k_copyright && out.copyright.empty()) {
      out.copyright = property.value;
    } else if (name == property::k_cdx_omnibor_id && context.minor >= 6) {
      out.omnibor_ids.push_back(property.value);
    } else if (name == property::k_cdx_swhid && context.minor >= 6) {
      out.swhids.push_back(property.value);
    } else if (name == property::k_cdx_tag && context.minor >= 6) {
      out.tags.push_back(property.value);
    } else {
      rest.push_back(property);
    }
  }
}

void map_evidence(const model::Component& component, CdxComponent& out,
                  std::vector<CdxProperty>& properties, Context& context) {
  std::set<std::pair<std::string, std::string>> seen;
  std::size_t lost_layers = 0;
  for (const auto& evidence : component.evidence) {
    if (evidence.location.empty() || !seen.insert({evidence.location, evidence.layer}).second) {
      continue;
    }
    if (context.minor < 5) {
      // 1.4 has no occurrences; the locations survive as properties.
      properties.push_back({std::string(property::k_location), evidence.location});
      lost_layers += evidence.layer.empty() ? 0 : 1;
      continue;
    }
    CdxOccurrence occurrence{evidence.location, ""};
    if (!evidence.layer.empty()) {
      if (context.minor >= 6) {
        occurrence.additional_context = "layer " + evidence.layer;
      } else {
        ++lost_layers;
      }
    }
    out.occurrences.push_back(std::move(occurrence));
  }
  context.losses.add("image layer of a component's location (CycloneDX " +
                         std::string(context.minor < 5 ? "1.4" : "1.5") + " has no field for it)",
                     lost_layers);
}

// The licenses found in the component's files go to evidence.licenses,
// each expression once, after the concluded licenses kept there (before
// 1.6, or beside declared expressions); the file, score and method of each,
// which CycloneDX has no field for, go to a kensa:license:evidence property,
// by which readers also tell them from concluded ones. Before 1.7 an array
// holding an expression entry holds nothing else, so beside a concluded
// expression the properties alone carry them: the concluded license stays
// as it is. A license the SPDX list does not have, kept with its text
// (--license-text full), is a license object named by its LicenseRef- and
// holding the text, after the others. The copyright statements go to
// evidence.copyright.
void map_license_evidence(const model::Component& component, CdxComponent& out,
                          std::vector<CdxProperty>& properties, Context& context) {
  std::vector<model::License> found;
  std::vector<CdxLicense> texts;
  for (const auto& evidence : component.license_evidence) {
    properties.push_back(
        {std::string(property::k_license_evidence), model::license_evidence_text(evidence)});
    if (evidence.method == model::LicenseMatchMethod::unlisted) {
      if (std::none_of(texts.begin(), texts.end(), [&](const CdxLicense& entry) {
            return entry.name == evidence.expression;
          })) {
        CdxLicense entry;
        entry.name = evidence.expression;
        entry.text = evidence.text;
        texts.push_back(std::move(entry));
      }
      continue;
    }
    model::License license;
    license.expression = evidence.expression;
    if (std::find(found.begin(), found.end(), license) == found.end()) {
      found.push_back(std::move(license));
    }
  }
  const bool holds_expression =
      std::any_of(out.evidence_licenses.begin(), out.evidence_licenses.end(),
                  [](const CdxLicense& entry) { return !entry.expression.empty(); });
  if (!found.empty() && (context.minor >= 7 || !holds_expression)) {
    const bool expression_allowed =
        context.minor >= 7 || (out.evidence_licenses.empty() && found.size() == 1 && texts.empty());
    for (const auto& license : found) {
      out.evidence_licenses.push_back(license_entry(license, expression_allowed, "", context));
    }
  }
  // License objects may stand beside others, but not beside an expression
  // before 1.7: there the property alone names the LicenseRef-, and the
  // text is not written (counted).
  const bool now_holds_expression =
      std::any_of(out.evidence_licenses.begin(), out.evidence_licenses.end(),
                  [](const CdxLicense& entry) { return !entry.expression.empty(); });
  if (!texts.empty() && context.minor < 7 && now_holds_expression) {
    context.losses.add("license text found in a file, beside a license expression (CycloneDX "
                       "before 1.7 cannot list them together)");
  } else {
    out.evidence_licenses.insert(out.evidence_licenses.end(), texts.begin(), texts.end());
  }
  out.evidence_copyright = component.copyrights;
}

std::vector<CdxHash> map_hashes(const std::vector<model::Hash>& hashes, Context& context) {
  std::vector<CdxHash> out;
  for (const auto& hash : hashes) {
    std::string algorithm(model::hash_algorithm_name(hash.algorithm));
    if (context.vocabulary.hash_algorithms.count(algorithm) == 0) {
      context.losses.add("hash " + algorithm + " (not in this CycloneDX version)");
      continue;
    }
    out.push_back(CdxHash{std::move(algorithm), hash.hex});
  }
  return out;
}

} // namespace

// A file of the inventory (--files) as a component of type file: its path
// is its name and, prefixed with "file:", its bom-ref. Owners past the first
// (the one it is nested in) are named by property.
CdxComponent file_component(const model::FileEntry& file,
                            const std::vector<std::string>& other_owner_refs, Context& context) {
  CdxComponent out;
  out.type = "file";
  out.bom_ref = std::string(k_file_ref_prefix) + file.path;
  out.name = file.path;
  out.hashes = map_hashes(file.hashes, context);
  for (const auto& ref : other_owner_refs) {
    out.properties.push_back({std::string(property::k_file_also_owned_by), ref});
  }
  return out;
}

CdxComponent map_component(const model::Component& component, std::string ref, Context& context) {
  CdxComponent out;
  std::vector<CdxProperty> properties;
  out.type = type_name(component.type, context, properties);
  out.bom_ref = std::move(ref);
  if (!component.supplier.empty()) {
    out.supplier = entity(component.supplier, context.losses);
  }
  if (context.minor >= 6) {
    for (const auto& author : component.authors) {
      out.authors.push_back(contact(author, context.losses));
    }
  } else {
    for (const auto& author : component.authors) {
      if (!author.url.empty() && (!author.name.empty() || !author.email.empty())) {
        context.losses.add("link of a person or contact (CycloneDX contacts have no field for it)");
      }
      std::string text = party_text(author);
      if (!text.empty()) {
        out.author += out.author.empty() ? text : ", " + text;
      }
    }
  }
  out.group = component.group;
  out.name = component.name;
  out.version = component.version;
  out.description = component.description;
  if (component.scope != model::Scope::unknown) {
    out.scope = std::string(model::scope_name(component.scope));
  }
  out.hashes = map_hashes(component.hashes, context);

  const auto& declared = component.licenses_declared;
  const auto& concluded = component.licenses_concluded;
  if (one_license_array(component, context.minor)) {
    // Acknowledgement tells declared from concluded, so both go in one list.
    std::size_t size = declared.size() + concluded.size();
    add_licenses(out.licenses, declared, "declared", size, context);
    add_licenses(out.licenses, concluded, "concluded", size, context);
  } else {
    const bool acknowledged = context.minor >= 6;
    add_licenses(out.licenses, declared, acknowledged ? "declared" : "", declared.size(), context);
    add_licenses(out.evidence_licenses, concluded, acknowledged ? "concluded" : "",
                 concluded.size(), context);
  }

  if (!component.cpes.empty()) {
    out.cpe = component.cpes.front();
    for (std::size_t i = 1; i < component.cpes.size(); ++i) {
      properties.push_back({std::string(property::k_cpe23), component.cpes[i]});
    }
  }
  out.purl = component.purl;

  for (const auto& reference : component.external_references) {
    // An scp-style git address is written as the URL it means; text with
    // no URI form at all is kept as a property rather than written where
    // CycloneDX requires an iri-reference.
    auto url = uri_reference_of(reference.url);
    if (!url) {
      properties.push_back(
          {std::string(property::k_link_text_prefix) + reference.type, reference.url});
    } else if (context.vocabulary.reference_types.count(reference.type) > 0) {
      out.external_references.push_back({reference.type, std::move(*url), ""});
    } else {
      // The comment keeps the real type; readers restore it.
      out.external_references.push_back({"other", std::move(*url), reference.type});
    }
  }

  std::vector<model::Property> rest;
  take_native_fields(out, rest, component.properties, context);
  for (auto& property : rest) {
    properties.push_back({std::move(property.name), std::move(property.value)});
  }
  if (component.development) {
    properties.push_back({std::string(property::k_development), "true"});
  }
  std::set<std::string> scanners;
  for (const auto& evidence : component.evidence) {
    if (!evidence.found_by.empty()) {
      scanners.insert(evidence.found_by);
    }
  }
  for (const auto& scanner : scanners) {
    properties.push_back({std::string(property::k_found_by), scanner});
  }
  map_evidence(component, out, properties, context);
  map_license_evidence(component, out, properties, context);
  std::sort(properties.begin(), properties.end(), [](const auto& a, const auto& b) {
    return std::tie(a.name, a.value) < std::tie(b.name, b.value);
  });
  out.properties = std::move(properties);
  return out;
}

} // namespace kensa::format::cyclonedx
