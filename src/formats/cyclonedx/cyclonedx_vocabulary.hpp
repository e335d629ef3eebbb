#pragma once

#include <set>
#include <string>
#include <string_view>

namespace kensa::format::cyclonedx {

// The words a CycloneDX spec version allows in its enumerated fields, read
// from the bundled official JSON schema of that version, so that a writer
// never emits a word its version does not define.
struct CdxVocabulary {
  std::set<std::string, std::less<>> component_types;
  std::set<std::string, std::less<>> reference_types;
  std::set<std::string, std::less<>> hash_algorithms;
  // Empty before 1.5, which introduced lifecycles.
  std::set<std::string, std::less<>> lifecycle_phases;
};

// The vocabulary of `version` ("1.2" to "1.7"), loaded once per version and
// shared; safe from several threads. Throws std::logic_error for a version
// with no bundled schema (a build error, not an input error).
const CdxVocabulary& vocabulary(std::string_view version);

// The minor number of a "1.x" version: 6 for "1.6", 0 when malformed.
int minor_version(std::string_view version);

} // namespace kensa::format::cyclonedx
