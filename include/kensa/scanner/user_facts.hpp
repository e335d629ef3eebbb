#pragma once

#include <kensa/model/document.hpp>
#include <kensa/model/hash.hpp>
#include <kensa/source/source.hpp>
#include <kensa/util/result.hpp>

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// What only the person running a scan knows about the document and what it
// describes: who wrote the SBOM, what the scanned thing is called, its
// version and supplier, and at which point of its life it was scanned.
// Government minimum elements ask for these (docs/validate/profiles.md).
// They come from flags or a configuration file (docs/cli.md), never from
// the scanned tree, which is untrusted.
namespace kensa::scanner {

struct UserFacts {
  // The SBOM's authors (persons or organisations).
  std::vector<model::Party> authors;
  // What was scanned, as the user names it; empty keeps what the scan
  // found (the project's own manifest, the distribution, the folder name).
  std::string subject_name;
  std::string subject_version;
  model::Party subject_supplier;
  // The subject's declared license, a canonical SPDX expression checked by
  // parse_user_license(); empty keeps what the project's own manifest
  // declares, if anything.
  std::string subject_license;
  // Digests of the artifact the subject is released as (the source archive
  // a folder is built into), each checked by parse_user_hash(). A folder
  // has no bytes of its own, so kensa computes no digest for it.
  std::vector<model::Hash> subject_hashes;
  // Canonical form, checked by parse_user_purl().
  std::string subject_purl;
  // A CycloneDX lifecycle phase; empty: the phase the kind of input tells
  // (lifecycle_for()).
  std::string lifecycle;

  bool operator==(const UserFacts&) const = default;
};

// The CycloneDX lifecycle phases, the values --lifecycle accepts.
std::span<const std::string_view> lifecycle_phases();

// The generation context of a scan of `kind`: a folder is a source tree
// ("pre-build"), an archive or a single file the output of a build
// ("post-build"), a root file system or an image software as it is
// deployed ("operations").
std::string_view lifecycle_for(source::SourceKind kind);

// "Jane Doe <jane@example.com>", "Example Ltd <https://example.com>" or a
// bare name. Fails on an empty name or an address that is neither an
// e-mail address nor a web link.
Result<model::Party> parse_author(std::string_view text);

// "Example Ltd" or "Example Ltd,https://example.com": an organisation and
// its web site.
Result<model::Party> parse_supplier(std::string_view text);

// `text` as a canonical purl; fails with the parser's reason.
Result<std::string> parse_user_purl(std::string_view text);

// `text` as a canonical SPDX license expression; fails with the parser's
// reason (an unknown id, a malformed expression). A LicenseRef- names a
// license the SPDX list does not hold.
Result<std::string> parse_user_license(std::string_view text);

// "sha256:HEX" (any algorithm parse_hash_algorithm() knows, "SHA-512:..."
// too): the hex must have the algorithm's length and is written lower
// case.
Result<model::Hash> parse_user_hash(std::string_view text);

// A lifecycle phase checked against lifecycle_phases().
Result<std::string> parse_lifecycle(std::string_view text);

// The largest configuration file read.
inline constexpr std::uintmax_t k_max_config_size = 64 * 1024;

// A TOML configuration file with the keys of the flags: `author` (a string
// or an array of strings), `source-name`, `source-version`,
// `source-supplier`, `source-purl`, `source-license`, `source-hash` (a
// string or an array), `lifecycle`. Fails, naming the file,
// when it cannot be read, is larger than k_max_config_size, is not TOML,
// has a key it does not know (a misspelt key would silently drop a fact)
// or a value of the wrong form.
Result<UserFacts> read_user_facts(const std::filesystem::path& file);

// `base` with every fact that `overrides` sets taken from `overrides`
// (its authors replace base's when it has any).
UserFacts merge_user_facts(UserFacts base, const UserFacts& overrides);

// Writes `facts` into the document of a scan of `kind`: the authors, the
// subject's name, version, supplier, purl, declared license (which
// replaces the manifest's) and hashes, and the lifecycle phase
// (the user's, or the one `kind` tells).
void apply_user_facts(model::Document& document, const UserFacts& facts, source::SourceKind kind);

} // namespace kensa::scanner
