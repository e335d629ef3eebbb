#pragma once

#include <kensa/util/result.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kensa::model {

// A package URL (https://github.com/package-url/purl-spec, ECMA-427).
// Fields hold decoded values; an empty string means "absent".
struct Purl {
  std::string type;
  std::string namespace_;
  std::string name;
  std::string version;
  // Sorted by key, keys lowercase, no empty values.
  std::vector<std::pair<std::string, std::string>> qualifiers;
  std::string subpath;

  // Value of qualifier `key`, or empty.
  std::string_view qualifier(std::string_view key) const;

  // The canonical string form: percent-encoded, qualifiers sorted.
  std::string to_string() const;

  bool operator==(const Purl&) const = default;
};

// Parses a purl string and applies the normalization rules of its type.
// Fails with a message naming the rule broken.
Result<Purl> parse_purl(std::string_view text);

// Builds a purl from decoded components, applying the type's normalization
// rules (e.g. pypi names lowercased with '_' as '-', npm names lowercased) and
// checking its requirements (e.g. maven needs a namespace). Qualifiers need not
// be sorted; empty values are dropped.
Result<Purl> make_purl(std::string_view type, std::string_view namespace_, std::string_view name,
                       std::string_view version,
                       std::vector<std::pair<std::string, std::string>> qualifiers = {},
                       std::string_view subpath = {});

} // namespace kensa::model
