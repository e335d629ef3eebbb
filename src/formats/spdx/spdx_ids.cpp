#include "spdx_ids.hpp"

#include "../common/text_digest.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/model/ids.hpp>
#include <kensa/util/strings.hpp>
#include <kensa/util/text_pieces.hpp>
#include <kensa/util/two_halves.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace kensa::format::spdx {

std::string document_namespace(std::string_view document_name) {
  return "https://kensa.invalid/spdx/" + sanitize_id(document_name) + "-" +
         std::string(k_namespace_hash_placeholder);
}

namespace {

using common::sha256_of;

// namespace_hash (see spdx_ids.hpp) of a text in pieces.
std::string namespace_hash(util::TextPieces pieces) {
  const std::size_t size = util::total_size(pieces);
  if (size <= k_namespace_hash_chunk) {
    return sha256_of(pieces, 0, size);
  }
  const std::size_t chunks = (size + k_namespace_hash_chunk - 1) / k_namespace_hash_chunk;
  std::vector<std::string> digests(chunks);
  run_in_two_halves(chunks, [&](std::size_t begin, std::size_t end, int) {
    for (std::size_t chunk = begin; chunk < end; ++chunk) {
      digests[chunk] = sha256_of(pieces, chunk * k_namespace_hash_chunk, k_namespace_hash_chunk);
    }
  });
  std::string joined;
  for (const auto& digest : digests) {
    joined += digest;
  }
  return model::compute_hash(model::HashAlgorithm::sha256, joined).hex;
}

} // namespace

void fill_namespace_hash(util::TextPieces pieces) {
  // An SPDX 3 document names its namespace in every IRI, a million times
  // in a big one: the search skips up to the placeholder's length at each
  // step through the hex digits around them.
  const std::vector<std::size_t> places = util::find_all(pieces, k_namespace_hash_placeholder);
  const std::string zeros(k_namespace_hash_placeholder.size(), '0');
  for (const std::size_t at : places) {
    util::overwrite(pieces, at, zeros);
  }
  const std::string hash = namespace_hash(pieces);
  for (const std::size_t at : places) {
    util::overwrite(pieces, at, hash);
  }
}

void fill_namespace_hash(std::string& text) {
  const std::span<char> whole(text.data(), text.size());
  fill_namespace_hash(util::TextPieces(&whole, 1));
}

std::string sanitize_id(std::string_view text, std::size_t max_length) {
  std::string out;
  for (char c : text) {
    if (out.size() >= max_length) {
      break;
    }
    const bool allowed = is_ascii_alnum(c) || c == '.' || c == '-';
    out += allowed ? c : '-';
  }
  return out.empty() ? "unnamed" : out;
}

std::string package_spdx_id(const model::Component& component, bool subject) {
  std::string id = subject ? "SPDXRef-Subject-" : "SPDXRef-Package-";
  if (!subject && !component.ecosystem.empty()) {
    id += sanitize_id(component.ecosystem) + "-";
  }
  id += sanitize_id(component.name) + "-" + component.id;
  return id;
}

std::string file_spdx_id(const model::FileEntry& file) {
  return "SPDXRef-File-" + model::content_hash_id("file\n" + file.path);
}

std::string component_id_from_spdx_id(std::string_view spdx_id) {
  constexpr std::size_t k_length = 16;
  if (spdx_id.size() < k_length + 1 || spdx_id[spdx_id.size() - k_length - 1] != '-') {
    return "";
  }
  std::string_view tail = spdx_id.substr(spdx_id.size() - k_length);
  for (char c : tail) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return "";
    }
  }
  return std::string(tail);
}

std::string actor_text(const model::Party& party) {
  if (party.empty()) {
    return "";
  }
  std::string name =
      party.name.empty() ? (party.email.empty() ? party.url : party.email) : party.name;
  std::string text = (party.is_organization ? "Organization: " : "Person: ") + name;
  if (!party.email.empty()) {
    text += " (" + party.email + ")";
  }
  return text;
}

model::Party parse_actor(std::string_view text) {
  model::Party party;
  text = trim(text);
  std::string_view rest;
  if (starts_with_ignore_case(text, "Person:")) {
    rest = text.substr(7);
  } else if (starts_with_ignore_case(text, "Organization:")) {
    rest = text.substr(13);
    party.is_organization = true;
  } else if (starts_with_ignore_case(text, "Tool:")) {
    rest = text.substr(5);
  } else {
    return party;
  }
  rest = trim(rest);
  // "Name (email)": the email is the last parenthesised part, and may be
  // empty ("Jane Doe ()").
  if (!rest.empty() && rest.back() == ')') {
    auto open = rest.rfind('(');
    if (open != std::string_view::npos) {
      party.email = std::string(trim(rest.substr(open + 1, rest.size() - open - 2)));
      rest = trim(rest.substr(0, open));
    }
  }
  party.name = std::string(rest);
  return party;
}

std::optional<std::string> spdx2_algorithm(model::HashAlgorithm algorithm,
                                           std::string_view version) {
  using model::HashAlgorithm;
  switch (algorithm) {
  case HashAlgorithm::md5:
    return "MD5";
  case HashAlgorithm::sha1:
    return "SHA1";
  case HashAlgorithm::sha256:
    return "SHA256";
  case HashAlgorithm::sha384:
    return "SHA384";
  case HashAlgorithm::sha512:
    return "SHA512";
  default:
    break;
  }
  if (version == "2.2") {
    return std::nullopt; // 2.2 knows none of the algorithms below.
  }
  switch (algorithm) {
  case HashAlgorithm::sha3_256:
    return "SHA3-256";
  case HashAlgorithm::sha3_384:
    return "SHA3-384";
  case HashAlgorithm::sha3_512:
    return "SHA3-512";
  case HashAlgorithm::blake2b_256:
    return "BLAKE2b-256";
  case HashAlgorithm::blake2b_384:
    return "BLAKE2b-384";
  case HashAlgorithm::blake2b_512:
    return "BLAKE2b-512";
  case HashAlgorithm::blake3:
    return "BLAKE3";
  default:
    return std::nullopt;
  }
}

std::string_view purpose_of(model::ComponentType type) {
  using model::ComponentType;
  switch (type) {
  case ComponentType::application:
    return "APPLICATION";
  case ComponentType::framework:
    return "FRAMEWORK";
  case ComponentType::library:
    return "LIBRARY";
  case ComponentType::container:
    return "CONTAINER";
  case ComponentType::operating_system:
    return "OPERATING_SYSTEM";
  case ComponentType::device:
    return "DEVICE";
  case ComponentType::firmware:
    return "FIRMWARE";
  case ComponentType::file:
    return "FILE";
  default:
    return "OTHER";
  }
}

std::optional<model::ComponentType> type_of_purpose(std::string_view purpose) {
  using model::ComponentType;
  static constexpr std::array<std::pair<std::string_view, ComponentType>, 9> k_types{{
      {"APPLICATION", ComponentType::application},
      {"FRAMEWORK", ComponentType::framework},
      {"LIBRARY", ComponentType::library},
      {"CONTAINER", ComponentType::container},
      {"OPERATING_SYSTEM", ComponentType::operating_system},
      {"OPERATING-SYSTEM", ComponentType::operating_system},
      {"DEVICE", ComponentType::device},
      {"FIRMWARE", ComponentType::firmware},
      {"FILE", ComponentType::file},
  }};
  for (const auto& [word, type] : k_types) {
    if (equals_ignore_case(word, purpose)) {
      return type;
    }
  }
  return std::nullopt;
}

} // namespace kensa::format::spdx
