#include <kensa/model/hash.hpp>
#include <kensa/util/strings.hpp>

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>

namespace kensa::model {

namespace {

struct AlgorithmInfo {
  HashAlgorithm algorithm;
  std::string_view name;
  std::size_t hex_length;
  // OpenSSL's name for EVP_MD_fetch, empty when OpenSSL 3.0 cannot compute it.
  const char* openssl_name;
};

// BLAKE2b-256/384 need a settable digest length, which OpenSSL's BLAKE2B-512
// gained only in 3.2; BLAKE3 is not in OpenSSL at all.
constexpr std::array<AlgorithmInfo, 12> k_algorithms{{
    {HashAlgorithm::md5, "MD5", 32, "MD5"},
    {HashAlgorithm::sha1, "SHA-1", 40, "SHA1"},
    {HashAlgorithm::sha256, "SHA-256", 64, "SHA2-256"},
    {HashAlgorithm::sha384, "SHA-384", 96, "SHA2-384"},
    {HashAlgorithm::sha512, "SHA-512", 128, "SHA2-512"},
    {HashAlgorithm::sha3_256, "SHA3-256", 64, "SHA3-256"},
    {HashAlgorithm::sha3_384, "SHA3-384", 96, "SHA3-384"},
    {HashAlgorithm::sha3_512, "SHA3-512", 128, "SHA3-512"},
    {HashAlgorithm::blake2b_256, "BLAKE2b-256", 64, ""},
    {HashAlgorithm::blake2b_384, "BLAKE2b-384", 96, ""},
    {HashAlgorithm::blake2b_512, "BLAKE2b-512", 128, "BLAKE2B-512"},
    {HashAlgorithm::blake3, "BLAKE3", 64, ""},
}};

const AlgorithmInfo& info(HashAlgorithm algorithm) {
  return k_algorithms[static_cast<std::size_t>(algorithm)];
}

struct MdDeleter {
  void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct MdContextDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

} // namespace

std::string_view hash_algorithm_name(HashAlgorithm algorithm) {
  return info(algorithm).name;
}

namespace {

// Whether two algorithm names agree ignoring case, '-' and '_' ("SHA256",
// "sha-256" and "SHA_256" do). Without allocating: SBOM readers and the
// validator call this for every hash of every component.
bool same_algorithm_name(std::string_view a, std::string_view b) {
  const auto separator = [](char c) { return c == '-' || c == '_'; };
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    while (i < a.size() && separator(a[i])) {
      ++i;
    }
    while (j < b.size() && separator(b[j])) {
      ++j;
    }
    if (i == a.size() || j == b.size()) {
      return i == a.size() && j == b.size();
    }
    if (to_lower_ascii(a[i]) != to_lower_ascii(b[j])) {
      return false;
    }
    ++i;
    ++j;
  }
}

} // namespace

std::optional<HashAlgorithm> parse_hash_algorithm(std::string_view name) {
  for (const auto& entry : k_algorithms) {
    if (same_algorithm_name(entry.name, name)) {
      return entry.algorithm;
    }
  }
  return std::nullopt;
}

std::size_t hash_hex_length(HashAlgorithm algorithm) {
  return info(algorithm).hex_length;
}

bool can_compute(HashAlgorithm algorithm) {
  return info(algorithm).openssl_name[0] != '\0';
}

namespace {

// Each algorithm's implementation, fetched once for the whole run (Hasher
// and compute_hash share them): fetching looks the name up in OpenSSL's
// provider tables, which costs more than hashing a short string (component
// ids hash one purl each).
const EVP_MD* fetched_digest(HashAlgorithm algorithm) {
  static const auto digests = [] {
    std::array<std::unique_ptr<EVP_MD, MdDeleter>, k_algorithms.size()> fetched;
    for (std::size_t i = 0; i < k_algorithms.size(); ++i) {
      if (k_algorithms[i].openssl_name[0] != '\0') {
        fetched[i].reset(EVP_MD_fetch(nullptr, k_algorithms[i].openssl_name, nullptr));
      }
    }
    return fetched;
  }();
  return digests[static_cast<std::size_t>(algorithm)].get();
}

} // namespace

struct Hasher::State {
  std::vector<HashAlgorithm> algorithms;
  std::vector<std::unique_ptr<EVP_MD_CTX, MdContextDeleter>> contexts;
};

Hasher::Hasher(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Hasher::Hasher(Hasher&&) noexcept = default;
Hasher& Hasher::operator=(Hasher&&) noexcept = default;
Hasher::~Hasher() = default;

Result<Hasher> Hasher::create(std::span<const HashAlgorithm> algorithms) {
  auto state = std::make_unique<State>();
  for (HashAlgorithm algorithm : algorithms) {
    if (!can_compute(algorithm)) {
      return fail("cannot compute " + std::string(hash_algorithm_name(algorithm)));
    }
    const EVP_MD* md = fetched_digest(algorithm);
    std::unique_ptr<EVP_MD_CTX, MdContextDeleter> context(EVP_MD_CTX_new());
    if (md == nullptr || !context || EVP_DigestInit_ex2(context.get(), md, nullptr) != 1) {
      return fail("OpenSSL cannot compute " + std::string(hash_algorithm_name(algorithm)));
    }
    state->algorithms.push_back(algorithm);
    state->contexts.push_back(std::move(context));
  }
  return Hasher(std::move(state));
}

void Hasher::update(std::string_view bytes) {
  for (auto& context : m_state->contexts) {
    EVP_DigestUpdate(context.get(), bytes.data(), bytes.size());
  }
}

std::vector<Hash> Hasher::finish() {
  std::vector<Hash> hashes;
  for (std::size_t i = 0; i < m_state->contexts.size(); ++i) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_state->contexts[i].get(), digest, &length);
    hashes.push_back(Hash{m_state->algorithms[i],
                          to_hex(std::string_view(reinterpret_cast<const char*>(digest), length))});
  }
  return hashes;
}

