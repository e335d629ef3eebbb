#pragma once

#include <kensa/model/document.hpp>
#include <kensa/model/hash.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::scanner {

// Checks the digests package databases recorded for the files they installed
// (dpkg .md5sums, apk Z lines, rpm FILEDIGESTS, Python RECORD) against the
// digests the file inventory computed from the files themselves. A file that
// differs was changed after its package installed it: the auditor's signal
// of a patched binary or an edited library.
class RecordedDigests {
 public:
  // `entry` is the inventory's entry for a file `owner` (a package name)
  // recorded `recorded` for. Compared when the inventory computed the same
  // algorithm; counted as unverified otherwise.
  void check(const model::FileEntry& entry, std::string_view owner, const model::Hash& recorded);

  bool empty() const { return m_verified == 0 && m_modified.empty() && m_unverified.empty(); }

  // Adds kensa:files:digests-verified, -modified and -unverified to the
  // subject; a warning per modified file (the first k_max_modified_named)
  // and an info naming the --digests that would verify the rest.
  void report(model::Component& subject, std::vector<model::Diagnostic>& diagnostics) const;

  static constexpr std::size_t k_max_modified_named = 1000;

 private:
  struct Modified {
    std::string location;
    std::string owner;
    model::Hash recorded;
    std::string found_hex;
  };

  std::size_t m_verified = 0;
  std::vector<Modified> m_modified;
  std::map<model::HashAlgorithm, std::size_t> m_unverified;
};

} // namespace kensa::scanner
