#include <kensa/util/keyed_hash.hpp>

#include <bit>
#include <cstring>
#include <random>

namespace kensa::util {

namespace {

std::uint64_t little_endian_word(const char* bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  if constexpr (std::endian::native == std::endian::big) {
    word = __builtin_bswap64(word);
  }
  return word;
}

struct SipState {
  std::uint64_t v0;
  std::uint64_t v1;
  std::uint64_t v2;
  std::uint64_t v3;

  void round() {
    v0 += v1;
    v1 = std::rotl(v1, 13);
    v1 ^= v0;
    v0 = std::rotl(v0, 32);
    v2 += v3;
    v3 = std::rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = std::rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = std::rotl(v1, 17);
    v1 ^= v2;
    v2 = std::rotl(v2, 32);
  }

  void absorb(std::uint64_t word) {
    v3 ^= word;
    round();
    round();
    v0 ^= word;
  }
};

} // namespace

std::uint64_t siphash(std::string_view bytes, const HashKey& key) {
  // The constants spell "somepseudorandomlygeneratedbytes".
  SipState state{key.first ^ 0x736f6d6570736575ULL, key.second ^ 0x646f72616e646f6dULL,
                 key.first ^ 0x6c7967656e657261ULL, key.second ^ 0x7465646279746573ULL};
  const std::size_t whole = bytes.size() / 8 * 8;
  for (std::size_t at = 0; at < whole; at += 8) {
    state.absorb(little_endian_word(bytes.data() + at));
  }
  // The last word: the bytes left over, and the length's low byte on top.
  std::uint64_t last = static_cast<std::uint64_t>(bytes.size() & 0xFF) << 56;
  for (std::size_t at = whole; at < bytes.size(); ++at) {
    last |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at])) << (8 * (at - whole));
  }
  state.absorb(last);
  state.v2 ^= 0xFF;
  for (int i = 0; i < 4; ++i) {
    state.round();
  }
  return state.v0 ^ state.v1 ^ state.v2 ^ state.v3;
}

HashKey random_hash_key() {
  std::random_device source;
  const auto word = [&] {
    return (static_cast<std::uint64_t>(source()) << 32) ^ static_cast<std::uint64_t>(source());
  };
  HashKey key;
  key.first = word();
  key.second = word();
  return key;
}

} // namespace kensa::util
