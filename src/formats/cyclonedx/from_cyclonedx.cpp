#include "from_cyclonedx.hpp"

#include "../common/incompleteness.hpp"
#include "../common/json_access.hpp"
#include "../common/license_lists.hpp"
#include "../common/property_names.hpp"
#include "../common/read_hash.hpp"
#include "../common/two_halves_mapping.hpp"
#include "../common/unread_members.hpp"
#include "../kensa_json/kensa_json_names.hpp"
#include "to_cyclonedx.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/model/license.hpp>
#include <kensa/util/flat_hash_map.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>

namespace kensa::format::cyclonedx {

namespace {

using common::array;
using common::object;
using common::string_of;
using common::text;

struct Reader {
  std::string source;
  const ReadLimits& limits;
  LossReport& losses;
  model::ComponentGraph graph;
  // bom-ref to component id. The refs point into the parsed document,
  // which outlives the mapping: no copy of 100,000 refs to make and free.
  util::FlatHashMap<std::string_view, std::string> id_of_ref;
  std::vector<std::pair<std::string, std::string>> contains;
  // Components of type file: the file inventory, added once every owner's
  // bom-ref is known.
  struct PendingFile {
    model::FileEntry entry;
    std::vector<std::string> other_owner_refs;
  };
  std::vector<PendingFile> files;
  std::size_t components = 0;
  bool too_many = false;
  // LicenseRef- ids to the license names kensa joined into an expression
  // (before 1.7, as document properties): such expressions are split back.
  std::map<std::string, std::string, std::less<>> license_names;
  // Those of them an expression was split at: the names are in the model
  // again, and their properties are dropped (a writer adds them anew).
  std::set<std::string, std::less<>> license_names_used;

