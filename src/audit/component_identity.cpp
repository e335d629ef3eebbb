#include <kensa/audit/component_identity.hpp>

#include <array>

namespace kensa::audit {

std::string purl_identity(std::string_view purl) {
  if (const std::size_t hash = purl.find('#'); hash != std::string_view::npos) {
    purl = purl.substr(0, hash);
  }
  std::string_view qualifiers;
  if (const std::size_t question = purl.find('?'); question != std::string_view::npos) {
    qualifiers = purl.substr(question + 1);
    purl = purl.substr(0, question);
  }
  // A canonical purl encodes '@' in names ("%40babel"), so the last '@'
  // after the last '/' starts the version.
  const std::size_t slash = purl.rfind('/');
  const std::size_t at = purl.rfind('@');
  if (at != std::string_view::npos && (slash == std::string_view::npos || at > slash)) {
    purl = purl.substr(0, at);
  }
  std::string identity(purl);
  while (!qualifiers.empty()) {
    const std::size_t amp = qualifiers.find('&');
    const std::string_view pair = qualifiers.substr(0, amp);
    if (pair.starts_with("arch=")) {
      identity += "?";
      identity += pair;
    }
    qualifiers = amp == std::string_view::npos ? std::string_view() : qualifiers.substr(amp + 1);
  }
  return identity;
}

std::string name_identity(const model::Component& component) {
  std::string identity(model::component_type_name(component.type));
  identity += ":";
  if (!component.group.empty()) {
    identity += component.group;
    identity += "/";
  }
  identity += component.name;
  return identity;
}

std::string subject_name(const model::Component& component) {
  if (!component.purl.empty()) {
    return purl_identity(component.purl);
  }
  return component.group.empty() ? component.name : component.group + "/" + component.name;
}

namespace {

// Strongest first.
constexpr std::array k_digest_strength{
    model::HashAlgorithm::sha512, model::HashAlgorithm::sha3_512, model::HashAlgorithm::blake2b_512,
    model::HashAlgorithm::sha384, model::HashAlgorithm::sha3_384, model::HashAlgorithm::blake2b_384,
    model::HashAlgorithm::sha256, model::HashAlgorithm::sha3_256, model::HashAlgorithm::blake2b_256,
    model::HashAlgorithm::blake3, model::HashAlgorithm::sha1,     model::HashAlgorithm::md5,
};

const model::Hash* find_hash(std::span<const model::Hash> hashes, model::HashAlgorithm algorithm) {
  for (const auto& hash : hashes) {
    if (hash.algorithm == algorithm) {
      return &hash;
    }
  }
  return nullptr;
}

} // namespace

std::optional<DigestPair> strongest_common_digest(std::span<const model::Hash> before,
                                                  std::span<const model::Hash> after) {
  for (const auto algorithm : k_digest_strength) {
    const model::Hash* left = find_hash(before, algorithm);
    const model::Hash* right = find_hash(after, algorithm);
    if (left != nullptr && right != nullptr) {
      return DigestPair{*left, *right};
    }
  }
  return std::nullopt;
}

std::optional<model::HashAlgorithm> strongest_computable(std::span<const model::Hash> hashes) {
  for (const auto algorithm : k_digest_strength) {
    if (model::can_compute(algorithm) && find_hash(hashes, algorithm) != nullptr) {
      return algorithm;
    }
  }
  return std::nullopt;
}

std::string digest_text(const model::Hash& hash) {
  return std::string(model::hash_algorithm_name(hash.algorithm)) + ":" + hash.hex;
}

} // namespace kensa::audit
