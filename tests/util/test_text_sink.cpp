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
