#include "../../src/formats/common/tree_writer.hpp"

#include <kensa/util/two_halves.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <string>

using namespace kensa;

namespace {

std::string item_text(std::size_t index) {
  return "item " + std::to_string(index);
}

// An object holding `count` strings under "items", written one by one.
std::string written_in_one_go(std::size_t count) {
  std::ostringstream out;
  auto writer = format::common::make_json_writer(out);
  writer->begin_object();
  writer->key("items");
  writer->begin_array();
  for (std::size_t i = 0; i < count; ++i) {
    writer->string(item_text(i));
  }
  writer->end_array();
  writer->end_object();
  writer->finish();
  return out.str();
}

} // namespace

TEST_CASE("tree writer: a big array is written in rounds with the text of one go", "[formats]") {
  using format::common::k_items_per_round;
  // Two full rounds, then one big enough for two threads, then one too
  // small for them.
  for (std::size_t count : {k_items_per_round * 2 + k_two_halves_threshold,
                            k_items_per_round + k_two_halves_threshold - 1, std::size_t{7}}) {
    INFO(count);
    util::TextSink sink;
    auto writer = format::common::make_json_writer(sink);
    writer->begin_object();
    writer->key("items");
    writer->begin_array();
    std::set<std::size_t> by_second_thread;
    format::common::write_items_made(
        *writer, count, [&](format::common::TreeWriter& into, std::size_t index, int half) {
          into.string(item_text(index));
          if (half == 1) {
            // Half 1 calls never overlap.
            by_second_thread.insert(index);
          }
        });
    writer->end_array();
    writer->end_object();
    writer->finish();
    CHECK(sink.take() == written_in_one_go(count));

    // Each round of two threads gave its second half to the second thread.
    std::set<std::size_t> expected;
    for (std::size_t begin = 0; begin < count; begin += k_items_per_round) {
      const std::size_t round = std::min(k_items_per_round, count - begin);
      if (round >= k_two_halves_threshold) {
        for (std::size_t i = begin + round / 2; i < begin + round; ++i) {
          expected.insert(i);
        }
      }
    }
    CHECK(by_second_thread == expected);
  }
}
