#include "java_archives.hpp"

#include "archive_name.hpp"
#include "manifest.hpp"
#include "maven_component.hpp"
#include "pom_xml.hpp"
#include "properties_file.hpp"

#include <kensa/model/component.hpp>
#include <kensa/model/hash.hpp>
#include <kensa/model/license.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace kensa::scanner::java {

namespace {

constexpr std::string_view k_summary_prefix = "kensa-java-archive-sha1:";
// The summary of a file named like a Java archive that is not a zip.
constexpr std::string_view k_not_zip_summary = "kensa-java-not-zip";
constexpr std::string_view k_manifest_path = "META-INF/MANIFEST.MF";
constexpr std::string_view k_pom_properties_glob = "META-INF/maven/*/*/pom.properties";
constexpr std::string_view k_pom_xml_glob = "META-INF/maven/*/*/pom.xml";
// Where an OSGi bundle's localized header values are when its manifest does
// not say (OSGi Core, "Localization").
constexpr std::string_view k_default_localization = "OSGI-INF/l10n/bundle";

// One META-INF/maven/<group>/<artifact>/ folder of an archive.
struct MavenFolder {
  const source::SourceFile* properties = nullptr;
  const source::SourceFile* pom = nullptr;
};

// What one archive holds, gathered from the files the walk delivered.
struct ArchiveFacts {
  std::string layer;
  // Hex SHA-1 of the archive, empty when its bytes were not seen (over the
  // buffering limit, or the archive is the scanned input itself and is not
  // a Java archive by name).
  std::string sha1;
  const source::SourceFile* manifest = nullptr;
  // By "<group>/<artifact>" folder name.
  std::map<std::string, MavenFolder> maven;
  // OSGi localization files, by path in the archive.
  std::map<std::string, const source::SourceFile*, std::less<>> localizations;
  // META-INF/LICENSE*, NOTICE*, COPYING*: the archive's license files.
  std::vector<const source::SourceFile*> license_files;
};

// An OSGi bundle may name itself through its localization file:
// "Bundle-Name: %pluginName" is the value of pluginName in
// <Bundle-Localization>.properties. A value still a key after that is no
// name, nor anything else: it is dropped, and the names fall back on what
// else the manifest says (Bundle-SymbolicName).
void localize(Manifest& manifest, const ArchiveFacts& facts) {
  std::string base(manifest.get("Bundle-Localization"));
  while (base.starts_with('/')) {
    base.erase(0, 1);
  }
  if (base.empty()) {
    base = k_default_localization;
  }
  std::map<std::string, std::string> values;
  if (auto found = facts.localizations.find(base + ".properties");
      found != facts.localizations.end()) {
    values = parse_properties(found->second->contents);
  }
  for (auto& attribute : manifest.main) {
    if (!attribute.value.starts_with('%')) {
      continue;
    }
    auto value = values.find(attribute.value.substr(1));
    attribute.value =
        value != values.end() && !value->second.starts_with('%') ? value->second : std::string();
  }
}

// "a.war!/WEB-INF/lib/b.jar" -> "a.war"; "" for an archive in the root.
std::string_view container_of(std::string_view archive_location) {
  auto cut = archive_location.rfind("!/");
  return cut == std::string_view::npos ? std::string_view() : archive_location.substr(0, cut);
}

// The Maven coordinates of one pom.properties, with the folder names it sits
// in as fallback for missing keys.
struct MavenArtifact {
  std::string group_id;
  std::string artifact_id;
  std::string version;
  const source::SourceFile* properties = nullptr;
  std::optional<PomFile> pom;
};

MavenArtifact read_maven_folder(ScanContext& context, const std::string& folder,
                                const MavenFolder& files) {
  MavenArtifact artifact;
  artifact.properties = files.properties;
  auto values = parse_properties(files.properties->contents);
  auto slash = folder.find('/');
  artifact.group_id = values.count("groupId") ? values["groupId"] : folder.substr(0, slash);
  artifact.artifact_id =
      values.count("artifactId") ? values["artifactId"] : folder.substr(slash + 1);
  artifact.version = values["version"];
  if (artifact.version.empty()) {
    FileReport(context, *files.properties).warn("pom.properties has no version");
  }
  if (files.pom != nullptr) {
    std::string error;
    artifact.pom = parse_pom_xml(files.pom->contents, error);
    if (!artifact.pom) {
      FileReport(context, *files.pom).warn("cannot read pom.xml: " + error);
    }
  }
  return artifact;
}

// The leading numbers of a version: "31.1.0.jre" and "31.1-jre" both give
// {31, 1}; trailing zeros go, since OSGi writes "1.26" as "1.26.0".
std::vector<unsigned long> version_numbers(std::string_view version) {
  std::vector<unsigned long> numbers;
  std::size_t at = 0;
  while (at < version.size() && version[at] >= '0' && version[at] <= '9') {
    unsigned long number = 0;
    while (at < version.size() && version[at] >= '0' && version[at] <= '9' && number < 1'000'000) {
      number = number * 10 + static_cast<unsigned long>(version[at] - '0');
      ++at;
    }
    numbers.push_back(number);
    if (at < version.size() && (version[at] == '.' || version[at] == '-')) {
      ++at;
    } else {
      break;
    }
  }
  while (!numbers.empty() && numbers.back() == 0) {
    numbers.pop_back();
  }
  return numbers;
}

// Whether the manifest says the archive is some other artifact than the
// only pom.properties in it: a jar that shaded one library and has no Maven
// metadata of its own (Debian's guice.jar holds only cglib's). Both the name
// and the version must disagree, since OSGi names ("org.slf4j.api") and
// versions ("1.26.0") are spelled differently from Maven's.
bool manifest_names_another_artifact(const Manifest* manifest, const MavenArtifact& artifact) {
  if (manifest == nullptr) {
    return false;
  }
  std::string_view name;
  for (std::string_view attribute :
       {"Implementation-Title", "Bundle-Name", "Bundle-SymbolicName"}) {
    std::string_view value = osgi_first_clause(manifest->get(attribute));
    if (!value.empty() && value.find_first_of(" \t") == std::string_view::npos) {
      name = value;
      break;
    }
  }
  std::string_view version = manifest->get("Implementation-Version");
  if (version.empty()) {
    version = manifest->get("Bundle-Version");
  }
  if (name.empty() || version.empty()) {
    return false;
  }
  const std::string& artifact_id = artifact.artifact_id;
  bool same_name =
      name == artifact_id || (name.size() > artifact_id.size() && name.ends_with(artifact_id) &&
                              name[name.size() - artifact_id.size() - 1] == '.');
  bool same_version = version_numbers(version) == version_numbers(artifact.version);
  return !same_name && !same_version;
}

// Of the artifacts in an archive, the one the archive itself is: the only
// one, unless its manifest names another; of several (a shaded or fat jar),
// the one its file name names.
std::optional<std::size_t> archive_artifact(std::string_view file_name,
                                            const std::vector<MavenArtifact>& artifacts,
                                            const Manifest* manifest) {
  if (artifacts.size() == 1) {
    if (manifest_names_another_artifact(manifest, artifacts[0])) {
      return std::nullopt;
    }
    return 0;
  }
  NameAndVersion named = name_and_version_from_file_name(file_name);
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < artifacts.size(); ++i) {
    if (artifacts[i].artifact_id == named.name &&
        (named.version.empty() || artifacts[i].version == named.version)) {
      if (found) {
        // Two artifacts of that name: the file name does not decide.
        return std::nullopt;
      }
      found = i;
    }
  }
  return found;
}

