#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <string>
#include <string_view>

// Podfile.lock, the pods `pod install` resolved a Podfile to.
namespace kensa::scanner::cocoapods {

inline constexpr std::string_view k_property_source = "kensa:cocoapods:source";
inline constexpr std::string_view k_property_spec_repo = "kensa:cocoapods:spec-repo";
inline constexpr std::string_view k_property_local = "kensa:cocoapods:local";

// A "Name (version)" or "Name (constraint)" entry of PODS or a dependency
// list: the name ("Firebase/Analytics") and what is between the
// parentheses, without them ("8.0.0", "= 8.0.0", "from `../Pod`"); the
// second is empty when there are none.
struct PodEntry {
  std::string name;
  std::string detail;
};
PodEntry split_pod_entry(std::string_view text);

// Adds a component per PODS entry (subspecs "Pod/Sub" as purl
// pkg:cocoapods/Pod@version#Sub), an edge for each entry of its dependency
// list, the DEPENDENCIES as the project's direct dependencies, the SPEC
// CHECKSUMS as SHA-1 digests, and where EXTERNAL SOURCES and CHECKOUT
// OPTIONS say a pod came from. Malformed entries are warnings naming the
// file.
void parse_podfile_lock(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::cocoapods