  void diagnostic(std::string message) {
    graph.add_diagnostic({model::Severity::warning, source, std::move(message)});
  }
};

model::License license_of(const json::Value& entry) {
  model::License license;
  if (auto expression = text(entry, "expression"); !expression.empty()) {
    auto parsed = model::parse_license_expression(expression);
    if (parsed) {
      license.expression = parsed->canonical;
    } else {
      license.name = expression;
    }
    return license;
  }
  const json::Value& inner = object(entry, "license");
  license.url = text(inner, "url");
  if (auto id = text(inner, "id"); !id.empty()) {
    license.expression = id;
    return license;
  }
  // kensa writes a compound expression among several licenses as a name,
  // since lists before 1.7 cannot mix them: a name that is a valid
  // expression with an operator is one.
  std::string name = text(inner, "name");
  if (name.find(' ') != std::string::npos) {
    if (auto parsed = model::parse_license_expression(name)) {
      license.expression = parsed->canonical;
      return license;
    }
  }
  license.name = name;
  return license;
}

std::string acknowledgement_of(const json::Value& entry) {
  if (auto value = text(entry, "acknowledgement"); !value.empty()) {
    return value;
  }
  return text(object(entry, "license"), "acknowledgement");
}

// "Jane Doe <jane@example.com>, John Roe": how kensa writes several authors
// into the single author field before 1.6.
std::vector<model::Party> parse_author_text(std::string_view value) {
  std::vector<model::Party> parties;
  while (!value.empty()) {
    auto comma = value.find(", ");
    std::string_view one = value.substr(0, comma);
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 2);
    model::Party party;
    auto open = one.rfind(" <");
    if (open != std::string_view::npos && one.back() == '>') {
      party.name = std::string(one.substr(0, open));
      party.email = std::string(one.substr(open + 2, one.size() - open - 3));
    } else if (one.find('@') != std::string_view::npos && one.find(' ') == std::string_view::npos) {
      party.email = std::string(one);
    } else {
      party.name = std::string(one);
    }
    if (!party.empty()) {
      parties.push_back(std::move(party));
    }
  }
  return parties;
}

model::Party contact_party(const json::Value& contact) {
  return model::Party{text(contact, "name"), text(contact, "email"), "", false};
}

model::Party entity_party(const json::Value& entity) {
  model::Party party;
  party.name = text(entity, "name");
  party.is_organization = true;
  for (const auto& url : array(entity, "url")) {
    if (url.is_string()) {
      party.url = string_of(url);
      break;
    }
  }
  for (const auto& contact : array(entity, "contact")) {
    if (auto email = text(contact, "email"); !email.empty()) {
      party.email = email;
      break;
    }
  }
  return party;
}

// Turns one CycloneDX component (without its children) into a model
// component; the kensa:* properties go back into the fields they stand for.
std::vector<model::Hash> read_hashes(const json::Value& json, LossReport& losses) {
  std::vector<model::Hash> hashes;
  for (const auto& hash : array(json, "hashes")) {
    auto read = common::read_hash(hash["alg"].string(), hash["content"].string());
    if (!read) {
      losses.add("hash with an unknown algorithm");
      continue;
    }
    hashes.push_back(std::move(*read));
  }
  return hashes;
}

// A file of an inventory as kensa writes one (--files): a component of type
// file, without purl or version, whose bom-ref is "file:" and its name.
// Other components of type file (a firmware image, a model file) stay
// components.
bool is_file_entry(const json::Value& json) {
  std::string name = text(json, "name");
  return text(json, "type") == "file" && !name.empty() && text(json, "purl").empty() &&
         text(json, "version").empty() &&
         text(json, "bom-ref") == std::string(k_file_ref_prefix) + name;
}

// The file entry for `json`, owned by the component it is nested in.
void add_file_entry(const json::Value& json, const std::string& parent_id, Reader& reader) {
  Reader::PendingFile file;
  file.entry.path = text(json, "name");
  file.entry.hashes = read_hashes(json, reader.losses);
  if (!parent_id.empty()) {
    file.entry.owner_ids.push_back(parent_id);
  }
  std::size_t other_properties = 0;
  for (const auto& property : array(json, "properties")) {
    if (text(property, "name") == property::k_file_also_owned_by) {
      file.other_owner_refs.push_back(text(property, "value"));
    } else {
      ++other_properties;
    }
  }
  reader.losses.add("properties of file components", other_properties);
  reader.losses.add("components nested in file components", array(json, "components").size());
  reader.files.push_back(std::move(file));
}

// Type, parties, names and scope.
void read_identity(const json::Value& json, model::Component& component) {
  std::string type = text(json, "type");
  if (auto parsed = kensa_json::parse_component_type(type)) {
    component.type = *parsed;
  } else if (!type.empty()) {
    component.add_property("kensa:cyclonedx:type", type);
  }
  if (json.contains("supplier")) {
    component.supplier = entity_party(object(json, "supplier"));
  }
  for (const auto& author : array(json, "authors")) {
    component.authors.push_back(contact_party(author));
  }
  if (auto author = text(json, "author"); !author.empty()) {
    for (auto& party : parse_author_text(author)) {
      component.authors.push_back(std::move(party));
    }
  }
  component.group = text(json, "group");
  component.name = text(json, "name");
  component.version = text(json, "version");
  component.description = text(json, "description");
  component.purl = text(json, "purl");
  // Kept so that a CycloneDX document written again names the component,
  // and what refers to it, alike.
  component.bom_ref = text(json, "bom-ref");
  component.ecosystem = common::purl_type(component.purl);
  if (auto scope = kensa_json::parse_scope(text(json, "scope"))) {
    component.scope = *scope;
  }
}

// Declared and concluded licenses (by acknowledgement, and those of the
// evidence), and the copyrights of the evidence.
void read_component_licenses(const json::Value& json, const json::Value& evidence,
                             model::Component& component) {
  for (const auto& entry : array(json, "licenses")) {
    auto license = license_of(entry);
    if (license.expression.empty() && license.name.empty()) {
      continue;
    }
    if (acknowledgement_of(entry) == "concluded") {
      component.licenses_concluded.push_back(std::move(license));
    } else {
      component.licenses_declared.push_back(std::move(license));
    }
  }
  // kensa writes the licenses found in files after the concluded ones,
  // each expression once, and names each in a property: a tail of the
  // array that the properties account for, in order, is evidence.
  for (const auto& property : array(json, "properties")) {
    if (text(property, "name") == property::k_license_evidence) {
      if (auto found = model::parse_license_evidence_text(text(property, "value"))) {
        component.license_evidence.push_back(std::move(*found));
      }
    }
  }
  std::sort(component.license_evidence.begin(), component.license_evidence.end());
  // Those of licenses the SPDX list does not have come last.
  std::vector<std::string> found;
  for (const bool unlisted : {false, true}) {
    for (const auto& item : component.license_evidence) {
      if ((item.method == model::LicenseMatchMethod::unlisted) == unlisted &&
          std::find(found.begin(), found.end(), item.expression) == found.end()) {
        found.push_back(item.expression);
      }
    }
  }
  std::vector<model::License> listed;
  for (const auto& entry : array(evidence, "licenses")) {
    auto license = license_of(entry);
    if (license.expression.empty() && license.name.empty()) {
      continue;
    }
    // The text of a LicenseRef- found in a file (--license-text full).
    const json::Value& text_of = object(object(entry, "license"), "text");
    if (auto content = text(text_of, "content");
        !content.empty() && text(text_of, "encoding").empty()) {
      for (auto& item : component.license_evidence) {
        if (item.method == model::LicenseMatchMethod::unlisted && item.expression == license.name) {
          item.text = content;
        }
      }
    }
    listed.push_back(std::move(license));
  }
  if (!found.empty() && listed.size() >= found.size() &&
      std::equal(
          found.begin(), found.end(), listed.end() - static_cast<std::ptrdiff_t>(found.size()),
          [](const std::string& expression, const model::License& license) {
            return expression == (license.expression.empty() ? license.name : license.expression);
          })) {
    listed.resize(listed.size() - found.size());
  }
  for (auto& license : listed) {
    component.licenses_concluded.push_back(std::move(license));
  }
  for (const auto& entry : array(evidence, "copyright")) {
    if (auto copyright = text(entry, "text"); !copyright.empty()) {
      component.copyrights.push_back(copyright);
    }
  }
}

// The CPE, external references, and the fields the model keeps as
// properties (publisher, mime-type, copyright, OmniBOR ids, SWHIDs, tags).
void read_links(const json::Value& json, model::Component& component) {
  if (auto cpe = text(json, "cpe"); !cpe.empty()) {
    component.cpes.push_back(cpe);
  }
  for (const auto& reference : array(json, "externalReferences")) {
    std::string reference_type = text(reference, "type");
    std::string comment = text(reference, "comment");
    // kensa writes a link type the version lacks as "other" with the real
    // type in the comment.
    if (reference_type == "other" && !comment.empty() && comment.find(' ') == std::string::npos) {
      reference_type = comment;
    }
    component.external_references.push_back({reference_type, text(reference, "url")});
  }
  for (const auto& [member, name] : {std::pair{"publisher", property::k_cdx_publisher},
                                     std::pair{"mime-type", property::k_cdx_mime_type},
                                     std::pair{"copyright", property::k_copyright}}) {
    if (auto value = text(json, member); !value.empty()) {
      component.add_property(std::string(name), value);
    }
  }
  for (const auto& [member, name] :
       {std::pair{"omniborId", property::k_cdx_omnibor_id},
        std::pair{"swhid", property::k_cdx_swhid}, std::pair{"tags", property::k_cdx_tag}}) {
    for (const auto& value : array(json, member)) {
      if (value.is_string()) {
        component.add_property(std::string(name), string_of(value));
      }
    }
  }
}

// What kensa's own properties say about the evidence, put back with the
// occurrences (read_evidence).
struct KensaProperties {
  std::vector<std::string> found_by;
  std::vector<std::string> locations;
};

// The properties: kensa's go back into the fields they stand for, the
// others stay properties.
KensaProperties read_kensa_properties(const json::Value& json, model::Component& component) {
  KensaProperties kept;
  for (const auto& property : array(json, "properties")) {
    std::string name = text(property, "name");
    std::string value = text(property, "value");
    if (name == property::k_development) {
      component.development = value == "true";
    } else if (name == property::k_found_by) {
      kept.found_by.push_back(value);
    } else if (name == property::k_cpe23) {
      component.cpes.push_back(value);
    } else if (name.starts_with(property::k_link_text_prefix)) {
      // A link kensa could not write as a URL.
      component.external_references.push_back(
          {name.substr(property::k_link_text_prefix.size()), value});
    } else if (name == property::k_location) {
      kept.locations.push_back(value);
    } else if (name == property::k_component_type) {
      if (auto parsed = kensa_json::parse_component_type(value)) {
        component.type = *parsed;
      }
    } else if (name == property::k_scope) {
      if (auto scope = kensa_json::parse_scope(value)) {
        component.scope = *scope;
      }
    } else if (name == property::k_license_evidence && model::parse_license_evidence_text(value)) {
      // Read with the licenses (read_component_licenses).
    } else if (!name.empty()) {
      component.add_property(name, value);
    }
  }
  return kept;
}

// The occurrences of the evidence and kensa's locations, with the scanner
// that found them.
void read_evidence(const json::Value& evidence, KensaProperties kept, model::Component& component) {
  for (const auto& occurrence : array(evidence, "occurrences")) {
    std::string context = text(occurrence, "additionalContext");
    std::string layer = context.starts_with("layer ") ? context.substr(6) : std::string();
    if (!context.empty() && layer.empty()) {
      component.add_property("kensa:cyclonedx:occurrence-context", context);
    }
    component.evidence.push_back({text(occurrence, "location"), layer, ""});
  }
  for (auto& location : kept.locations) {
    component.evidence.push_back({std::move(location), "", ""});
  }
  // Which scanner found which location is not recorded per location: with
  // one scanner it is exact, with several the names stay properties.
  if (kept.found_by.size() == 1) {
    for (auto& item : component.evidence) {
      item.found_by = kept.found_by.front();
    }
    if (component.evidence.empty()) {
      component.evidence.push_back({"", "", kept.found_by.front()});
    }
  } else {
    for (const auto& scanner : kept.found_by) {
      component.add_property(std::string(property::k_found_by), scanner);
    }
  }
}

model::Component map_component(const json::Value& json, LossReport& losses) {
  model::Component component;
  read_identity(json, component);
  component.hashes = read_hashes(json, losses);
  const json::Value& evidence = object(json, "evidence");
  read_component_licenses(json, evidence, component);
  read_links(json, component);
  read_evidence(evidence, read_kensa_properties(json, component), component);
  // What the lines above do not read is kept (pedigree, swid, releaseNotes,
  // ...); nested components are read with their parent.
  common::keep_unread_members(json, {"type",        "bom-ref",   "supplier",   "authors",
                                     "author",      "group",     "name",       "version",
                                     "description", "purl",      "scope",      "hashes",
                                     "licenses",    "evidence",  "cpe",        "externalReferences",
                                     "publisher",   "mime-type", "copyright",  "omniborId",
                                     "swhid",       "tags",      "properties", "components"},
                              "kensa:cyclonedx:", component);
  return component;
}

// map_component with the component's id set; a file entry gives a component
// without id.
model::Component map_identified_component(const json::Value& json, LossReport& losses) {
  if (is_file_entry(json)) {
    return {};
  }
  model::Component component = map_component(json, losses);
  component.id = model::component_id(component);
  // A bom-ref that is the one kensa would give anyway (its purl, or its id
  // as kensa writes a component without one) needs no keeping.
  if (component.bom_ref == component.purl || component.bom_ref == component.id) {
    component.bom_ref.clear();
  }
  return component;
}

// Adds `json` and its nested components; returns the id (empty for a file
// entry, which is not a component). `parent_id` is the id of the component
// it is nested in; `mapped` is what map_identified_component gave for
// `json`, if it was mapped already.
std::string add_component(const json::Value& json, std::size_t depth, Reader& reader,
                          const std::string& parent_id, model::Component* mapped = nullptr) {
  if (++reader.components > reader.limits.max_components) {
    reader.too_many = true;
    return "";
  }
  model::Component component =
      mapped != nullptr ? std::move(*mapped) : map_identified_component(json, reader.losses);
  if (component.id.empty()) {
    add_file_entry(json, parent_id, reader);
    return "";
  }
  common::split_joined_list(component.licenses_declared, reader.license_names,
                            &reader.license_names_used);
  common::split_joined_list(component.licenses_concluded, reader.license_names,
                            &reader.license_names_used);
  const std::string_view ref = json["bom-ref"].string();
  std::size_t before = reader.graph.component_count();
  std::string id = reader.graph.add_identified(std::move(component));
  if (reader.graph.component_count() == before) {
    reader.losses.add("components that duplicate another (merged)");
  }
  if (!ref.empty()) {
    if (!reader.id_of_ref.try_emplace(ref, id).second) {
      reader.diagnostic("bom-ref \"" + std::string(ref) +
                        "\" is used twice; the first one is kept");
    }
  }
  const json::Value& children = array(json, "components");
  if (!children.empty() && depth >= reader.limits.max_nesting) {
    reader.diagnostic("components nested deeper than " + std::to_string(reader.limits.max_nesting) +
                      " levels were skipped");
    reader.losses.add("components nested too deep", children.size());
    return id;
  }
  for (const auto& child : children) {
    if (!child.is_object()) {
      continue;
    }
    std::string child_id = add_component(child, depth + 1, reader, id);
    if (!child_id.empty()) {
      reader.contains.emplace_back(id, child_id);
    }
  }
  return id;
}

// add_component() for every top-level component of a big document none of
// whose components contains others (the usual shape), `mapped` being what
// map_in_parallel gave: the same graph, refs and losses, but the list of
// mapped components becomes the graph's own instead of being moved into it
// one by one.
void add_flat_components(const json::Value& components, std::vector<model::Component> mapped,
                         Reader& reader) {
  for (std::size_t index = 0; index < mapped.size(); ++index) {
    const json::Value json = components[index];
    if (!json.is_object()) {
      continue;
    }
    ++reader.components;
    model::Component& component = mapped[index];
    if (component.id.empty()) {
      add_file_entry(json, "", reader);
      continue;
    }
    common::split_joined_list(component.licenses_declared, reader.license_names,
                              &reader.license_names_used);
    common::split_joined_list(component.licenses_concluded, reader.license_names,
                              &reader.license_names_used);
  }
  const auto added = reader.graph.add_identified_all(std::move(mapped));
  for (std::size_t index = 0; index < added.size(); ++index) {
    if (added[index].place == model::ComponentGraph::k_not_added) {
      continue;
    }
    if (added[index].merged) {
      reader.losses.add("components that duplicate another (merged)");
    }
    const std::string_view ref = components[index]["bom-ref"].string();
    if (!ref.empty() &&
        !reader.id_of_ref.try_emplace(ref, reader.graph.component_at(added[index].place).id)
             .second) {
      reader.diagnostic("bom-ref \"" + std::string(ref) +
                        "\" is used twice; the first one is kept");
    }
  }
}

// A whole decimal number, as the writer gives the omission count.
bool parse_count(const std::string& text, std::optional<std::uint64_t>& count) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return false;
  }
  count = value;
  return true;
}

