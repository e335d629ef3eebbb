#include "from_spdx2.hpp"

#include "../common/incompleteness.hpp"
#include "../common/json_access.hpp"
#include "../common/property_names.hpp"
#include "../common/read_hash.hpp"
#include "../common/two_halves_mapping.hpp"
#include "../common/unread_members.hpp"
#include "component_facts.hpp"
#include "extracted_licenses.hpp"
#include "spdx_ids.hpp"
#include "spdx_metadata.hpp"

#include <kensa/model/generation_context.hpp>
#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/model/license.hpp>
#include <kensa/util/flat_hash_map.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

namespace kensa::format::spdx {

namespace {

using common::array;
using common::object;
using common::text;

struct Reader {
  std::string source;
  const ReadLimits& limits;
  LossReport& losses;
  model::ComponentGraph graph;
  ExtractedInfos extracted;
  // The LicenseRef-s whose text license evidence took (attach_unlisted_texts).
  std::set<std::string, std::less<>> unlisted_texts;
  // SPDXID to component id (packages) or file path (files). The SPDXIDs
  // point into the parsed document, which outlives the mapping.
  util::FlatHashMap<std::string_view, std::string> component_of;
  std::unordered_map<std::string_view, std::string> file_of;

  void diagnostic(std::string message) {
    graph.add_diagnostic({model::Severity::warning, source, std::move(message)});
  }
};

std::vector<model::Hash> checksums_of(const json::Value& element, LossReport& losses) {
  std::vector<model::Hash> hashes;
  for (const auto& checksum : array(element, "checksums")) {
    auto hash =
        common::read_hash(checksum["algorithm"].string(), checksum["checksumValue"].string());
    if (!hash) {
      losses.add("checksum with an algorithm kensa does not know");
      continue;
    }
    hashes.push_back(std::move(*hash));
  }
  return hashes;
}

// packageVerificationCode: kept for `kensa verify`, which checks it against
// the files delivered.
model::VerificationCode verification_code_of(const json::Value& package) {
  const json::Value code = object(package, "packageVerificationCode");
  model::VerificationCode out;
  out.value = to_lower_ascii(code["packageVerificationCodeValue"].string());
  for (const auto& file : array(code, "packageVerificationCodeExcludedFiles")) {
    if (file.is_string()) {
      out.excluded_files.push_back(common::string_of(file));
    }
  }
  return out;
}

model::Component map_package(const json::Value& package, const ExtractedInfos& extracted,
                             LossReport& losses) {
  model::Component component;
  component.name = text(package, "name");
  component.version = text(package, "versionInfo");
  component.supplier = parse_actor(text(package, "supplier"));
  if (auto originator = parse_actor(text(package, "originator")); !originator.empty()) {
    component.authors.push_back(std::move(originator));
  }
  if (auto download = text(package, "downloadLocation"); !common::says_nothing(download)) {
    component.external_references.push_back({"distribution", download});
  }
  if (auto homepage = text(package, "homepage"); !common::says_nothing(homepage)) {
    component.external_references.push_back({"website", homepage});
  }
  component.hashes = checksums_of(package, losses);
  component.verification_code = verification_code_of(package);
  component.licenses_concluded =
      licenses_of_expression(text(package, "licenseConcluded"), extracted);
  component.licenses_declared = licenses_of_expression(text(package, "licenseDeclared"), extracted);
  if (auto copyright = text(package, "copyrightText"); !common::says_nothing(copyright)) {
    component.add_property(std::string(property::k_copyright), copyright);
  }
  component.description = text(package, "description");
  for (const auto& [member, name] :
       {std::pair{"summary", "kensa:spdx:summary"}, std::pair{"comment", "kensa:spdx:comment"},
        std::pair{"sourceInfo", "kensa:spdx:source-info"},
        std::pair{"packageFileName", "kensa:spdx:package-file-name"},
        std::pair{"licenseComments", "kensa:spdx:license-comments"},
        std::pair{"releaseDate", "kensa:spdx:release-date"},
        std::pair{"builtDate", "kensa:spdx:built-date"},
        std::pair{"validUntilDate", "kensa:spdx:valid-until-date"}}) {
    if (auto value = text(package, member); !value.empty()) {
      component.add_property(name, value);
    }
  }
  for (const auto& reference : array(package, "externalRefs")) {
    std::string category = text(reference, "referenceCategory");
    std::string type = text(reference, "referenceType");
    std::string locator = text(reference, "referenceLocator");
    if (type == "purl" && component.purl.empty()) {
      component.purl = locator;
    } else if (type == "cpe23Type" || type == "cpe22Type") {
      component.cpes.push_back(locator);
    } else if (category == "OTHER") {
      component.external_references.push_back({type, locator});
    } else {
      component.add_property("kensa:spdx:external-ref", category + " " + type + " " + locator);
    }
  }
  component.ecosystem = common::purl_type(component.purl);
  if (auto purpose = text(package, "primaryPackagePurpose"); !purpose.empty()) {
    if (auto type = type_of_purpose(purpose)) {
      component.type = *type;
    } else if (purpose != "OTHER") {
      component.add_property(std::string(property::k_spdx_purpose), purpose);
    }
  }
  for (const auto& annotation : array(package, "annotations")) {
    std::string comment = text(annotation, "comment");
    if (!apply_component_facts(comment, component)) {
      component.add_property("kensa:spdx:annotation", comment);
    }
  }
  // kensa names a package "group/name"; the facts gave the group back.
  if (!component.group.empty() && component.name.starts_with(component.group + "/")) {
    component.name = component.name.substr(component.group.size() + 1);
  }
  // What the lines above do not read is kept (attributionTexts, ...);
  // files and the licenses found in them are the files' own, read with
  // them.
  common::keep_unread_members(package,
                              {"SPDXID",
                               "name",
                               "versionInfo",
                               "supplier",
                               "originator",
                               "downloadLocation",
                               "homepage",
                               "checksums",
                               "licenseConcluded",
                               "licenseDeclared",
                               "copyrightText",
                               "description",
                               "summary",
                               "comment",
                               "sourceInfo",
                               "packageFileName",
                               "licenseComments",
                               "releaseDate",
                               "builtDate",
                               "validUntilDate",
                               "externalRefs",
                               "primaryPackagePurpose",
                               "annotations",
                               "filesAnalyzed",
                               "hasFiles",
                               "packageVerificationCode",
                               "licenseInfoFromFiles"},
                              "kensa:spdx:", component);
  return component;
}

model::DocumentMetadata map_metadata(const json::Value& document) {
  model::DocumentMetadata metadata;
  const json::Value& info = object(document, "creationInfo");
  metadata.timestamp = text(info, "created");
  for (const auto& creator : array(info, "creators")) {
    if (!creator.is_string()) {
      continue;
    }
    std::string value = common::string_of(creator);
    if (value.starts_with("Tool:")) {
      std::string tool = value.substr(5);
      while (!tool.empty() && tool.front() == ' ') {
        tool.erase(0, 1);
      }
      metadata.tools.push_back(tool_of_name(tool));
    } else if (auto party = parse_actor(value); !party.empty()) {
      metadata.authors.push_back(std::move(party));
    }
  }
  if (auto name = text(document, "name"); !name.empty()) {
    metadata.properties.push_back({std::string(property::k_spdx_document_name), name});
  }
  if (auto comment = text(document, "comment"); !comment.empty()) {
    metadata.properties.push_back({"kensa:spdx:document-comment", comment});
  }
  if (auto comment = text(info, "comment"); !comment.empty()) {
    metadata.lifecycle = model::lifecycle_in_comment(comment);
    if (auto rest = model::comment_without_generation_context(comment); !rest.empty()) {
      metadata.properties.push_back({"kensa:spdx:creator-comment", std::move(rest)});
    }
  }
  return metadata;
}

std::optional<std::pair<model::RelationshipType, bool>> relationship_kind(std::string_view type) {
  using model::RelationshipType;
  // The bool says whether SPDX words the edge from its target's side.
  if (type == "DEPENDS_ON") {
    return std::pair{RelationshipType::depends_on, false};
  }
  if (type == "DEPENDENCY_OF" || type == "RUNTIME_DEPENDENCY_OF") {
    return std::pair{RelationshipType::depends_on, true};
  }
  if (type == "DEV_DEPENDENCY_OF" || type == "TEST_DEPENDENCY_OF" ||
      type == "BUILD_DEPENDENCY_OF") {
    return std::pair{RelationshipType::dev_depends_on, true};
  }
  if (type == "OPTIONAL_DEPENDENCY_OF") {
    return std::pair{RelationshipType::optional_depends_on, true};
  }
  if (type == "CONTAINS") {
    return std::pair{RelationshipType::contains, false};
  }
  if (type == "CONTAINED_BY") {
    return std::pair{RelationshipType::contains, true};
  }
  if (type == "DESCRIBES") {
    return std::pair{RelationshipType::describes, false};
  }
  if (type == "DESCRIBED_BY") {
    return std::pair{RelationshipType::describes, true};
  }
  return std::nullopt;
}

void read_extracted_licenses(const json::Value& document, Reader& reader,
                             model::DocumentMetadata& metadata) {
  for (const auto& license : array(document, "hasExtractedLicensingInfos")) {
    std::string id = text(license, "licenseId");
    if (id.empty()) {
      continue;
    }
    ExtractedInfo info{text(license, "extractedText"), text(license, "name"), ""};
    for (const auto& see_also : array(license, "seeAlsos")) {
      if (see_also.is_string()) {
        info.url = common::string_of(see_also);
        break;
      }
    }
    keep_extracted_license(id, info, metadata.properties);
    reader.extracted.emplace(id, std::move(info));
  }
}

// The SPDXIDs of the packages the document describes.
std::set<std::string> described_packages(const json::Value& document,
                                         const std::string& document_id) {
  std::set<std::string> described;
  for (const auto& id : array(document, "documentDescribes")) {
    if (id.is_string()) {
      described.insert(common::string_of(id));
    }
  }
  for (const auto& relationship : array(document, "relationships")) {
    std::string type = text(relationship, "relationshipType");
    if (type == "DESCRIBES" && text(relationship, "spdxElementId") == document_id) {
      described.insert(text(relationship, "relatedSpdxElement"));
    } else if (type == "DESCRIBED_BY" && text(relationship, "relatedSpdxElement") == document_id) {
      described.insert(text(relationship, "spdxElementId"));
    }
  }
  return described;
}

// The SPDXID of the document's subject: kensa's subject package, else the
// one package the document describes; empty when there is none.
std::string subject_spdx_id_of(const json::Value& document, const std::string& document_id) {
  const std::set<std::string> described = described_packages(document, document_id);
  std::string subject_spdx_id;
  for (const auto& id : described) {
    if (id.starts_with("SPDXRef-Subject-")) {
      subject_spdx_id = id;
    }
  }
  // kensa names its subject so; a document it wrote without one describes
  // its top-level components, and none of them is a subject.
  bool written_by_kensa = false;
  for (const auto& creator : array(object(document, "creationInfo"), "creators")) {
    written_by_kensa = written_by_kensa || creator.string().starts_with("Tool: kensa-");
  }
  if (subject_spdx_id.empty() && described.size() == 1 && !written_by_kensa) {
    subject_spdx_id = *described.begin();
  }
  return subject_spdx_id;
}

// The subject's package as the model's subject: kensa ids are kept in the
// SPDXID, so a subject read back has the id it was written with.
void take_subject(model::Component& component, std::string_view spdx_id) {
  component.id = component_id_from_spdx_id(spdx_id);
  if (component.id.empty()) {
    component.id = model::component_id(component);
  }
}

// add_packages() for a big document whose packages were mapped already
// (`mapped`, one per package): the same graph, tables and losses, but the
// list of mapped packages becomes the graph's own instead of being moved
// into it one by one.
std::string add_premapped_packages(const json::Value& packages, const std::string& subject_spdx_id,
                                   std::vector<model::Component> mapped, Reader& reader,
                                   model::DocumentMetadata& metadata) {
  std::string subject_id;
  std::size_t subject_index = mapped.size();
  for (std::size_t index = 0; index < mapped.size(); ++index) {
    const json::Value package = packages[index];
    if (!package.is_object()) {
      continue;
    }
    model::Component& component = mapped[index];
    attach_unlisted_texts(component, reader.extracted, reader.unlisted_texts);
    if (!subject_spdx_id.empty() && package["SPDXID"].string() == subject_spdx_id &&
        !metadata.subject) {
      take_subject(component, subject_spdx_id);
      subject_id = component.id;
      metadata.subject = std::move(component);
      // Left out of the graph.
      component.id.clear();
      subject_index = index;
    }
  }
  const auto added = reader.graph.add_identified_all(std::move(mapped));
  for (std::size_t index = 0; index < added.size(); ++index) {
    const std::string_view spdx_id = packages[index]["SPDXID"].string();
    if (index == subject_index) {
      if (auto [id, inserted] = reader.component_of.try_emplace(spdx_id, subject_id); !inserted) {
        *id = subject_id;
      }
      continue;
    }
    if (added[index].place == model::ComponentGraph::k_not_added) {
      continue;
    }
    if (added[index].merged) {
      reader.losses.add("packages that duplicate another (merged)");
    }
    if (!reader.component_of.try_emplace(spdx_id, reader.graph.component_at(added[index].place).id)
             .second) {
      reader.diagnostic("SPDXID " + std::string(spdx_id) + " is used twice");
    }
  }
  return subject_id;
}

// Maps the packages into the graph, the subject into the metadata; gives
// the subject's component id (empty without one).
std::string add_packages(const json::Value& packages, const std::string& subject_spdx_id,
                         Reader& reader, model::DocumentMetadata& metadata) {
  // One table of the final size: growing it rehashes every SPDXID again
  // at each doubling.
  reader.component_of.reserve(packages.size());
  // Mapping a package depends on nothing but the package and the extracted
  // licenses, so a big document's packages are mapped on two threads first
  // (each with its own loss report), then added in document order.
  if (packages.size() >= k_two_halves_threshold) {
    std::vector<model::Component> mapped = common::map_objects_in_two_halves(
        packages, reader.losses, [&](const json::Value& package, LossReport& half_losses) {
          model::Component component = map_package(package, reader.extracted, half_losses);
          component.id = model::component_id(component);
          return component;
        });
    return add_premapped_packages(packages, subject_spdx_id, std::move(mapped), reader, metadata);
  }
  std::string subject_id;
  for (const auto& package : packages) {
    if (!package.is_object()) {
      continue;
    }
    const std::string_view spdx_id = package["SPDXID"].string();
    model::Component component = map_package(package, reader.extracted, reader.losses);
    component.id = model::component_id(component);
    attach_unlisted_texts(component, reader.extracted, reader.unlisted_texts);
    if (!subject_spdx_id.empty() && spdx_id == subject_spdx_id && !metadata.subject) {
      take_subject(component, spdx_id);
      subject_id = component.id;
      if (auto [id, added] = reader.component_of.try_emplace(spdx_id, component.id); !added) {
        *id = component.id;
      }
      metadata.subject = std::move(component);
      continue;
    }
    std::size_t before = reader.graph.component_count();
    std::string id = reader.graph.add_identified(std::move(component));
    if (reader.graph.component_count() == before) {
      reader.losses.add("packages that duplicate another (merged)");
    }
    if (!reader.component_of.try_emplace(spdx_id, id).second) {
      reader.diagnostic("SPDXID " + std::string(spdx_id) + " is used twice");
    }
  }
  return subject_id;
}

// The document's files by SPDXID, each with the packages whose hasFiles
// name it.
std::map<std::string_view, model::FileEntry>
read_files(const json::Value& document, const json::Value& packages, Reader& reader) {
  for (const auto& file : array(document, "files")) {
    std::string path = text(file, "fileName");
    if (path.starts_with("./")) {
      path.erase(0, 2);
    }
    reader.file_of[file["SPDXID"].string()] = path;
  }
  std::map<std::string_view, model::FileEntry> files;
  for (const auto& file : array(document, "files")) {
    const std::string_view spdx_id = file["SPDXID"].string();
    model::FileEntry entry;
    entry.path = reader.file_of[spdx_id];
    entry.hashes = checksums_of(file, reader.losses);
    common::count_unread_file_members(file, {"fileName", "SPDXID", "checksums"}, reader.losses);
    files[spdx_id] = std::move(entry);
  }
  for (const auto& package : packages) {
    for (const auto& file_id : array(package, "hasFiles")) {
      if (!file_id.is_string()) {
        continue;
      }
      const std::string* owner = reader.component_of.find(package["SPDXID"].string());
      auto found = files.find(file_id.string());
      if (owner != nullptr && found != files.end()) {
        found->second.owner_ids.push_back(*owner);
      }
    }
  }
  return files;
}

// What the relationships between packages and files say; those that name
// the document itself (its DESCRIBES) were read with the subject.
void add_relationships(const json::Value& document, std::string_view document_id,
                       const std::string& subject_id,
                       std::map<std::string_view, model::FileEntry>& files, Reader& reader) {
  std::map<std::string, std::size_t> unsupported;
  std::size_t dangling = 0;
  // A package's relationships usually come together (kensa writes them
  // sorted): the lookup of their common element is made once.
  std::string_view last_from_spdx;
  const std::string* last_from = nullptr;
  for (const auto& relationship : array(document, "relationships")) {
    const std::string_view type = relationship["relationshipType"].string();
    const std::string_view element = relationship["spdxElementId"].string();
    const std::string_view related = relationship["relatedSpdxElement"].string();
    if (element == document_id || related == document_id) {
      continue;
    }
    auto kind = relationship_kind(type);
    if (!kind) {
      ++unsupported[std::string(type)];
      continue;
    }
    auto [model_type, reversed] = *kind;
    const std::string_view from_spdx = reversed ? related : element;
    const std::string_view to_spdx = reversed ? element : related;
    if (last_from_spdx.data() == nullptr || from_spdx != last_from_spdx) {
      last_from_spdx = from_spdx;
      last_from = reader.component_of.find(from_spdx);
    }
    const std::string* from = last_from;
    if (model_type == model::RelationshipType::contains && from != nullptr) {
      if (auto file = files.find(to_spdx); file != files.end()) {
        file->second.owner_ids.push_back(*from);
        continue;
      }
    }
    const std::string* to = reader.component_of.find(to_spdx);
    if (from == nullptr || to == nullptr) {
      ++dangling;
      continue;
    }
    if (model_type == model::RelationshipType::describes && *from != subject_id) {
      // Only the subject describes in the model; another package's
      // DESCRIBES is kept as a dependency.
      model_type = model::RelationshipType::depends_on;
      reader.losses.add("DESCRIBES between packages read as DEPENDS_ON");
    }
    reader.graph.relate(*from, *to, model_type);
  }
  for (const auto& [type, count] : unsupported) {
    reader.losses.add("relationship " + type + " (the model has no such edge)", count);
  }
  if (dangling > 0) {
    reader.diagnostic(std::to_string(dangling) +
                      " relationships name an element that is not a package or file here");
    reader.losses.add("relationships to elements not in the document", dangling);
  }
}

void add_files(std::map<std::string_view, model::FileEntry>& files, Reader& reader) {
  for (auto& [spdx_id, file] : files) {
    std::sort(file.owner_ids.begin(), file.owner_ids.end());
    file.owner_ids.erase(std::unique(file.owner_ids.begin(), file.owner_ids.end()),
                         file.owner_ids.end());
    reader.graph.add_file(std::move(file));
  }
}

// What kensa's model has no place for, counted. The annotation in which
// kensa says a document is incomplete is read back into `metadata`.
void count_unmapped(const json::Value& document, model::DocumentMetadata& metadata,
                    LossReport& losses) {
  losses.add("snippets", array(document, "snippets").size());
  losses.add("external document references", array(document, "externalDocumentRefs").size());
  std::size_t annotations = 0;
  for (const auto& annotation : array(document, "annotations")) {
    if (!common::read_incompleteness_statement(text(annotation, "comment"), metadata)) {
      ++annotations;
    }
  }
  losses.add("document annotations", annotations);
  losses.add("reviews", array(document, "revieweds").size());
}

} // namespace

Result<MappedDocument> from_spdx2(const json::Value& document, std::string_view source_name,
                                  const ReadLimits& limits, LossReport& losses) {
  Reader reader{std::string(source_name), limits, losses, {}, {}, {}, {}, {}};
  model::DocumentMetadata metadata = map_metadata(document);
  read_extracted_licenses(document, reader, metadata);
  const std::string document_id = text(document, "SPDXID");
  const std::string subject_spdx_id = subject_spdx_id_of(document, document_id);
  const json::Value& packages = array(document, "packages");
  if (packages.size() > limits.max_components) {
    return fail("more than " + std::to_string(limits.max_components) + " packages");
  }
  const std::string subject_id = add_packages(packages, subject_spdx_id, reader, metadata);
  drop_kept_license_texts(reader.unlisted_texts, metadata.properties);
  auto files = read_files(document, packages, reader);
  add_relationships(document, document_id, subject_id, files, reader);
  add_files(files, reader);
  count_unmapped(document, metadata, losses);
  std::sort(metadata.properties.begin(), metadata.properties.end());
  return MappedDocument{std::move(reader.graph), std::move(metadata)};
}

} // namespace kensa::format::spdx
