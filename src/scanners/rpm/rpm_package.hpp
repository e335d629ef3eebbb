#pragma once

#include "header.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/util/result.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

// The facts of one installed rpm package, from its header.
namespace kensa::scanner::rpm {

struct RpmPackage {
  std::string name;
  std::string version;
  std::string release;
  // Absent for most packages; rpm treats a missing epoch as 0.
  std::optional<std::uint64_t> epoch;
  std::string arch;
  std::string license;
  std::string vendor;
  std::string packager;
  std::string summary;
  std::string url;
  // "openssl-3.0.7-27.el9.src.rpm"
  std::string source_rpm;
  std::optional<std::uint64_t> size;
  std::vector<std::string> requires_names;
  std::vector<std::string> provides_names;
  // Absolute paths of the files the package installed.
  std::vector<std::string> files;
  std::size_t file_digests = 0;
  // CycloneDX name of FILEDIGESTALGO ("SHA-256"); MD5 when the tag is absent,
  // as rpm assumes.
  std::string file_digest_algorithm;
  // FILEDIGESTS in hex, parallel to `files` (empty for folders and links),
  // and their algorithm when kensa knows it; empty when the counts differ.
  std::vector<std::string> file_digest_hexes;
  std::optional<model::HashAlgorithm> file_digest_hash;
  // Digests of parts of the package file, never of the package file itself
  // (the lead and the signature header are in neither), all lowercase hex;
  // empty when the header has none or the value is not hex of the
  // algorithm's length. The installed header carries the first three,
  // copied from the package's signature header.
  // SIGMD5: MD5 over the header and the compressed payload.
  std::string sigmd5;
  // SHA1HEADER and SHA256HEADER: over the header alone.
  std::string sha1_header;
  std::string sha256_header;
  // PAYLOADDIGEST over the compressed payload, PAYLOADDIGESTALT over the
  // uncompressed one, both in PAYLOADDIGESTALGO's algorithm (CycloneDX
  // name; SHA-256 when the tag is absent, as rpm assumes).
  std::string payload_digest;
  std::string payload_digest_alt;
  std::string payload_digest_algorithm;
};

// Reads the tags above. Fails when NAME or VERSION is missing, or the file
// list is inconsistent (a directory index past the directory names).
Result<RpmPackage> read_package(const RpmHeader& header);

// "E:V-R" when there is an epoch, "V-R" otherwise.
std::string full_version(const RpmPackage& package);

} // namespace kensa::scanner::rpm
