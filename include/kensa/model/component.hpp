#pragma once

#include <kensa/model/hash.hpp>
#include <kensa/model/license.hpp>
#include <kensa/model/license_text.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kensa::model {

// What a component is. The vocabulary is CycloneDX's; SPDX writers map it to
// primaryPackagePurpose.
enum class ComponentType {
  application,
  framework,
  library,
  container,
  platform,
  operating_system,
  device,
  device_driver,
  firmware,
  file,
  machine_learning_model,
  data,
  cryptographic_asset,
};

// CycloneDX spelling: "operating-system", ...
std::string_view component_type_name(ComponentType type);

// Whether the component is needed when the software runs (CycloneDX scope).
enum class Scope {
  // The source did not say.
  unknown,
  // Needed at run time.
  required,
  // Used at run time when present (npm optionalDependencies).
  optional,
  // Not part of the running software: development, build or test only.
  excluded,
};

std::string_view scope_name(Scope scope);

// A person or organisation that supplied or wrote a component.
struct Party {
  std::string name;
  std::string email;
  std::string url;
  bool is_organization = false;

  bool empty() const { return name.empty() && email.empty() && url.empty(); }
  auto operator<=>(const Party&) const = default;
};

// Puts `address`, what a manifest gave between '<' and '>' after a name
// ("Google Cloud SDK <https://code.google.com/p/google-cloud-sdk/>"), where
// it belongs: a web link in `url` (unless one is set), anything else in
// `email`. Surrounding white space is dropped; empty text changes nothing.
void set_party_address(Party& party, std::string_view address);

// A link about the component; `type` uses CycloneDX's externalReference
// vocabulary ("website", "vcs", "distribution", "issue-tracker", ...).
struct ExternalReference {
  std::string type;
  std::string url;

  auto operator<=>(const ExternalReference&) const = default;
};

// Where a component was found and what said so.
struct Evidence {
  // Path of the file that declared the component, relative to the scanned
  // root; archive nesting is written with "!/", e.g.
  // "release.tar.gz!/app/lib/x.war!/WEB-INF/lib/y.jar". For a package known
  // by its folder (a Nix store path, a Composer path repository's package)
  // the folder.
  std::string location;
  // Image layer digest ("sha256:..."), empty outside container images.
  std::string layer;
  // Name of the scanner that reported it ("npm", "dpkg", ...).
  std::string found_by;

  auto operator<=>(const Evidence&) const = default;
};

// A name/value fact the formats have no field for. Names are namespaced the
// CycloneDX way: "kensa:npm:bundled", ...
struct Property {
  std::string name;
  std::string value;

  auto operator<=>(const Property&) const = default;
};

// A license found in one of the component's own files (a LICENSE, COPYING
// or NOTICE file, docs/licenses.md): what the file shows, which is neither
// the license the package declares nor one concluded for it.
struct LicenseEvidence {
  // Canonical SPDX license expression.
  std::string expression;
  // Path of the file, in Evidence::location notation.
  std::string location;
  // Share of the license's text found in the file, from 0 to 1, to three
  // decimals (the precision every format writes).
  double score = 0;
  LicenseMatchMethod method = LicenseMatchMethod::text;
  // With method `unlisted`: the file's text (its first
  // k_max_license_text_size bytes, white space trimmed at both ends), which
  // `expression`, a LicenseRef-, stands for. Empty otherwise.
  std::string text;

  auto operator<=>(const LicenseEvidence&) const = default;
};

// "MIT (text, score 0.993) in node_modules/ms/license.md": how formats
// without a field for the score and the file write a LicenseEvidence.
std::string license_evidence_text(const LicenseEvidence& evidence);

// Reads what license_evidence_text wrote; nullopt for any other text.
std::optional<LicenseEvidence> parse_license_evidence_text(std::string_view text);

// `score` rounded to three decimals, as LicenseEvidence keeps it.
double rounded_license_score(double score);

// SPDX 2's package verification code as a document states it (SPDX 2.3
// section 7.9): the SHA-1 over the sorted SHA-1s of the package's files,
// those named in `excluded_files` left out. Empty when none was given.
struct VerificationCode {
  // Lowercase hex.
  std::string value;
  // As the document writes them (usually "./path").
  std::vector<std::string> excluded_files;

  bool empty() const { return value.empty(); }
  auto operator<=>(const VerificationCode&) const = default;
};

// One package, library, application or operating system: the unit of an SBOM.
struct Component {
  // Content-derived identifier, unique in a document (see ids.hpp). Set by
  // ComponentGraph::add; scanners leave it empty.
  std::string id;
  ComponentType type = ComponentType::library;
  // The purl type of the ecosystem ("npm", "pypi", "deb"), empty when none.
  std::string ecosystem;
  // Namespace, group or scope: "@babel" for npm, the groupId for maven.
  std::string group;
  std::string name;
  // Empty when unknown: never invented.
  std::string version;
  // Canonical purl string, empty when the component has none.
  std::string purl;
  // The reference the document it was read from gave it (a CycloneDX
  // bom-ref), kept so that a writer that can carry it writes it again and
  // references to it keep working; empty for scanned components.
  std::string bom_ref;
  std::vector<std::string> cpes;
  // As the package's own metadata states them.
  std::vector<License> licenses_declared;
  // As a scanner concluded them from evidence (e.g. a copyright file).
  std::vector<License> licenses_concluded;
  // Licenses found in the component's license files (kept apart from the
  // two lists above: a file's text is evidence, not a statement).
  std::vector<LicenseEvidence> license_evidence;
  // Copyright statements found in the component's files, as written.
  std::vector<std::string> copyrights;
  std::vector<Hash> hashes;
  Party supplier;
  std::vector<Party> authors;
  std::string description;
  std::vector<ExternalReference> external_references;
  Scope scope = Scope::unknown;
  // True when the component is only needed to develop the project
  // (npm devDependencies, Maven test scope). Kept apart from `scope` because
  // npm's "devOptional" packages are both optional and development.
  bool development = false;
  std::vector<Property> properties;
  // Every place the component was found; never empty for scanned components.
  std::vector<Evidence> evidence;
  // Read from SPDX 2 documents, for `kensa verify`; no writer writes it
  // (the SPDX 2 writer derives the code from the file inventory).
  VerificationCode verification_code;

  // Adds a property unless an equal one exists.
  void add_property(std::string name, std::string value);
};

// Adds what the license file at `location` (in Evidence::location notation)
// shows, by identify_licenses on `text`, to `component`: each license found
// to license_evidence, each copyright statement to copyrights, each once; a
// file whose license is unknown but close to one gives a
// "kensa:license:unidentified" property ("x/LICENSE (closest MIT, score
// 0.850)"). With `keep_unlisted_text` (--license-text full), a LICENSE,
// LICENCE, COPYING or UNLICENSE file that holds more than copyright lines
// and in which no listed license is found, or 80 words in a row that none
// of those found accounts for, becomes evidence of method `unlisted` too:
// its text under unlisted_license_ref(text). Not kept so: NOTICE files
// (they attribute, they do not license), and a file of under 50 words
// beside files with listed licenses (it points at them). Never throws on
// input.
void add_license_file_evidence(Component& component, std::string_view location,
                               std::string_view text, bool keep_unlisted_text = false);

// "LicenseRef-file-<16 hex digits of the text's SHA-256>": the same text
// gets the same id wherever it is found, so a document defines it once.
std::string unlisted_license_ref(std::string_view text);

// "name@version", with "group/" first when there is a group.
std::string display_name(const Component& component);

} // namespace kensa::model