// Facts a manifest adds to any component of its archive.
constexpr std::string_view k_manifest_facts[] = {"Implementation-Title",
                                                 "Implementation-Version",
                                                 "Implementation-Vendor",
                                                 "Implementation-Vendor-Id",
                                                 "Specification-Title",
                                                 "Specification-Version",
                                                 "Bundle-SymbolicName",
                                                 "Bundle-Version",
                                                 "Bundle-Name",
                                                 "Bundle-Vendor",
                                                 "Bundle-License",
                                                 "Automatic-Module-Name",
                                                 "Main-Class",
                                                 "Created-By",
                                                 "Build-Jdk",
                                                 "Build-Jdk-Spec"};

void apply_manifest_facts(model::Component& component, const Manifest& manifest) {
  for (std::string_view name : k_manifest_facts) {
    std::string_view value = manifest.get(name);
    if (!value.empty()) {
      component.add_property(std::string(k_property_manifest_prefix) + std::string(name),
                             std::string(value));
    }
  }
  if (component.licenses_declared.empty()) {
    // Bundle-License is a comma-separated list of licenses (each an SPDX
    // expression or a URL, with optional parameters).
    std::string_view value = manifest.get("Bundle-License");
    if (!value.empty() && value.find("://") == std::string_view::npos) {
      component.licenses_declared.push_back(model::license_from_text(osgi_first_clause(value)));
    } else if (!value.empty()) {
      std::string url(osgi_first_clause(value));
      component.licenses_declared.push_back(model::License{{}, url, url});
    }
  }
  if (component.supplier.empty()) {
    std::string_view vendor = manifest.get("Implementation-Vendor");
    if (vendor.empty()) {
      vendor = manifest.get("Bundle-Vendor");
    }
    if (!vendor.empty()) {
      component.supplier.name = std::string(vendor);
      component.supplier.is_organization = true;
    }
  }
}

