#pragma once

#include <optional>
#include <string>
#include <string_view>

// URI references (RFC 3986) and their internationalized form (RFC 3987):
// splitting, checking against the grammar, and resolving a reference against
// a base. The schema registry resolves `$id` and `$ref` with these, and the
// `uri`, `uri-reference`, `iri` and `iri-reference` formats check with them.
namespace kensa::validate::schema {

// The five components of a URI reference. Absent and empty differ: "a?" has
// an empty query, "a" none.
struct UriParts {
  std::optional<std::string> scheme;
  std::optional<std::string> authority;
  std::string path;
  std::optional<std::string> query;
  std::optional<std::string> fragment;

  // The reference written back out (RFC 3986 section 5.3).
  std::string to_string() const;
};

// Splits a reference into components without checking characters (RFC 3986
// appendix B), which every string allows.
UriParts split_uri(std::string_view text);

// Resolves `reference` against the absolute `base` (RFC 3986 section 5.2),
// removing dot segments.
std::string resolve_uri(std::string_view base, std::string_view reference);

// `uri` without its fragment ("http://a/b#c" gives "http://a/b").
std::string_view strip_fragment(std::string_view uri);

// The fragment of `uri` (without '#'), or nullopt when it has none.
std::optional<std::string_view> fragment_of(std::string_view uri);

enum class UriKind {
  absolute_uri, // a scheme is required
  reference,    // relative references allowed too
};

// Whether `text` matches the RFC 3986 grammar (URI or URI-reference), or,
// with `international`, the RFC 3987 one (IRI or IRI-reference).
bool is_valid_uri(std::string_view text, UriKind kind, bool international);

// Dotted-quad IPv4 (RFC 3986 IPv4address: four decimal octets, no leading
// zeros) and IPv6 (RFC 4291 text form, RFC 3986 IPv6address).
bool is_valid_ipv4_address(std::string_view text);
bool is_valid_ipv6_address(std::string_view text);

} // namespace kensa::validate::schema
