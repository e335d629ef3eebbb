#include "../../src/model/license_text_corpus.hpp"
#include "../support/test_support.hpp"

#include <kensa/util/decompress.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using kensa::model::license_text::Corpus;

namespace {

constexpr std::size_t k_magic_size = std::string_view("kensa-license-index-2\n").size();

std::string source_license_texts() {
  const auto compressed = kensa::testing::read_file(std::string(KENSA_SOURCE_DIR) +
                                                    "/schemas/spdx/license-texts.json.xz");
  auto texts = kensa::decompress(compressed, kensa::Compression::xz, 64 * 1024 * 1024);
  REQUIRE(texts);
  return std::move(*texts);
}

} // namespace

TEST_CASE("license index: the compiled-in index is that of the bundled texts", "[license][text]") {
  const auto& bundled = Corpus::bundled();
  const auto from_texts = Corpus::from_texts(source_license_texts());
  CHECK(bundled.version() == from_texts.version());
  CHECK(bundled.licenses().size() == from_texts.licenses().size());
  CHECK(bundled == from_texts);
  // Every license of the list with a text long enough is a row of it.
  CHECK(bundled.licenses().size() > 600);
}

TEST_CASE("license index: an index reads back as written", "[license][text]") {
  const auto& bundled = Corpus::bundled();
  const auto bytes = bundled.serialise();
  CHECK(Corpus::from_index(bytes) == bundled);
}

TEST_CASE("license index: a damaged index is refused, never read past its end", "[license][text]") {
  const auto bytes = Corpus::bundled().serialise();
  CHECK_THROWS_AS(Corpus::from_index(""), std::runtime_error);
  CHECK_THROWS_AS(Corpus::from_index("kensa-license-index-0\n"), std::runtime_error);
  // Cut anywhere (a sample of cuts across the whole file), or with a byte
  // more, it is refused.
  for (std::size_t size = 0; size < bytes.size(); size += 1 + size / 3) {
    CHECK_THROWS_AS(Corpus::from_index(std::string_view(bytes).substr(0, size)),
                    std::runtime_error);
  }
  CHECK_THROWS_AS(Corpus::from_index(bytes + "x"), std::runtime_error);
  // A byte changed anywhere (a sample of places) is refused, or read into
  // tables that lookups stay inside of.
  std::size_t refused = 0;
  for (std::size_t at = k_magic_size; at < bytes.size(); at += 1 + bytes.size() / 60) {
    auto damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    try {
      const auto corpus = Corpus::from_index(damaged);
      for (const auto pair : {0x0102030405060708ULL, 1ULL, ~0ULL}) {
        CHECK(corpus.postings(pair).size() <= corpus.licenses().size());
      }
      for (std::size_t license = 0; license < corpus.licenses().size(); license += 50) {
        CHECK(corpus.pairs_of(static_cast<std::uint16_t>(license)).size() <= damaged.size() / 8);
      }
    } catch (const std::runtime_error&) {
      ++refused;
    }
  }
  CHECK(refused > 0);
}
