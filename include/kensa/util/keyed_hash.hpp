#pragma once

#include <cstdint>
#include <string_view>

// A hash an attacker cannot aim at: SipHash-2-4 (Aumasson and Bernstein,
// 2012) under a secret key drawn once per table that needs it. The hash
// tables that hold names taken from a document (bom-refs, SPDXIDs,
// component ids) use std::hash, which is fast but public: a document
// crafted so that its names collide would make every lookup walk all of
// them. A table whose probes grow too long switches to this hash
// (util/flat_hash_map.hpp).
namespace kensa::util {

struct HashKey {
  std::uint64_t first = 0;
  std::uint64_t second = 0;
};

// SipHash-2-4 of `bytes` under `key` (the 64-bit output, as the reference
// implementation gives it read as little-endian).
std::uint64_t siphash(std::string_view bytes, const HashKey& key);

// A fresh secret key from the system's random source.
HashKey random_hash_key();

} // namespace kensa::util