// The omissions a kensa document names in its properties, read back so that
// the document written again, in any format, says it is incomplete and
// why. The writer's line for the omissions only counted ("and 12 more";
// properties are sorted, so anywhere) is the count again, not an omission.
void read_omissions(model::DocumentMetadata& metadata,
                    const std::optional<std::uint64_t>& omitted_count) {
  if (omitted_count && *omitted_count >= metadata.omissions.size()) {
    auto more = std::find_if(metadata.omissions.begin(), metadata.omissions.end(),
                             [&](const model::Omission& line) {
                               return common::counted_only(line.reason) ==
                                      *omitted_count - metadata.omissions.size() + 1;
                             });
    if (more != metadata.omissions.end()) {
      metadata.omissions.erase(more);
    }
  }
  metadata.omitted = std::max<std::uint64_t>(omitted_count.value_or(0), metadata.omissions.size());
  // As many named as a scan names; the others are counted.
  if (metadata.omissions.size() > model::k_max_named_omissions) {
    metadata.omissions.resize(model::k_max_named_omissions);
  }
  if (metadata.omitted > 0) {
    metadata.completeness = model::Completeness::incomplete;
  }
}

model::DocumentMetadata map_metadata(const json::Value& bom, Reader& reader,
                                     std::optional<std::string>& subject_ref) {
  model::DocumentMetadata metadata;
  const json::Value& json = object(bom, "metadata");
  metadata.timestamp = text(json, "timestamp");
  if (json.contains("tools") && json["tools"].is_array()) {
    for (const auto& tool : json["tools"]) {
      metadata.tools.push_back({text(tool, "vendor"), text(tool, "name"), text(tool, "version")});
    }
  } else {
    const json::Value& tools = object(json, "tools");
    for (const auto& tool : array(tools, "components")) {
      std::string vendor = text(object(tool, "supplier"), "name");
      if (vendor.empty()) {
        vendor = text(tool, "group");
      }
      metadata.tools.push_back({vendor, text(tool, "name"), text(tool, "version")});
    }
    reader.losses.add("tools that are services", array(tools, "services").size());
  }
  for (const auto& author : array(json, "authors")) {
    auto party = contact_party(author);
    party.is_organization = false;
    metadata.authors.push_back(std::move(party));
  }
  for (const auto& lifecycle : array(json, "lifecycles")) {
    std::string phase = text(lifecycle, "phase");
    if (phase.empty()) {
      phase = text(lifecycle, "name");
    }
    if (metadata.lifecycle.empty()) {
      metadata.lifecycle = phase;
    } else if (!phase.empty()) {
      metadata.properties.push_back({"kensa:cyclonedx:lifecycle", phase});
    }
  }
  std::optional<std::uint64_t> omitted_count;
  for (const auto& property : array(json, "properties")) {
    std::string name = text(property, "name");
    if (name == property::k_lifecycle && metadata.lifecycle.empty()) {
      metadata.lifecycle = text(property, "value");
    } else if (name == common::k_omitted_property) {
      // The line as written ("location: reason"), kept whole: the writers
      // give it back unchanged.
      metadata.omissions.push_back({"", text(property, "value")});
    } else if (name == common::k_omitted_count_property &&
               parse_count(text(property, "value"), omitted_count)) {
      // Kept in omitted_count.
    } else if (!name.empty()) {
      metadata.properties.push_back({name, text(property, "value")});
    }
  }
  read_omissions(metadata, omitted_count);
  if (json.contains("component") && json["component"].is_object()) {
    const json::Value& subject = json["component"];
    model::Component component = map_component(subject, reader.losses);
    subject_ref = text(subject, "bom-ref");
    // A kensa id as bom-ref (a subject without purl) is kept, so that the
    // document written again names the subject alike.
    bool kensa_id = subject_ref->size() == 16 &&
                    subject_ref->find_first_not_of("0123456789abcdef") == std::string::npos;
    component.id = kensa_id ? *subject_ref : model::component_id(component);
    if (component.bom_ref == component.purl || component.bom_ref == component.id) {
      component.bom_ref.clear();
    }
    if (subject_ref->empty()) {
      subject_ref.reset();
    }
    reader.losses.add("components nested in the metadata component",
                      array(subject, "components").size());
    metadata.subject = std::move(component);
  }
  const auto& compositions = array(bom, "compositions");
  if (!compositions.empty()) {
    std::string aggregate = text(compositions[0], "aggregate");
    if (aggregate == "complete") {
      metadata.completeness = model::Completeness::complete;
    } else if (aggregate.starts_with("incomplete")) {
      metadata.completeness = model::Completeness::incomplete;
    }
  }
  std::sort(metadata.properties.begin(), metadata.properties.end());
  return metadata;
}