namespace {

// The digest of `parts` one after the other into `digest` (EVP_MAX_MD_SIZE
// bytes); gives its length. One context per thread, initialised again for
// every hash.
unsigned digest_of_parts(HashAlgorithm algorithm, std::span<const std::string_view> parts,
                         unsigned char* digest) {
  const EVP_MD* md = fetched_digest(algorithm);
  thread_local std::unique_ptr<EVP_MD_CTX, MdContextDeleter> context(EVP_MD_CTX_new());
  unsigned int length = 0;
  bool hashed = md != nullptr && context && EVP_DigestInit_ex2(context.get(), md, nullptr) == 1;
  for (const std::string_view part : parts) {
    hashed = hashed && EVP_DigestUpdate(context.get(), part.data(), part.size()) == 1;
  }
  if (!hashed || EVP_DigestFinal_ex(context.get(), digest, &length) != 1) {
    throw std::logic_error("cannot compute " + std::string(hash_algorithm_name(algorithm)));
  }
  return length;
}

} // namespace

Hash compute_hash(HashAlgorithm algorithm, std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  const unsigned length =
      digest_of_parts(algorithm, std::span<const std::string_view>(&bytes, 1), digest);
  return Hash{algorithm, to_hex(std::string_view(reinterpret_cast<const char*>(digest), length))};
}

std::string sha256_hex_prefix(std::span<const std::string_view> parts, std::size_t hex_digits) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  const unsigned length = digest_of_parts(HashAlgorithm::sha256, parts, digest);
  // Only the bytes the digits come from are written out.
  const std::size_t digits = std::min<std::size_t>(hex_digits, std::size_t{length} * 2);
  std::string hex =
      to_hex(std::string_view(reinterpret_cast<const char*>(digest), (digits + 1) / 2));
  hex.resize(digits);
  return hex;
}

std::string to_hex(std::string_view bytes) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex.push_back(k_digits[byte >> 4]);
    hex.push_back(k_digits[byte & 0x0f]);
  }
  return hex;
}

std::string package_verification_code(std::vector<std::string> file_sha1s) {
  std::sort(file_sha1s.begin(), file_sha1s.end());
  std::string joined;
  joined.reserve(file_sha1s.size() * 40);
  for (const auto& sha1 : file_sha1s) {
    joined += sha1;
  }
  return compute_hash(HashAlgorithm::sha1, joined).hex;
}

Result<std::vector<Hash>> decode_integrity(std::string_view integrity) {
  std::vector<Hash> hashes;
  for (std::string_view entry : split(trim(integrity), ' ')) {
    entry = trim(entry);
    if (entry.empty()) {
      continue;
    }
    // Subresource Integrity allows "?options" after the digest.
    entry = entry.substr(0, entry.find('?'));
    std::size_t dash = entry.find('-');
    if (dash == std::string_view::npos) {
      return fail("integrity entry without algorithm: " + std::string(entry));
    }
    auto algorithm = parse_hash_algorithm(entry.substr(0, dash));
    if (!algorithm) {
      continue; // An algorithm we do not know is not an error in SRI.
    }
    auto bytes = decode_base64(entry.substr(dash + 1));
    if (!bytes) {
      return fail("integrity entry " + std::string(entry) + ": " + bytes.error());
    }
    Hash hash{*algorithm, to_hex(*bytes)};
    if (hash.hex.size() != hash_hex_length(*algorithm)) {
      return fail("integrity entry " + std::string(entry) + " has the wrong digest length");
    }
    hashes.push_back(std::move(hash));
  }
  return hashes;
}

Result<Hash> decode_go_h1(std::string_view h1) {
  if (!h1.starts_with("h1:")) {
    return fail("Go module hash does not start with h1: " + std::string(h1));
  }
  auto bytes = decode_base64(h1.substr(3));
  if (!bytes || bytes->size() != 32) {
    return fail("Go module hash is not a base64 SHA-256: " + std::string(h1));
  }
  return Hash{HashAlgorithm::sha256, to_hex(*bytes)};
}

} // namespace kensa::model
