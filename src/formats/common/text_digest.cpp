#include "text_digest.hpp"

#include <kensa/model/hash.hpp>

#include <array>

namespace kensa::format::common {

std::string sha256_of(util::TextPieces pieces, std::size_t begin, std::size_t length) {
  constexpr std::array k_sha256{model::HashAlgorithm::sha256};
  auto hasher = model::Hasher::create(k_sha256);
  util::for_each_part(pieces, begin, length, [&](std::string_view part) { hasher->update(part); });
  return hasher->finish().front().hex;
}

} // namespace kensa::format::common
