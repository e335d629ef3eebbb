#pragma once

#include <kensa/util/text_pieces.hpp>

#include <cstddef>
#include <string>

// Hashing a document the writers finish in place (the SPDX namespace, the
// CycloneDX serial number), without joining its pieces.
namespace kensa::format::common {

// The SHA-256 (lowercase hex) of [begin, begin + length) of the pieces.
std::string sha256_of(util::TextPieces pieces, std::size_t begin, std::size_t length);

} // namespace kensa::format::common
