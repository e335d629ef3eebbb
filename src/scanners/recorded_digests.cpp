#include "recorded_digests.hpp"

#include <kensa/util/strings.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kensa::scanner {

namespace {

// The document's diagnostics are sorted; keep them so.
void insert_sorted(std::vector<model::Diagnostic>& diagnostics, model::Diagnostic diagnostic) {
  auto at = std::upper_bound(diagnostics.begin(), diagnostics.end(), diagnostic);
  diagnostics.insert(at, std::move(diagnostic));
}

} // namespace

void RecordedDigests::check(const model::FileEntry& entry, std::string_view owner,
                            const model::Hash& recorded) {
  auto computed = std::find_if(entry.hashes.begin(), entry.hashes.end(), [&](const auto& hash) {
    return hash.algorithm == recorded.algorithm;
  });
  if (computed == entry.hashes.end()) {
    ++m_unverified[recorded.algorithm];
  } else if (equals_ignore_case(computed->hex, recorded.hex)) {
    ++m_verified;
  } else {
    m_modified.push_back(Modified{entry.path, std::string(owner), recorded, computed->hex});
  }
}

void RecordedDigests::report(model::Component& subject,
                             std::vector<model::Diagnostic>& diagnostics) const {
  if (empty()) {
    return;
  }
  std::size_t unverified = 0;
  for (const auto& [algorithm, count] : m_unverified) {
    unverified += count;
  }
  subject.add_property("kensa:files:digests-verified", std::to_string(m_verified));
  subject.add_property("kensa:files:digests-modified", std::to_string(m_modified.size()));
  subject.add_property("kensa:files:digests-unverified", std::to_string(unverified));

  std::size_t named = 0;
  for (const auto& modified : m_modified) {
    if (++named > k_max_modified_named) {
      break;
    }
    std::string algorithm(model::hash_algorithm_name(modified.recorded.algorithm));
    std::string message = "differs from the " + algorithm + " digest package " + modified.owner +
                          " recorded (recorded " + to_lower_ascii(modified.recorded.hex) +
                          ", found " + to_lower_ascii(modified.found_hex) + ")";
    spdlog::warn("{}: {}", modified.location, message);
    insert_sorted(diagnostics, model::Diagnostic{model::Severity::warning, modified.location,
                                                 std::move(message)});
  }
  if (m_modified.size() > k_max_modified_named) {
    insert_sorted(diagnostics,
                  model::Diagnostic{model::Severity::warning, "",
                                    std::to_string(m_modified.size()) +
                                        " files differ from the digests their packages recorded; "
                                        "the first " +
                                        std::to_string(k_max_modified_named) + " are named"});
  }
  if (unverified > 0) {
    std::string algorithms;
    for (const auto& [algorithm, count] : m_unverified) {
      if (!model::can_compute(algorithm)) {
        continue;
      }
      // As --digests spells it: "sha256", not "SHA-256".
      std::string name = to_lower_ascii(model::hash_algorithm_name(algorithm));
      name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
      algorithms += (algorithms.empty() ? "" : ",") + name;
    }
    std::string message = std::to_string(unverified) +
                          (unverified == 1 ? " file has" : " files have") +
                          " a digest recorded by its package that this scan did not compute";
    if (!algorithms.empty()) {
      message += "; --digests " + algorithms + " checks them";
    }
    insert_sorted(diagnostics, model::Diagnostic{model::Severity::info, "", std::move(message)});
  }
}

} // namespace kensa::scanner
