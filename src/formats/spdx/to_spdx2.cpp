#include "to_spdx2.hpp"

#include "../common/incompleteness.hpp"
#include "../common/property_names.hpp"
#include "../common/two_halves_mapping.hpp"
#include "component_facts.hpp"
#include "spdx_ids.hpp"
#include "spdx_licenses.hpp"
#include "spdx_metadata.hpp"

#include <kensa/model/generation_context.hpp>
#include <kensa/model/hash.hpp>
#include <kensa/model/license.hpp>
#include <kensa/version.hpp>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kensa::format::spdx {

namespace {

// licenseInfoFromFiles of a package whose files were analysed: each listed
// license its license files show (license evidence), once, in order;
// NOASSERTION when they show none. SPDX 2 wants single licenses there, so
// an expression an identifier line gave is split into its ids; a
// LicenseRef- only where the evidence holds its text (--license-text
// full), which hasExtractedLicensingInfos then defines.
std::vector<std::string> licenses_from_files(const model::Component& component) {
  std::vector<std::string> ids;
  for (const auto& evidence : component.license_evidence) {
    if (evidence.method == model::LicenseMatchMethod::unlisted) {
      if (!evidence.text.empty() &&
          std::find(ids.begin(), ids.end(), evidence.expression) == ids.end()) {
        ids.push_back(evidence.expression);
      }
      continue;
    }
    const auto parsed = model::parse_license_expression(evidence.expression);
    if (!parsed) {
      continue;
    }
    for (const auto& id : parsed->license_refs) {
      if (model::LicenseList::bundled().find_license(id) != nullptr &&
          std::find(ids.begin(), ids.end(), id) == ids.end()) {
        ids.push_back(id);
      }
    }
  }
  if (ids.empty()) {
    ids.emplace_back("NOASSERTION");
  }
  return ids;
}

// An external reference locator may not contain white space.
std::string locator(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (c == ' ') {
      out += "%20";
    } else if (c == '\t' || c == '\n' || c == '\r') {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

struct Context {
  std::string version;
  std::string created;
  std::string annotator;
  LicenseExpressions& licenses;
  LossReport& losses;
  // Component id to the files it owns.
  const std::unordered_map<std::string, std::vector<const model::FileEntry*>>& owned;
};

std::vector<Spdx2Checksum> checksums(const std::vector<model::Hash>& hashes, Context& context) {
  std::vector<Spdx2Checksum> out;
  for (const auto& hash : hashes) {
    auto algorithm = spdx2_algorithm(hash.algorithm, context.version);
    if (!algorithm) {
      context.losses.add("hash " + std::string(model::hash_algorithm_name(hash.algorithm)) +
                         " (not in SPDX " + context.version + ")");
      continue;
    }
    out.push_back(Spdx2Checksum{*algorithm, hash.hex});
  }
  return out;
}

// The SPDX package verification code: the SHA-1 of the sorted SHA-1s of the
// package's files; empty when a file has no SHA-1, since it cannot then be
// computed and the files cannot count as analyzed.
std::string verification_code(const std::vector<const model::FileEntry*>& files) {
  std::vector<std::string> sha1s;
  for (const auto* file : files) {
    auto sha1 = std::find_if(file->hashes.begin(), file->hashes.end(), [](const model::Hash& h) {
      return h.algorithm == model::HashAlgorithm::sha1;
    });
    if (sha1 == file->hashes.end()) {
      return "";
    }
    sha1s.push_back(sha1->hex);
  }
  return model::package_verification_code(std::move(sha1s));
}

// The package for `component`, all but its license expressions (see
// set_licenses). Reads nothing but the component and the context and counts
// into context.losses, so a big document's packages are mapped on two
// threads, each with a context of its own.
Spdx2Package map_package(const model::Component& component, bool subject, Context& context) {
  Spdx2Package package;
  package.spdx_id = package_spdx_id(component, subject);
  package.name = component.group.empty() ? component.name : component.group + "/" + component.name;
  if (package.name.empty()) {
    package.name = "unnamed";
  }
  package.version_info = component.version;
  package.supplier = actor_text(component.supplier);
  if (!component.supplier.url.empty()) {
    context.losses.add("supplier URL (SPDX 2 has no field for it)");
  }
  if (!component.authors.empty()) {
    package.originator = actor_text(component.authors.front());
  }

  bool have_download = false;
  bool have_homepage = false;
  for (const auto& reference : component.external_references) {
    if (reference.type == "distribution" && !have_download) {
      package.download_location = reference.url;
      have_download = true;
    } else if (reference.type == "website" && !have_homepage) {
      package.homepage = reference.url;
      have_homepage = true;
    } else {
      // SPDX lets an OTHER reference have any type word, so every link
      // survives with its CycloneDX type.
      package.external_refs.push_back(
          Spdx2ExternalRef{"OTHER", reference.type.empty() ? "other" : locator(reference.type),
                           locator(reference.url), ""});
    }
  }

  auto owned = context.owned.find(component.id);
  package.files_analyzed = false;
  if (owned != context.owned.end() && !owned->second.empty()) {
    package.verification_code = verification_code(owned->second);
    package.files_analyzed = !package.verification_code.empty();
  }
  if (*package.files_analyzed) {
    package.license_info_from_files = licenses_from_files(component);
  }
  context.licenses.add_unlisted_texts(component.license_evidence);
  package.checksums = checksums(component.hashes, context);
  package.copyright_text = copyright_text_of(component);
  if (package.copyright_text.empty()) {
    package.copyright_text = "NOASSERTION";
  }
  for (const auto& property : component.properties) {
    if (property.name == "bsi:component:filename") {
      // The name of the file the component is (BSI's filename element).
      package.package_file_name = property.value;
    }
  }
  package.description = component.description;

  if (!component.purl.empty()) {
    package.external_refs.push_back(
        Spdx2ExternalRef{"PACKAGE-MANAGER", "purl", locator(component.purl), ""});
  }
  for (const auto& cpe : component.cpes) {
    package.external_refs.push_back(Spdx2ExternalRef{
        "SECURITY", cpe.starts_with("cpe:2.3:") ? "cpe23Type" : "cpe22Type", locator(cpe), ""});
  }
  std::sort(package.external_refs.begin(), package.external_refs.end(),
            [](const Spdx2ExternalRef& a, const Spdx2ExternalRef& b) {
              return std::tie(a.category, a.type, a.locator) <
                     std::tie(b.category, b.type, b.locator);
            });

  // Readers take a package without a purpose for a library.
  bool type_recorded = component.type == model::ComponentType::library;
  if (context.version != "2.2") {
    package.primary_purpose = std::string(purpose_of(component.type));
    type_recorded = package.primary_purpose != "OTHER";
    for (const auto& property : component.properties) {
      // A purpose with no component type (SOURCE, ARCHIVE, INSTALL) that a
      // reader kept.
      if (property.name == property::k_spdx_purpose) {
        package.primary_purpose = property.value;
        type_recorded = component.type == model::ComponentType::library;
      }
    }
  }
  FactOptions options;
  options.type_recorded = type_recorded;
  if (auto facts = component_facts(component, options)) {
    package.annotations.push_back(
        Spdx2Annotation{context.annotator, context.created, "OTHER", *facts});
  }
  for (auto& comment : license_evidence_comments(component)) {
    package.annotations.push_back(
        Spdx2Annotation{context.annotator, context.created, "OTHER", std::move(comment)});
  }
  return package;
}

std::string relationship_word(model::RelationshipType type) {
  switch (type) {
  case model::RelationshipType::depends_on:
    return "DEPENDS_ON";
  case model::RelationshipType::dev_depends_on:
    return "DEV_DEPENDENCY_OF";
  case model::RelationshipType::optional_depends_on:
    return "OPTIONAL_DEPENDENCY_OF";
  case model::RelationshipType::contains:
    return "CONTAINS";
  case model::RelationshipType::describes:
    return "DESCRIBES";
  }
  return "OTHER";
}

} // namespace

std::string spdx_document_name(const model::Document& document) {
  for (const auto& property : document.metadata.properties) {
    if (property.name == property::k_spdx_document_name && !property.value.empty()) {
      return property.value;
    }
  }
  if (document.metadata.subject && !document.metadata.subject->name.empty()) {
    return model::display_name(*document.metadata.subject);
  }
  return "kensa-sbom";
}

namespace {

// LicenseExpressions numbers the LicenseRefs it makes in the order it meets
// them: the packages get their expressions one after the other, in document
// order.
void set_licenses(Spdx2Package& package, const model::Component& component, Context& context) {
  package.license_concluded =
      context.licenses.expression(component.licenses_concluded, context.losses);
  package.license_declared =
      context.licenses.expression(component.licenses_declared, context.losses);
}

// The document's name, namespace and creation information.
void write_document_info(const model::DocumentMetadata& metadata, Spdx2Document& out,
                         LossReport& losses) {
  out.created = metadata.timestamp.empty() ? "1970-01-01T00:00:00Z" : metadata.timestamp;
  for (const auto& tool : metadata.tools) {
    std::string creator = "Tool: " + tool_name(tool);
    if (std::find(out.creators.begin(), out.creators.end(), creator) == out.creators.end()) {
      out.creators.push_back(std::move(creator));
    }
  }
  count_metadata_losses(metadata, losses);
  if (!metadata.lifecycle.empty()) {
    // SPDX 2 has no field for it: the creator comment states it.
    out.creator_comment = model::generation_context_line(metadata.lifecycle);
  }
  for (const auto& author : metadata.authors) {
    if (auto text = actor_text(author); !text.empty()) {
      out.creators.push_back(text);
    }
  }
  if (out.creators.empty()) {
    out.creators.push_back("Tool: " + std::string(k_name) + "-" + k_version);
  }
  out.license_list_version = model::LicenseList::bundled().version();
  // SPDX 2 has no completeness field: the document says so in an annotation.
  if (std::string statement = common::incompleteness_statement(metadata); !statement.empty()) {
    out.annotations.push_back(Spdx2Annotation{"Tool: " + std::string(k_name) + "-" + k_version,
                                              out.created, "OTHER", std::move(statement)});
  }
}

// Component id to the index of its package; the views point into the
// document, and a flat index costs far less than a map of string copies.
struct PackageIndex {
  const Spdx2Document& out;
  std::unordered_map<std::string_view, std::size_t> package_of;

  // The SPDXID of component `id`'s package, or nullptr.
  const std::string* spdx_id_of(std::string_view id) const {
    auto found = package_of.find(id);
    return found == package_of.end() ? nullptr : &out.packages[found->second].spdx_id;
  }
};

// A package for the subject and for each component, in document order.
void write_packages(const model::Document& document, Context& context, PackageIndex& index,
                    Spdx2Document& out) {
  const auto& metadata = document.metadata;
  index.package_of.reserve(document.components.size() + 1);
  if (metadata.subject) {
    out.packages.push_back(map_package(*metadata.subject, true, context));
    set_licenses(out.packages.back(), *metadata.subject, context);
    index.package_of.emplace(metadata.subject->id, out.packages.size() - 1);
    out.relationships.push_back({out.spdx_id, "DESCRIBES", out.packages.back().spdx_id, ""});
  }
  const std::size_t first = out.packages.size();
  const std::size_t count = document.components.size();
  out.packages.resize(first + count);
  const auto map_range = [&](std::size_t begin, std::size_t end, LossReport& into) {
    Context half{context.version, context.created, context.annotator, context.licenses, into,
                 context.owned};
    for (std::size_t i = begin; i < end; ++i) {
      out.packages[first + i] = map_package(document.components[i], false, half);
    }
  };
  if (count >= k_two_halves_threshold) {
    common::run_in_two_halves(count, context.losses, map_range);
  } else {
    map_range(0, count, context.losses);
  }
  for (std::size_t i = 0; i < count; ++i) {
    set_licenses(out.packages[first + i], document.components[i], context);
    index.package_of.emplace(document.components[i].id, first + i);
  }
}

// Without a subject the document describes the components nothing else
// points to.
void write_top_level_describes(const model::Document& document, const PackageIndex& index,
                               Spdx2Document& out) {
  std::unordered_set<std::string_view> has_incoming;
  has_incoming.reserve(document.relationships.size());
  for (const auto& relationship : document.relationships) {
    has_incoming.insert(relationship.to);
  }
  for (const auto& component : document.components) {
    if (has_incoming.count(component.id) == 0) {
      out.relationships.push_back({out.spdx_id, "DESCRIBES", *index.spdx_id_of(component.id), ""});
    }
  }
}

// The file inventory, each file CONTAINed by the packages that own it.
void write_files(const model::Document& document, Context& context, const PackageIndex& index,
                 Spdx2Document& out) {
  for (const auto& file : document.files) {
    Spdx2File entry;
    entry.spdx_id = file_spdx_id(file);
    entry.file_name =
        file.path.starts_with("./") || file.path.starts_with("/") ? file.path : "./" + file.path;
    entry.checksums = checksums(file.hashes, context);
    entry.license_concluded = "NOASSERTION";
    entry.license_info_in_files.push_back("NOASSERTION");
    entry.copyright_text = "NOASSERTION";
    for (const auto& owner : file.owner_ids) {
      if (const std::string* package = index.spdx_id_of(owner)) {
        out.relationships.push_back({*package, "CONTAINS", entry.spdx_id, ""});
      }
    }
    out.files.push_back(std::move(entry));
  }
}

void write_relationships(const model::Document& document, const PackageIndex& index,
                         Spdx2Document& out, LossReport& losses) {
  std::size_t dangling = 0;
  for (const auto& relationship : document.relationships) {
    const std::string* from = index.spdx_id_of(relationship.from);
    const std::string* to = index.spdx_id_of(relationship.to);
    if (from == nullptr || to == nullptr) {
      ++dangling;
      continue;
    }
    std::string word = relationship_word(relationship.type);
    bool reversed = relationship.type == model::RelationshipType::dev_depends_on ||
                    relationship.type == model::RelationshipType::optional_depends_on;
    // SPDX words dev and optional dependencies from the dependency's side:
    // "B DEV_DEPENDENCY_OF A" means A needs B to develop.
    if (reversed) {
      out.relationships.push_back({*to, word, *from, ""});
    } else {
      out.relationships.push_back({*from, word, *to, ""});
    }
  }
  losses.add("relationships to components not in the document", dangling);
}

// The document's own DESCRIBES lines first, as is usual, then by element,
// type and related element, without repeats.
void sort_relationships(std::vector<Spdx2Relationship>& relationships) {
  std::sort(relationships.begin(), relationships.end(),
            [](const Spdx2Relationship& a, const Spdx2Relationship& b) {
              bool a_document = a.element == "SPDXRef-DOCUMENT";
              bool b_document = b.element == "SPDXRef-DOCUMENT";
              return std::tie(b_document, a.element, a.type, a.related) <
                     std::tie(a_document, b.element, b.type, b.related);
            });
  relationships.erase(std::unique(relationships.begin(), relationships.end(),
                                  [](const Spdx2Relationship& a, const Spdx2Relationship& b) {
                                    return a.element == b.element && a.type == b.type &&
                                           a.related == b.related;
                                  }),
                      relationships.end());
}

} // namespace

Spdx2Document to_spdx2(const model::Document& document, std::string_view version,
                       LossReport& losses) {
  const auto& metadata = document.metadata;
  Spdx2Document out;
  out.version = std::string(version);
  out.name = spdx_document_name(document);
  out.document_namespace = document_namespace(out.name);
  write_document_info(metadata, out, losses);

  std::unordered_map<std::string, std::vector<const model::FileEntry*>> owned;
  for (const auto& file : document.files) {
    for (const auto& owner : file.owner_ids) {
      owned[owner].push_back(&file);
    }
  }
  LicenseExpressions licenses(metadata.properties);
  Context context{out.version, out.created, "Tool: " + std::string(k_name) + "-" + k_version,
                  licenses,    losses,      owned};
  PackageIndex index{out, {}};
  write_packages(document, context, index, out);
  if (!metadata.subject) {
    write_top_level_describes(document, index, out);
  }
  write_files(document, context, index, out);
  write_relationships(document, index, out, losses);
  sort_relationships(out.relationships);
  for (auto& extracted : licenses.extracted()) {
    out.extracted_licenses.push_back(Spdx2ExtractedLicense{
        extracted.id, extracted.text, extracted.name, extracted.see_alsos, ""});
  }
  return out;
}

} // namespace kensa::format::spdx