// A manifest value fit to be an artifact name: a title with blanks in it
// ("Apache Commons Lang") is a display name, not an identifier.
bool usable_as_name(std::string_view value) {
  // A value still starting with '%' is an OSGi localization key (localize).
  return !value.empty() && value.find_first_of(" \t") == std::string_view::npos &&
         !value.starts_with('%');
}

struct Identity {
  std::string group;
  std::string name;
  std::string version;
  std::string name_source;
  std::string version_source;
};

// Name and version of an archive without Maven metadata: from its manifest,
// else from its file name.
Identity identity_without_maven(std::string_view file_name, const Manifest* manifest) {
  Identity identity;
  if (manifest != nullptr) {
    for (std::string_view attribute :
         {"Implementation-Title", "Bundle-Name", "Bundle-SymbolicName", "Specification-Title"}) {
      std::string_view value = manifest->get(attribute);
      if (attribute == "Bundle-SymbolicName") {
        value = osgi_first_clause(value);
      }
      if (usable_as_name(value)) {
        identity.name = std::string(value);
        identity.name_source = "manifest:" + std::string(attribute);
        break;
      }
    }
    for (std::string_view attribute :
         {"Implementation-Version", "Bundle-Version", "Specification-Version"}) {
      std::string_view value = manifest->get(attribute);
      if (usable_as_name(value)) {
        identity.version = std::string(value);
        identity.version_source = "manifest:" + std::string(attribute);
        break;
      }
    }
    // Maven's archiver writes the groupId here; nothing else does.
    std::string_view vendor_id = manifest->get("Implementation-Vendor-Id");
    if (usable_as_name(vendor_id)) {
      identity.group = std::string(vendor_id);
    }
  }
  NameAndVersion from_name = name_and_version_from_file_name(file_name);
  if (identity.name.empty()) {
    identity.name = from_name.name;
    identity.name_source = "file-name";
  }
  if (identity.version.empty() && !from_name.version.empty()) {
    identity.version = from_name.version;
    identity.version_source = "file-name";
  }
  return identity;
}

class ArchiveReader {
 public:
  explicit ArchiveReader(ScanContext& context) : m_context(context) {}

