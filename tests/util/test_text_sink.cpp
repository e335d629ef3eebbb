#include <kensa/util/text_sink.hpp>

#include <catch2/catch.hpp>

#include <string>

using kensa::util::TextSink;

TEST_CASE("text sink: text across chunk boundaries comes back whole and in order",
          "[util][text-sink]") {
  // Chunks of 7 bytes, so that every way of crossing a boundary happens.
  TextSink sink(7);
  CHECK(sink.empty());
  std::string expected;
  for (int i = 0; i < 200; ++i) {
    const std::string piece = std::to_string(i) + (i % 3 == 0 ? "-abcdefghijklmnop-" : ",");
    sink << piece;
    sink.put('|');
    expected += piece;
    expected += '|';
  }
  CHECK_FALSE(sink.empty());
  CHECK(sink.take() == expected);
  // Taken: empty again, and usable again.
  CHECK(sink.empty());
  sink << "again";
  CHECK(sink.take() == "again");
}

TEST_CASE("text sink: adopted text is handed over, and later writes follow it",
          "[util][text-sink]") {
  TextSink sink(4);
  std::string big(1000, 'x');
  const char* const data = big.data();
  sink.adopt(std::move(big));
  // Nothing written after it: the very same string comes back.
  std::string taken = sink.take();
  CHECK(taken.data() == data);
  CHECK(taken.size() == 1000);

  sink.adopt("head;");
  sink << "tail";
  CHECK(sink.take() == "head;tail");

  sink << "first;";
  sink.adopt("second");
  CHECK(sink.take() == "first;second");
}

namespace {

std::string joined(TextSink& sink) {
  std::string text;
  for (const auto piece : sink.pieces()) {
    text.append(piece.data(), piece.size());
  }
  return text;
}

} // namespace

TEST_CASE("text sink: pieces are the text in place, and appending hands chunks over",
          "[util][text-sink]") {
  TextSink first(5);
  first.adopt("head:");
  first << "0123456789ab";
  // The head, two full chunks, and the part of the third in use.
  const auto pieces = first.pieces();
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[0].size() == 5);
  CHECK(pieces[3].size() == 2);
  CHECK(joined(first) == "head:0123456789ab");
  pieces[1][0] = 'X';
  CHECK(joined(first) == "head:X123456789ab");

  // Into an empty sink: the very same chunks, and writing goes on after them.
  TextSink into(5);
  const char* const chunk = pieces[1].data();
  into.append(first);
  CHECK(first.empty());
  CHECK(into.pieces()[1].data() == chunk);
  into << "cdefg";
  CHECK(into.take() == "head:X123456789abcdefg");

  // Into a sink that holds text already: its chunk in use ends where it
  // is, the other's chunks follow it as they are, and writing goes on in
  // the other's last chunk.
  TextSink other(3);
  other << "xyzw";
  TextSink more(5);
  more.adopt("<");
  more << "1234567";
  const char* const more_last = more.pieces().back().data();
  other.append(more);
  CHECK(more.empty());
  CHECK(other.size() == 12);
  const auto spliced = other.pieces();
  CHECK(spliced.back().data() == more_last);
  CHECK(joined(other) == "xyzw<1234567");
  other << "89";
  CHECK(other.size() == 14);
  CHECK(joined(other) == "xyzw<123456789");
  // Spliced twice, the first buffer's short chunks stay in place.
  TextSink tail(4);
  tail << "!";
  other.append(tail);
  other << "?";
  CHECK(other.take() == "xyzw<123456789!?");

  other << "dropped";
  other.clear();
  CHECK(other.empty());
  CHECK(other.pieces().empty());
}

TEST_CASE("text sink: chunks start small and double up to the chunk size", "[util][text-sink]") {
  using kensa::util::ChunkedTextBuffer;
  TextSink sink(256 << 10);
  std::string expected;
  for (int i = 0; i < 100'000; ++i) {
    expected += std::to_string(i);
    expected += ',';
  }
  sink << expected;
  const auto pieces = sink.pieces();
  REQUIRE(pieces.size() >= 4);
  CHECK(pieces[0].size() == ChunkedTextBuffer::k_first_chunk_size);
  CHECK(pieces[1].size() == 2 * ChunkedTextBuffer::k_first_chunk_size);
  CHECK(pieces[2].size() == 256 << 10);
  CHECK(pieces[3].size() <= 256 << 10);
  CHECK(sink.size() == expected.size());
  CHECK(sink.take() == expected);
}

namespace {

// Keeps what a sink spills, in order, and how it came.
class CollectingSpill final : public kensa::util::TextSpill {
 public:
  void take(std::unique_ptr<char[]> bytes, std::size_t size) override {
    text.append(bytes.get(), size);
    ++pieces;
  }
  void watch(std::function<void(std::string_view)> /*watch*/) override {}
  void drain() override {}
  void overwrite(std::size_t offset, std::string_view bytes) override {
    text.replace(offset, bytes.size(), bytes);
  }
  std::string text;
  std::size_t pieces = 0;
};

} // namespace

// In spill mode a sink keeps only the chunk it fills: the rest has gone to
// the spill, in order, text appended from another sink and adopted text
// included; size() counts all of it.
TEST_CASE("text sink: in spill mode the text leaves as its chunks fill", "[util][text-sink]") {
  CollectingSpill spill;
  TextSink sink(16);
  sink.spill_into(spill);
  sink.adopt("adopted;");
  std::string expected = "adopted;";
  for (int i = 0; i < 100; ++i) {
    const std::string piece = "item-" + std::to_string(i) + ",";
    sink << piece;
    expected += piece;
  }
  sink.flush();
  // What was spilled, then what the sink still holds, is all of it.
  CHECK(spill.pieces > 10);
  std::string held;
  for (const auto piece : sink.pieces()) {
    held.append(piece.data(), piece.size());
  }
  CHECK(held.size() <= 16);
  CHECK(spill.text + held == expected);
  CHECK(sink.size() == expected.size());

  TextSink other(16);
  for (int i = 0; i < 20; ++i) {
    other << "other-" << i << ";";
    expected += "other-" + std::to_string(i) + ";";
  }
  sink.append(other);
  CHECK(other.empty());
  sink << "end";
  expected += "end";
  sink.flush_spill();
  CHECK(spill.text == expected);
  CHECK(sink.size() == expected.size());
  CHECK(sink.pieces().empty());
  CHECK(sink.spilled_head() == std::string_view(expected));
}
