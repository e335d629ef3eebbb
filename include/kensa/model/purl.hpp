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

struct PurlParseOptions {
  // ECMA-427 requires qualifier keys to be lowercase, so a strict parse rejects
  // "?Arch=x86". Producers that follow the older specification wrote keys in
  // any case; a lenient parse lowercases them instead, which is what turning
  // such input into its canonical form needs.
  bool lowercase_qualifier_keys = false;
  // The golang type definition requires a namespace (what comes before the
  // last segment of the module path), but the Go ecosystem (OSV, Grype,
  // Syft, cdxgen, Dependency-Track) writes pkg:golang/stdlib@1.19.8 for the
  // standard library and pkg:golang/go.opencensus.io@v0.24.0 for a module
  // whose path has one segment. A lenient parse accepts them.
  bool golang_namespace_optional = false;
};

// Parses a purl string and applies the normalization rules of its type.
// Fails with a message naming the rule broken.
Result<Purl> parse_purl(std::string_view text, PurlParseOptions options = {});

// Builds a purl from decoded components, applying the type's normalization
// rules (e.g. pypi names lowercased with '_' as '-', npm names lowercased) and
// checking its requirements (e.g. maven needs a namespace). Qualifiers need not
// be sorted; empty values are dropped.
Result<Purl> make_purl(std::string_view type, std::string_view namespace_, std::string_view name,
                       std::string_view version,
                       std::vector<std::pair<std::string, std::string>> qualifiers = {},
                       std::string_view subpath = {});

// Applies the rules the purl type registry gives for `purl.type` (case
// folding, name rewriting, required and prohibited components, permitted
// characters, required qualifiers). Types that are not registered get only the
// rules every type shares. parse_purl and make_purl call this; it is exposed
// for code that edits a Purl's fields and wants them canonical again.
// Precondition: the fields are otherwise well formed (as make_purl checks).
Status apply_purl_type_rules(Purl& purl);
// The same, with the leniency of `options` (golang_namespace_optional).
Status apply_purl_type_rules(Purl& purl, const PurlParseOptions& options);

} // namespace kensa::model
