#pragma once

#include <optional>
#include <string>
#include <vector>

// CycloneDX as its serializations see it: the model mapped onto CycloneDX's
// fields for one spec version (to_cyclonedx), or what a reader found in a
// document (from_cyclonedx maps it back). The JSON and XML writers and
// readers only translate between this and text, so every decision about
// fields, versions and losses lives in the two mapping files.
namespace kensa::format::cyclonedx {

// One entry of a license choice: exactly one of id, name and expression.
struct CdxLicense {
  std::string id;
  std::string name;
  std::string expression;
  std::string url;
  // "declared", "concluded" or empty (1.6 and later).
  std::string acknowledgement;
  // The license's text (plain text), with `name`; empty when none.
  std::string text;
};

struct CdxHash {
  std::string algorithm;
  std::string content;
};

struct CdxContact {
  std::string name;
  std::string email;
  std::string phone;
};

struct CdxEntity {
  std::string name;
  std::vector<std::string> urls;
  std::vector<CdxContact> contacts;
};

struct CdxExternalReference {
  std::string type;
  std::string url;
  std::string comment;
};

struct CdxProperty {
  std::string name;
  std::string value;
};

struct CdxOccurrence {
  std::string location;
  // 1.6 and later.
  std::string additional_context;
};

struct CdxComponent {
  std::string type;
  std::string mime_type;
  std::string bom_ref;
  std::optional<CdxEntity> supplier;
  // 1.6 and later; older versions have `author`, a single string.
  std::vector<CdxContact> authors;
  std::string author;
  std::string publisher;
  std::string group;
  std::string name;
  std::string version;
  std::string description;
  std::string scope;
  std::vector<CdxHash> hashes;
  std::vector<CdxLicense> licenses;
  std::string copyright;
  std::string cpe;
  std::string purl;
  // 1.6 and later.
  std::vector<std::string> omnibor_ids;
  std::vector<std::string> swhids;
  std::vector<CdxExternalReference> external_references;
  std::vector<CdxProperty> properties;
  std::vector<CdxComponent> components;
  // evidence.occurrences (1.5 and later), evidence.licenses, evidence.copyright.
  std::vector<CdxOccurrence> occurrences;
  std::vector<CdxLicense> evidence_licenses;
  std::vector<std::string> evidence_copyright;
  // 1.6 and later.
  std::vector<std::string> tags;
};

struct CdxTool {
  std::string vendor;
  std::string name;
  std::string version;
};

struct CdxDependency {
  std::string ref;
  std::vector<std::string> depends_on;
};

struct CdxComposition {
  std::string aggregate;
  std::vector<std::string> assemblies;
  std::vector<std::string> dependencies;
};

struct CdxBom {
  std::string spec_version;
  // Empty when the writer derives it from the content.
  std::string serial_number;
  long long version = 1;
  std::string timestamp;
  // metadata.lifecycles: phases from the spec's list, or names.
  std::vector<std::string> lifecycle_phases;
  std::vector<std::string> lifecycle_names;
  std::vector<CdxTool> tools;
  std::vector<CdxContact> authors;
  std::optional<CdxComponent> component;
  std::vector<CdxProperty> metadata_properties;
  std::vector<CdxComponent> components;
  std::vector<CdxDependency> dependencies;
  std::vector<CdxComposition> compositions;
};

} // namespace kensa::format::cyclonedx