  // `copies`: locations of the same bytes that arrived without metadata.
  void read(const std::string& location, const ArchiveFacts& facts,
            const std::vector<std::string>& copies) {
    std::string_view file_name = file_name_of(location);
    std::string_view archive_type = java_archive_type(file_name);
    std::optional<Manifest> manifest;
    if (facts.manifest != nullptr) {
      manifest = parse_manifest(facts.manifest->contents);
      localize(*manifest, facts);
    }
    std::vector<MavenArtifact> artifacts;
    for (const auto& [folder, files] : facts.maven) {
      if (files.properties != nullptr) {
        artifacts.push_back(read_maven_folder(m_context, folder, files));
      }
    }
    if (artifacts.empty() && archive_type.empty()) {
      // A zip, tarball or folder with a manifest but no Maven metadata is
      // not a Java artifact by any evidence.
      return;
    }
    model::Evidence evidence{location, facts.layer, m_context.scanner_name()};
    std::optional<std::size_t> main =
        archive_artifact(file_name, artifacts, manifest ? &*manifest : nullptr);

    model::Component archive;
    if (main) {
      const MavenArtifact& artifact = artifacts[*main];
      archive =
          make_maven_component(artifact.group_id, artifact.artifact_id, artifact.version, evidence);
      archive.add_property(std::string(k_property_name_source), "pom.properties");
      archive.add_property(std::string(k_property_version_source), "pom.properties");
      if (artifact.pom) {
        apply_pom_details(archive, *artifact.pom);
      }
    } else {
      Identity identity = identity_without_maven(file_name, manifest ? &*manifest : nullptr);
      archive = make_maven_component(identity.group, identity.name, identity.version, evidence);
      archive.add_property(std::string(k_property_name_source), identity.name_source);
      if (!identity.version_source.empty()) {
        archive.add_property(std::string(k_property_version_source), identity.version_source);
      }
    }
    if (!archive_type.empty()) {
      archive.add_property(std::string(k_property_archive_type), std::string(archive_type));
    }
    if (!facts.sha1.empty()) {
      archive.hashes.push_back(model::Hash{model::HashAlgorithm::sha1, facts.sha1});
    }
    for (const auto& copy : copies) {
      archive.evidence.push_back(model::Evidence{copy, facts.layer, m_context.scanner_name()});
    }
    if (manifest) {
      apply_manifest_facts(archive, *manifest);
    }
    // What the license files show is evidence, kept apart from the license
    // the pom declares (docs/licenses.md).
    for (const source::SourceFile* license_file : facts.license_files) {
      model::add_license_file_evidence(archive, license_file->location, license_file->bytes(),
                                       m_context.keeps_unlisted_license_texts());
    }
    archive.scope = model::Scope::required;
    std::string archive_id = m_context.graph().add(std::move(archive));
    m_archive_ids[location] = archive_id;
    relate_to_container(location, archive_id);

    for (std::size_t i = 0; i < artifacts.size(); ++i) {
      if (main && i == *main) {
        continue;
      }
      const MavenArtifact& artifact = artifacts[i];
      model::Evidence shaded_evidence{artifact.properties->location, facts.layer,
                                      m_context.scanner_name()};
      model::Component shaded = make_maven_component(artifact.group_id, artifact.artifact_id,
                                                     artifact.version, shaded_evidence);
      shaded.add_property(std::string(k_property_name_source), "pom.properties");
      shaded.add_property(std::string(k_property_version_source), "pom.properties");
      if (artifact.pom) {
        apply_pom_details(shaded, *artifact.pom);
      }
      shaded.scope = model::Scope::required;
      std::string shaded_id = m_context.graph().add(std::move(shaded));
      m_context.graph().relate(archive_id, shaded_id, model::RelationshipType::contains);
    }
  }

 private:
  // The archive that holds this one, when it is a Java archive with a
  // component, contains it; containers without one (a tarball, a zip) are
  // looked through.
  void relate_to_container(std::string_view location, const std::string& id) {
    for (std::string_view outer = container_of(location); !outer.empty();
         outer = container_of(outer)) {
      auto found = m_archive_ids.find(std::string(outer));
      if (found != m_archive_ids.end()) {
        m_context.graph().relate(found->second, id, model::RelationshipType::contains);
        return;
      }
    }
  }

  ScanContext& m_context;
  // Archive location -> its component id.
  std::map<std::string, std::string> m_archive_ids;
};

} // namespace

std::string archive_summary(std::string_view archive_bytes) {
  // A local file header, or the end record of an empty zip.
  if (!archive_bytes.starts_with("PK\x03\x04") && !archive_bytes.starts_with("PK\x05\x06")) {
    return std::string(k_not_zip_summary);
  }
  return std::string(k_summary_prefix) +
         model::compute_hash(model::HashAlgorithm::sha1, archive_bytes).hex;
}

bool is_localization_file(std::string_view path) {
  for (const auto& glob : localization_globs()) {
    if (glob_match(glob, path)) {
      return true;
    }
  }
  return false;
}

std::span<const std::string> localization_globs() {
  static const std::vector<std::string> k_globs{
      std::string(k_default_localization.substr(0, k_default_localization.rfind('/'))) +
          "/*.properties",
      // Eclipse bundles' usual Bundle-Localization.
      "plugin.properties", "fragment.properties", "bundle.properties"};
  return k_globs;
}

