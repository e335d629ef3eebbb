#pragma once

#include <kensa/model/license.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Licenses from a package's /usr/share/doc/<package>/copyright.
namespace kensa::scanner::dpkg {

// Remembers what each License synopsis mapped to: most packages of a system
// share a few dozen synopses, and mapping parses SPDX expressions.
class SynopsisCache {
 public:
  const model::License& get(std::string_view synopsis);

 private:
  std::unordered_map<std::string, model::License> m_licenses;
};

struct CopyrightLicenses {
  // The file declares the machine-readable format (a Format: field first).
  bool machine_readable = false;
  // Each distinct license, in order of first appearance.
  std::vector<model::License> licenses;
};

// Machine-readable files: the License synopsis of the header paragraph and
// of every Files paragraph (stand-alone License paragraphs only hold texts),
// each mapped by license_from_synopsis. Free-form files: only references to
// /usr/share/common-licenses/<name> whose license is certain (docs/scanners/
// dpkg.md); a GNU license needs the grant before it to say "any later
// version" (or-later) or name its version without it (only).
CopyrightLicenses read_copyright(std::string_view text, SynopsisCache& cache);

} // namespace kensa::scanner::dpkg
