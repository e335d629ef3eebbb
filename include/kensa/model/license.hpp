#pragma once

#include <kensa/util/result.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::model {

// A license as found for a component. Exactly one of `expression` and `name`
// is set: `expression` when the text is (or maps to) a valid SPDX license
// expression, printed in canonical form; otherwise `name` keeps the text as
// written, never guessed into an SPDX id.
struct License {
  std::string expression;
  std::string name;
  // Where the license text can be read, when the source said so.
  std::string url;

  auto operator<=>(const License&) const = default;
};

// One entry of the bundled SPDX license list.
struct LicenseListEntry {
  std::string id;
  std::string name;
  bool deprecated = false;
  bool osi_approved = false;
};

// The SPDX license list compiled into kensa (schemas/spdx/license-list.json).
class LicenseList {
 public:
  // The list embedded in the binary; parsed once on first use, safe to call
  // from several threads.
  static const LicenseList& bundled();

  // Case-insensitive lookup of a license id ("mit" finds "MIT").
  const LicenseListEntry* find_license(std::string_view id) const;
  // Case-insensitive lookup of an exception id.
  const LicenseListEntry* find_exception(std::string_view id) const;
  // e.g. "3.27.0"
  const std::string& version() const { return m_version; }

  // Both sorted by id ignoring case, as parse_license_list leaves them; the
  // lookups above rely on that order.
  std::vector<LicenseListEntry> licenses;
  std::vector<LicenseListEntry> exceptions;

 private:
  friend LicenseList parse_license_list(std::string_view json);
  std::string m_version;
};

// Parses the JSON of schemas/spdx/license-list.json. Throws on malformed data
// (it is built into the binary, so this is a build error, not input error).
LicenseList parse_license_list(std::string_view json);

// A finding about an expression that parsed: e.g. a deprecated id.
struct LicenseNotice {
  std::string message;
};

// An SPDX license expression parsed and checked against the bundled list.
struct ParsedLicenseExpression {
  // Canonical text: ids in list case, single spaces, operators upper case,
  // parentheses kept only where precedence needs them.
  std::string canonical;
  // Every license id, LicenseRef and DocumentRef used, in order of first
  // appearance, each once and as printed in `canonical` ("GPL-2.0+" lists
  // "GPL-2.0": the '+' is an operator). Exceptions are not license refs.
  std::vector<std::string> license_refs;
  // Deprecated ids and similar warnings.
  std::vector<LicenseNotice> notices;
};

// Limits on expressions from untrusted files: longer or more deeply
// parenthesised text fails instead of costing unbounded time or stack.
inline constexpr std::size_t k_max_license_expression_length = 16 * 1024;
inline constexpr std::size_t k_max_license_expression_depth = 64;

// Parses an SPDX license expression (AND, OR, WITH, parentheses, '+',
// LicenseRef-, DocumentRef-...:LicenseRef-, and AdditionRef- after WITH).
// Unknown ids or exceptions fail. Operators are read in any case, with a
// notice unless upper case (SPDX 2.3 wants upper case, SPDX 3.0 allows lower
// case too); docs/licenses.md has the details.
Result<ParsedLicenseExpression> parse_license_expression(std::string_view text);

// Maps free text as found in manifests ("Apache 2.0", "MIT License", "GPLv2+",
// "BSD-3") to an SPDX expression. Conservative: returns nullopt rather than
// guess.
std::optional<std::string> map_license_text(std::string_view text);

// The License for `text` as a manifest wrote it: an SPDX expression when the
// text is one or maps to one, otherwise the text kept as a name. Surrounding
// white space is dropped; empty text gives a License with neither set.
License license_from_text(std::string_view text);

} // namespace kensa::model