std::span<const std::string> license_file_globs() {
  static const std::vector<std::string> k_globs{"META-INF/[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]*",
                                                "META-INF/[Nn][Oo][Tt][Ii][Cc][Ee]*",
                                                "META-INF/[Cc][Oo][Pp][Yy][Ii][Nn][Gg]*"};
  return k_globs;
}

bool is_license_file(std::string_view path) {
  if (!path.starts_with("META-INF/")) {
    return false;
  }
  const std::string_view name = path.substr(9);
  return name.find('/') == std::string_view::npos && model::is_license_file_name(name);
}

bool is_archive_metadata(std::string_view path) {
  return path == k_manifest_path || glob_match(k_pom_properties_glob, path) ||
         glob_match(k_pom_xml_glob, path) || is_localization_file(path) || is_license_file(path);
}

void read_java_archives(ScanContext& context, const FileSet& files) {
  // By archive location; std::map keeps an archive before the archives
  // inside it ("a.war" < "a.war!/...").
  std::map<std::string, ArchiveFacts> archives;
  for (const source::SourceFile* file : files.pointers()) {
    if (file->contents == k_not_zip_summary) {
      // Not a Java archive after all, or one with a launcher script in
      // front (a "fully executable" Spring Boot jar): whatever metadata the
      // source layer still found inside it makes the component, without a
      // digest, since Maven Central indexes no such file.
      continue;
    }
    if (file->contents.starts_with(k_summary_prefix) && !java_archive_type(file->path).empty()) {
      ArchiveFacts& facts = archives[file->location];
      facts.layer = file->layer;
      facts.sha1 = file->contents.substr(k_summary_prefix.size());
      continue;
    }
    std::string_view prefix = source::container_prefix(*file);
    if (!prefix.ends_with("!/")) {
      // Metadata in a folder, not in an archive: an exploded build output
      // or a source tree, which the pom.xml reader covers.
      continue;
    }
    std::string archive(prefix.substr(0, prefix.size() - 2));
    ArchiveFacts& facts = archives[archive];
    facts.layer = file->layer;
    if (file->path == k_manifest_path) {
      facts.manifest = file;
      continue;
    }
    if (is_localization_file(file->path)) {
      facts.localizations[file->path] = file;
      continue;
    }
    if (is_license_file(file->path)) {
      if (context.reads_license_files()) {
        facts.license_files.push_back(file);
      }
      continue;
    }
    // META-INF/maven/<group>/<artifact>/pom.*
    std::string_view folder = std::string_view(file->path).substr(15);
    std::string_view name = file_name_of(folder);
    folder = folder.substr(0, folder.size() - name.size() - 1);
    MavenFolder& maven = facts.maven[std::string(folder)];
    (name == "pom.properties" ? maven.properties : maven.pom) = file;
  }
  // Archives with the same digest are the same file. A link to a jar is
  // delivered for its digest but not opened (docs/sources.md), so it
  // arrives without the metadata its target has: it is another place the
  // target's component was found, not a component named from its file name.
  auto has_metadata = [](const ArchiveFacts& facts) {
    return facts.manifest != nullptr || !facts.maven.empty();
  };
  std::map<std::string, std::string> described_by_digest;
  for (const auto& [location, facts] : archives) {
    if (has_metadata(facts) && !facts.sha1.empty()) {
      described_by_digest.emplace(facts.sha1, location);
    }
  }
  std::map<std::string, std::vector<std::string>> copies;
  for (const auto& [location, facts] : archives) {
    if (!has_metadata(facts) && !facts.sha1.empty()) {
      auto described = described_by_digest.find(facts.sha1);
      if (described != described_by_digest.end()) {
        copies[described->second].push_back(location);
      }
    }
  }
  std::set<std::string> copy_locations;
  for (const auto& [location, list] : copies) {
    copy_locations.insert(list.begin(), list.end());
  }
  ArchiveReader reader(context);
  const std::vector<std::string> no_copies;
  for (const auto& [location, facts] : archives) {
    if (copy_locations.count(location) > 0) {
      continue;
    }
    auto found = copies.find(location);
    reader.read(location, facts, found == copies.end() ? no_copies : found->second);
  }
}

} // namespace kensa::scanner::java