// A big document's top-level components (their own fields; what they
// contain is read with the rest) are mapped on two threads before they are
// added in document order: mapping is most of a read's work and depends on
// nothing else. Gives nothing for small documents, which are mapped as they
// are added.
std::vector<model::Component> map_in_parallel(const json::Value& components, LossReport& losses) {
  if (components.size() < k_two_halves_threshold) {
    return {};
  }
  return common::map_objects_in_two_halves(components, losses, map_identified_component);
}

} // namespace

Result<MappedDocument> from_cyclonedx(const json::Value& bom, std::string_view source_name,
                                      const ReadLimits& limits, LossReport& losses) {
  Reader reader{std::string(source_name), limits, losses, {}, {}, {}, {}, 0, false, {}, {}};
  // Detection takes a BOM whose other members are CycloneDX's for one even
  // when bomFormat says otherwise; it is read, and the reader says so.
  if (const std::string_view format = bom["bomFormat"].string(); format != "CycloneDX") {
    reader.diagnostic("bomFormat is \"" + std::string(format) +
                      "\", not \"CycloneDX\"; read as CycloneDX for its other members");
  }
  std::optional<std::string> subject_ref;
  model::DocumentMetadata metadata = map_metadata(bom, reader, subject_ref);
  for (const auto& property : metadata.properties) {
    if (property.name.starts_with(property::k_license_ref_name)) {
      reader.license_names.emplace(property.name.substr(property::k_license_ref_name.size()),
                                   property.value);
    }
  }
  if (metadata.subject) {
    common::split_joined_list(metadata.subject->licenses_declared, reader.license_names,
                              &reader.license_names_used);
    common::split_joined_list(metadata.subject->licenses_concluded, reader.license_names,
                              &reader.license_names_used);
  }
  const json::Value components = array(bom, "components");
  std::vector<model::Component> mapped = map_in_parallel(components, losses);
  // One table of the final size: growing it rehashes every ref again at
  // each doubling, 100,000 cache misses a time.
  reader.id_of_ref.reserve(std::min<std::size_t>(components.size(), limits.max_components));
  if (!mapped.empty() && mapped.size() <= limits.max_components &&
      std::none_of(components.begin(), components.end(), [](const json::Value& component) {
        return !array(component, "components").empty();
      })) {
    add_flat_components(components, std::move(mapped), reader);
  } else {
    reader.graph.reserve(components.size());
    std::size_t index = 0;
    for (const auto& component : components) {
      if (component.is_object()) {
        add_component(component, 0, reader, "", mapped.empty() ? nullptr : &mapped[index]);
      }
      ++index;
      if (reader.too_many) {
        return fail("more than " + std::to_string(limits.max_components) + " components");
      }
    }
  }
  // The moved-from components (half a kilobyte each) are freed now, not
  // when the mapping ends.
  mapped = {};
  std::erase_if(metadata.properties, [&](const model::Property& property) {
    return property.name.starts_with(property::k_license_ref_name) &&
           reader.license_names_used.count(
               std::string_view(property.name).substr(property::k_license_ref_name.size())) > 0;
  });
  for (const auto& [from, to] : reader.contains) {
    reader.graph.relate(from, to, model::RelationshipType::contains);
  }
  std::size_t unknown_owners = 0;
  for (auto& file : reader.files) {
    for (const auto& ref : file.other_owner_refs) {
      const std::string* owner = reader.id_of_ref.find(ref);
      if (owner == nullptr) {
        ++unknown_owners;
      } else {
        file.entry.owner_ids.push_back(*owner);
      }
    }
    reader.graph.add_file(std::move(file.entry));
  }
  losses.add("file owners named by an unknown bom-ref", unknown_owners);
  std::size_t unknown = 0;
  for (const auto& dependency : array(bom, "dependencies")) {
    losses.add("provides relationships (the model has no edge for them)",
               array(dependency, "provides").size());
    const std::string_view ref = dependency["ref"].string();
    bool from_subject = subject_ref && ref == *subject_ref;
    const std::string* from = reader.id_of_ref.find(ref);
    if (!from_subject && from == nullptr) {
      unknown += array(dependency, "dependsOn").size();
      continue;
    }
    for (const auto& target : array(dependency, "dependsOn")) {
      if (!target.is_string()) {
        continue;
      }
      const std::string* to = reader.id_of_ref.find(target.string());
      if (to == nullptr) {
        ++unknown;
        continue;
      }
      if (from_subject) {
        reader.graph.relate(metadata.subject->id, *to, model::RelationshipType::describes);
      } else {
        reader.graph.relate(*from, *to, model::RelationshipType::depends_on);
      }
    }
  }
  if (unknown > 0) {
    reader.diagnostic(std::to_string(unknown) +
                      " dependencies name a bom-ref that no component has; dropped");
    losses.add("dependencies on unknown bom-refs", unknown);
  }
  losses.add("services", array(bom, "services").size());
  losses.add("vulnerabilities", array(bom, "vulnerabilities").size());
  losses.add("annotations", array(bom, "annotations").size());
  losses.add("formulation", array(bom, "formulation").size());
  if (bom.contains("declarations")) {
    losses.add("declarations");
  }
  if (bom.contains("definitions")) {
    losses.add("definitions");
  }
  return MappedDocument{std::move(reader.graph), std::move(metadata)};
}

} // namespace kensa::format::cyclonedx
