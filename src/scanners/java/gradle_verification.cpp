#include "gradle_verification.hpp"

#include "../common/parsers/xml_tree.hpp"
#include "maven_component.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/strings.hpp>

#include <optional>
#include <vector>

namespace kensa::scanner::java {

namespace {

// Most <component> entries read from one file; Gradle's own build lists a
// few thousand.
constexpr std::size_t k_max_components = 100'000;

constexpr std::string_view k_property_verified = "kensa:gradle:verified";
constexpr std::string_view k_source_name = "verification-metadata.xml";

bool is_lower_hex(std::string_view text) {
  return text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// The artifact that is the component's own file: "<name>-<version>.jar"
// (or .aar for Android libraries), else "<name>.jar", the name Gradle writes
// for the jvm variant of some Kotlin multiplatform modules. Any other file is
// not used for the component's hashes:
// - the .pom and .module are metadata about the component, not the
//   component; a consumer matching hashes against files would match the
//   wrong one;
// - "-sources", "-javadoc" and other classifier jars, and jars of another
//   name (Gradle lists some multiplatform variants under their root module),
//   are other files with other contents.
const xmlNode* main_artifact(const xmlNode* component, const std::string& name,
                             const std::string& version) {
  std::vector<std::string> wanted{name + "-" + version + ".jar", name + "-" + version + ".aar",
                                  name + ".jar"};
  for (const auto& file_name : wanted) {
    const xmlNode* found = nullptr;
    for_each_child_element(component, [&](const xmlNode* artifact) {
      if (found == nullptr && local_name(artifact) == "artifact" &&
          attribute_value(artifact, "name") == file_name) {
        found = artifact;
      }
    });
    if (found != nullptr) {
      return found;
    }
  }
  return nullptr;
}

// md5, sha1, sha256 and sha512: the kinds Gradle writes. Alternatives
// (<also-trust value=...> inside one of them) are checksums of other builds
// of the file that the project chose to accept; they are not the hash of one
// component and are left out.
std::vector<model::Hash> hashes_of(const xmlNode* artifact, std::size_t& bad_values) {
  std::vector<model::Hash> hashes;
  for_each_child_element(artifact, [&](const xmlNode* checksum) {
    std::string_view kind = local_name(checksum);
    if (kind != "md5" && kind != "sha1" && kind != "sha256" && kind != "sha512") {
      return;
    }
    auto algorithm = model::parse_hash_algorithm(kind);
    std::string value = to_lower_ascii(attribute_value(checksum, "value"));
    if (!algorithm || value.size() != model::hash_hex_length(*algorithm) || !is_lower_hex(value)) {
      ++bad_values;
      return;
    }
    hashes.push_back(model::Hash{*algorithm, value});
  });
  return hashes;
}

} // namespace

void read_gradle_verification(FileReport& report, const source::SourceFile& file) {
  std::string error;
  XmlDocument document = parse_untrusted_xml(file.contents, error);
  if (!document) {
    report.omit("not a readable verification-metadata.xml: " + error);
    return;
  }
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (root == nullptr || local_name(root) != "verification-metadata") {
    report.warn("the root element is not <verification-metadata>");
    return;
  }
  ScanContext& context = report.context();
  const xmlNode* components = child_element(root, "components");
  if (components == nullptr) {
    return;
  }
  std::size_t count = 0;
  std::size_t incomplete = 0;
  std::size_t bad_values = 0;
  for (const xmlNode* node = components->children; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE || local_name(node) != "component") {
      continue;
    }
    if (++count > k_max_components) {
      report.omit("more than " + std::to_string(k_max_components) +
                  " components: the rest is not read");
      break;
    }
    std::string group = attribute_value(node, "group");
    std::string name = attribute_value(node, "name");
    std::string version = attribute_value(node, "version");
    if (group.empty() || name.empty() || version.empty()) {
      ++incomplete;
      continue;
    }
    model::Component component =
        make_maven_component(group, name, version, context.evidence_for(file));
    component.add_property(std::string(k_property_name_source), std::string(k_source_name));
    component.add_property(std::string(k_property_version_source), std::string(k_source_name));
    component.add_property(std::string(k_property_verified), "true");
    if (const xmlNode* artifact = main_artifact(node, name, version)) {
      component.hashes = hashes_of(artifact, bad_values);
    }
    context.graph().add(std::move(component));
  }
  if (incomplete > 0) {
    report.warn(std::to_string(incomplete) +
                " <component> entries without group, name or version: skipped");
  }
  if (bad_values > 0) {
    report.warn(std::to_string(bad_values) + " checksums that are not hex of the right length: "
                                             "left out");
  }
}

} // namespace kensa::scanner::java
