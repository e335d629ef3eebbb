#include <kensa/util/text_pieces.hpp>
#include <kensa/util/text_sink.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using kensa::util::TextSink;

namespace {

// Every start of `pattern` in `text`, each search going on after the last
// occurrence: what find_all must give whatever the pieces.
std::vector<std::size_t> find_in_one_string(const std::string& text, const std::string& pattern) {
  std::vector<std::size_t> found;
  for (auto at = text.find(pattern); at != std::string::npos;
       at = text.find(pattern, at + pattern.size())) {
    found.push_back(at);
  }
  return found;
}

} // namespace

TEST_CASE("text pieces: found, read and overwritten across every kind of join",
          "[util][text-sink]") {
  const std::string pattern = "PLACEHOLDER";
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += std::string(static_cast<std::size_t>(i % 13), '.') + pattern;
  }
  text += "PLACEHOLDE"; // Cut short at the end: not an occurrence.
  const auto expected = find_in_one_string(text, pattern);
  REQUIRE(expected.size() == 60);
  // Chunks shorter than the pattern, about as long, and longer.
  for (const std::size_t chunk : {1U, 2U, 5U, 10U, 11U, 12U, 37U, 4096U}) {
    INFO("chunk " << chunk);
    TextSink sink(chunk);
    sink << text;
    const auto pieces = sink.pieces();
    CHECK(kensa::util::total_size(pieces) == text.size());
    CHECK(kensa::util::find_all(pieces, pattern) == expected);
    CHECK(kensa::util::find_all(pieces, pattern, 3) ==
          std::vector<std::size_t>(expected.begin(), expected.begin() + 3));

    std::string part;
    kensa::util::for_each_part(pieces, 7, 40, [&](std::string_view piece) { part += piece; });
    CHECK(part == text.substr(7, 40));

    for (const std::size_t at : expected) {
      kensa::util::overwrite(pieces, at, "placeholder");
    }
    std::string filled = text;
    for (const std::size_t at : expected) {
      filled.replace(at, pattern.size(), "placeholder");
    }
    CHECK(sink.take() == filled);
  }
}

TEST_CASE("text pieces: nothing found in nothing", "[util][text-sink]") {
  TextSink empty;
  CHECK(kensa::util::find_all(empty.pieces(), "x").empty());
  CHECK(kensa::util::total_size(empty.pieces()) == 0);
  TextSink some(3);
  some << "abcabc";
  CHECK(kensa::util::find_all(some.pieces(), "").empty());
  CHECK(kensa::util::find_all(some.pieces(), "cab") == std::vector<std::size_t>{2});
}
