#include "format_fixture.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/model/hash.hpp>

#include <catch2/catch.hpp>

#include <regex>
#include <string>

using namespace kensa;

// An SPDX document's namespace ends in a hash of the document's own text,
// with 64 zeros where the hash goes: the SHA-256 of that text, or,
// past 4 MiB, the SHA-256 of its 4 MiB chunks' SHA-256 digests (hex,
// joined), which two threads compute in half the time.
namespace {

constexpr std::size_t k_chunk = 4 * 1024 * 1024;
const std::string k_zeros(64, '0');

std::string sha256(std::string_view bytes) {
  return model::compute_hash(model::HashAlgorithm::sha256, bytes).hex;
}

std::string chunked_sha256(std::string_view text) {
  std::string digests;
  for (std::size_t at = 0; at < text.size(); at += k_chunk) {
    digests += sha256(text.substr(at, k_chunk));
  }
  return sha256(digests);
}

// The hash the document's namespace ends with.
std::string namespace_hash(const std::string& text) {
  static const std::regex k_namespace("https://kensa\\.invalid/spdx/[A-Za-z0-9.-]*-([0-9a-f]{64})");
  std::smatch match;
  REQUIRE(std::regex_search(text, match, k_namespace));
  return match[1];
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) {
    ++count;
  }
  return count;
}

// `text` with every `from` replaced by `to` (same length); how many there were.
std::size_t replace_all(std::string& text, const std::string& from, const std::string& to) {
  std::size_t count = 0;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
    ++count;
  }
  return count;
}

} // namespace

TEST_CASE("spdx namespace: a small document's is the SHA-256 of its text", "[formats]") {
  const model::Document document = testing::every_field_document();
  for (const std::string spec : {"spdx-json@2.3", "spdx-tag-value@2.2", "spdx-json@3.0"}) {
    INFO(spec);
    std::string text = testing::render_as(document, spec);
    REQUIRE(text.size() < k_chunk);
    const std::string hash = namespace_hash(text);
    CHECK(replace_all(text, hash, k_zeros) >= 1);
    CHECK(sha256(text) == hash);
  }
}

TEST_CASE("spdx namespace: a big document's is hashed by chunks and fills every IRI",
          "[heavy][formats]") {
  const model::Document document = testing::chain_document(5000);
  for (const std::string spec : {"spdx-json@2.3", "spdx-json@3.0"}) {
    INFO(spec);
    std::string text = testing::render_as(document, spec);
    REQUIRE(text.size() > k_chunk);
    CHECK(text.find(k_zeros) == std::string::npos);
    const std::string hash = namespace_hash(text);
    const std::size_t namespaces = count_of(text, "https://kensa.invalid/spdx/");
    const std::size_t filled = replace_all(text, hash, k_zeros);
    // SPDX 3 names the namespace in every IRI, SPDX 2 once.
    CHECK(filled == namespaces);
    CHECK(filled >= (spec.ends_with("3.0") ? 10'000u : 1u));
    CHECK(chunked_sha256(text) == hash);
    CHECK(sha256(text) != hash);
  }
}

// Data that is 64 zeros (an unknown digest, say) is data: only the
// namespaces get the hash, and the hash is still that of the text with
// zeros where they are.
TEST_CASE("spdx namespace: a digest of zeros in the data is left alone", "[formats]") {
  model::Document document = testing::chain_document(3);
  document.components[1].hashes.push_back({model::HashAlgorithm::sha256, k_zeros});
  for (const std::string spec : {"spdx-json@2.3", "spdx-tag-value@2.3", "spdx-json@3.0"}) {
    INFO(spec);
    std::string text = testing::render_as(document, spec);
    CHECK(count_of(text, k_zeros) == 1);
    const std::string hash = namespace_hash(text);
    CHECK(count_of(text, hash) == count_of(text, "https://kensa.invalid/spdx/"));
    replace_all(text, hash, k_zeros);
    CHECK(sha256(text) == hash);
  }
}
