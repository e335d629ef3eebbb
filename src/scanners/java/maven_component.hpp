#pragma once

#include "pom_xml.hpp"

#include <kensa/model/component.hpp>

#include <string>
#include <string_view>

// Maven artifacts as components (purl type maven).
namespace kensa::scanner::java {

// Property names this scanner sets.
// Where the name and the version came from: "pom.properties", "pom.xml",
// "manifest:<attribute>", "file-name", "gradle.lockfile", ...
inline constexpr std::string_view k_property_name_source = "kensa:java:name-source";
inline constexpr std::string_view k_property_version_source = "kensa:java:version-source";
// The Maven scope a pom.xml gave a dependency (compile, runtime, test,
// provided, system).
inline constexpr std::string_view k_property_maven_scope = "kensa:maven:scope";
// A version that stayed a ${property} reference: no value was found for it.
inline constexpr std::string_view k_property_unresolved_version = "kensa:maven:unresolved-version";
// Gradle configurations a lockfile lists the dependency in.
inline constexpr std::string_view k_property_gradle_configurations = "kensa:gradle:configurations";
// Manifest attributes kept as facts, as "kensa:java:manifest:<attribute>".
inline constexpr std::string_view k_property_manifest_prefix = "kensa:java:manifest:";
// The archive's packaging ("jar", "war", ...), from its file name.
inline constexpr std::string_view k_property_archive_type = "kensa:java:archive-type";

// A Maven artifact: group and name from the coordinates, the purl
// pkg:maven/<group>/<artifact>@<version> when both group and version are
// known (none otherwise: the maven purl type needs a namespace, and a purl
// without a version would stand for every version).
model::Component make_maven_component(std::string_view group_id, std::string_view artifact_id,
                                      std::string_view version, const model::Evidence& evidence);

// Copies what a pom.xml says about its project onto `component`: name (as a
// property, since the component name is the artifactId), description,
// licenses, organization as supplier, developers (those with a name or an
// e-mail address) as authors, URL as website. Values still holding a
// ${property} reference are skipped.
void apply_pom_details(model::Component& component, const PomFile& pom);

// Whether `value` still holds a ${...} reference.
bool has_property_reference(std::string_view value);

} // namespace kensa::scanner::java
