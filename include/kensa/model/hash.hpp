#pragma once

#include <kensa/util/base64.hpp>
#include <kensa/util/result.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::model {

// The digest algorithms CycloneDX lists. Those OpenSSL cannot compute
// (BLAKE2b-256/384, BLAKE3) can still be carried when read from a document.
enum class HashAlgorithm {
  md5,
  sha1,
  sha256,
  sha384,
  sha512,
  sha3_256,
  sha3_384,
  sha3_512,
  blake2b_256,
  blake2b_384,
  blake2b_512,
  blake3,
};

// A digest as the formats carry it: algorithm plus lowercase hex.
struct Hash {
  HashAlgorithm algorithm = HashAlgorithm::sha256;
  std::string hex;

  auto operator<=>(const Hash&) const = default;
};

// CycloneDX spelling: "SHA-256", "BLAKE2b-512", ...
std::string_view hash_algorithm_name(HashAlgorithm algorithm);

// Parses a CycloneDX or SPDX algorithm name ("SHA-256", "SHA256", "sha256",
// "BLAKE2b-512"), case-insensitively; nullopt when unknown.
std::optional<HashAlgorithm> parse_hash_algorithm(std::string_view name);

// Number of hex characters a digest of `algorithm` has (64 for SHA-256).
std::size_t hash_hex_length(HashAlgorithm algorithm);

// True when OpenSSL here can compute `algorithm`.
bool can_compute(HashAlgorithm algorithm);

// Streaming digest over several algorithms at once, through OpenSSL EVP.
// Feed bytes with update(), then call finish() once.
class Hasher {
 public:
  // Fails when an algorithm cannot be computed (see can_compute).
  static Result<Hasher> create(std::span<const HashAlgorithm> algorithms);

  Hasher(Hasher&&) noexcept;
  Hasher& operator=(Hasher&&) noexcept;
  ~Hasher();

  void update(std::string_view bytes);
  // One Hash per algorithm, in the order given to create().
  std::vector<Hash> finish();

 private:
  struct State;
  explicit Hasher(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

// One-shot digest of `bytes`. Precondition: can_compute(algorithm).
Hash compute_hash(HashAlgorithm algorithm, std::string_view bytes);

// The first `hex_digits` (at most 64) lowercase hex digits of the SHA-256 of
// `parts` one after the other: what content ids are made of (model/ids.hpp),
// without joining the parts or writing out the other digits.
std::string sha256_hex_prefix(std::span<const std::string_view> parts, std::size_t hex_digits);

// SPDX 2's package verification code (SPDX 2.3 section 7.9) of files with
// these SHA-1s (lowercase hex): the SHA-1 of their concatenation in
// ascending order.
std::string package_verification_code(std::vector<std::string> file_sha1s);

// Lowercase hex of raw bytes.
std::string to_hex(std::string_view bytes);

// Digests in lockfiles and package databases are base64 with or without
// '=' padding: util/base64.hpp decodes them.
using kensa::decode_base64;

// Decodes a Subresource Integrity value as npm, yarn and pnpm lockfiles write
// it ("sha512-<base64>", several space-separated entries allowed) into
// hashes. Unknown algorithms are skipped; a malformed entry fails.
Result<std::vector<Hash>> decode_integrity(std::string_view integrity);

// Decodes a Go module hash ("h1:<base64 of SHA-256>") into a SHA-256 Hash.
Result<Hash> decode_go_h1(std::string_view h1);

} // namespace kensa::model
