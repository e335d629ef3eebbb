#pragma once

#include "../finding_sink.hpp"

#include <kensa/format/writer.hpp>
#include <kensa/util/json_document.hpp>
#include <kensa/validate/profiles.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

// Which minimum elements a document carries, read once per document, then
// judged against each requested profile.
namespace kensa::validate::profiles {

enum class Presence {
  present,
  // NOASSERTION, "unknown": the author says the value is not known.
  declared_unknown,
  missing,
};

inline constexpr std::size_t k_element_count =
    static_cast<std::size_t>(Element::vulnerabilities) + 1;

using ElementPresence = std::array<Presence, k_element_count>;

struct ComponentFacts {
  // JSON Pointer of the component.
  std::string location;
  // "bom-ref or SPDXID, name@version" for messages.
  std::string label;
  ElementPresence elements{};
};

struct DocumentFacts {
  ElementPresence elements{};
  std::vector<ComponentFacts> components;
};

DocumentFacts cyclonedx_facts(const kensa::json::Value& bom);
DocumentFacts spdx2_facts(const kensa::json::Value& document);
DocumentFacts spdx3_facts(const kensa::json::Value& document);

// Judges `facts` against `profile`: findings for missing, unknown or
// forbidden elements, and the coverage summary.
ProfileResult check_profile(const Profile& profile, const format::DetectedFormat& kind,
                            const DocumentFacts& facts, FindingSink& sink);

} // namespace kensa::validate::profiles
