// The one in-memory decompressor (gzip, zlib, xz): whole streams come out,
// bombs, damaged and cut streams fail with a message, never throw.
#include <kensa/util/decompress.hpp>

#include <catch2/catch.hpp>
#include <lzma.h>
#include <zlib.h>

#include <cstdint>
#include <string>

using kensa::Compression;
using kensa::decompress;

namespace {

std::string deflated(const std::string& text, Compression compression) {
  z_stream stream{};
  const int window = compression == Compression::gzip ? 16 + MAX_WBITS : MAX_WBITS;
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, window, 8, Z_DEFAULT_STRATEGY) ==
          Z_OK);
  std::string out(deflateBound(&stream, text.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string xz(const std::string& text) {
  std::string out(lzma_stream_buffer_bound(text.size()), '\0');
  std::size_t size = 0;
  REQUIRE(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr,
                                  reinterpret_cast<const std::uint8_t*>(text.data()), text.size(),
                                  reinterpret_cast<std::uint8_t*>(out.data()), &size,
                                  out.size()) == LZMA_OK);
  out.resize(size);
  return out;
}

std::string compressed(const std::string& text, Compression compression) {
  return compression == Compression::xz ? xz(text) : deflated(text, compression);
}

} // namespace

TEST_CASE("decompress: a whole stream comes out whole", "[util][decompress]") {
  const auto compression = GENERATE(Compression::gzip, Compression::zlib, Compression::xz);
  // Larger than one output chunk, so the loop runs more than once.
  std::string text;
  for (int line = 0; line < 20'000; ++line) {
    text += "line " + std::to_string(line) + "\n";
  }
  auto plain = decompress(compressed(text, compression), compression, 1 << 20);
  REQUIRE(plain);
  CHECK(*plain == text);
  CHECK(decompress(compressed("", compression), compression, 0).value().empty());
}

TEST_CASE("decompress: a bomb stops at the cap", "[util][decompress]") {
  const auto compression = GENERATE(Compression::gzip, Compression::zlib, Compression::xz);
  const std::string zeros(8u << 20, '\0');
  const std::string bomb = compressed(zeros, compression);
  REQUIRE(bomb.size() < 100'000);
  auto plain = decompress(bomb, compression, 1u << 20);
  REQUIRE_FALSE(plain);
  CHECK(plain.error() == "decompresses to more than 1048576 bytes");
  CHECK(decompress(bomb, compression, zeros.size()).value().size() == zeros.size());
}

TEST_CASE("decompress: damaged, cut and mislabelled streams fail", "[util][decompress]") {
  const std::string text(5000, 'k');
  const std::string gzip = compressed(text, Compression::gzip);
  CHECK(decompress(gzip.substr(0, gzip.size() / 2), Compression::gzip, 1 << 20).error() ==
        "is not a complete gzip stream");
  CHECK(decompress("not compressed at all", Compression::zlib, 1 << 20).error() ==
        "is not a complete zlib stream");
  CHECK(decompress(gzip, Compression::zlib, 1 << 20).error() == "is not a complete zlib stream");
  const std::string packed = compressed(text, Compression::xz);
  CHECK(decompress(packed.substr(0, packed.size() - 4), Compression::xz, 1 << 20).error() ==
        "is not a complete xz stream");
  CHECK(decompress("", Compression::xz, 1 << 20).error() == "is not a complete xz stream");
}
