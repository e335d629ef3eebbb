#pragma once

#include <kensa/model/component.hpp>
#include <kensa/model/hash.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

// How the audit commands tell that two components in two documents are the
// same package, whatever format each document came in.
namespace kensa::audit {

// The purl without its version, subpath and qualifiers, but with its arch
// qualifier (a package built for two architectures is two packages):
// "pkg:npm/%40babel/core", "pkg:deb/debian/libc6?arch=amd64". Empty for an
// empty purl.
std::string purl_identity(std::string_view purl);

// The component's name as the second way to match it: type, group and
// name ("library:@babel/core").
std::string name_identity(const model::Component& component);

// How a component is named in reports: its purl identity, else
// "group/name".
std::string subject_name(const model::Component& component);

// The two digests to compare of two hash lists: those of the strongest
// algorithm both have (SHA-512 before SHA-256 before SHA-1 before MD5), or
// nullopt when they share none.
struct DigestPair {
  model::Hash before;
  model::Hash after;
};
std::optional<DigestPair> strongest_common_digest(std::span<const model::Hash> before,
                                                  std::span<const model::Hash> after);

// The strongest algorithm of `hashes` that kensa can compute, or nullopt.
std::optional<model::HashAlgorithm> strongest_computable(std::span<const model::Hash> hashes);

// "SHA-256:<hex>".
std::string digest_text(const model::Hash& hash);

} // namespace kensa::audit
