#pragma once

#include "utf8_text.hpp"

#include <kensa/util/text_sink.hpp>
#include <kensa/util/two_halves.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::format::common {

// Streams a tree of objects, arrays and scalars without building it in
// memory, so that a document of 100,000 components costs no more than its
// text. JSON and YAML implement it: a serializer written against this
// interface produces both. The caller must nest calls correctly (a key before
// every value inside an object, none inside an array).
class TreeWriter {
 public:
  virtual ~TreeWriter() = default;

  virtual void begin_object() = 0;
  virtual void end_object() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  virtual void key(std::string_view name) = 0;
  // Text is written as UTF-8; invalid sequences become U+FFFD rather than
  // making the whole document unreadable.
  virtual void string(std::string_view value) = 0;
  virtual void integer(std::int64_t value) = 0;
  virtual void boolean(bool value) = 0;
  // Flushes buffered output and ends the document with a newline.
  virtual void finish() = 0;

  void member(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }
  // Writes the member only when `value` is not empty.
  void optional_member(std::string_view name, std::string_view value) {
    if (!value.empty()) {
      member(name, value);
    }
  }
  // An array of strings under `name`.
  void string_array(std::string_view name, const std::vector<std::string>& items) {
    key(name);
    begin_array();
    for (const auto& item : items) {
      string(item);
    }
    end_array();
  }
  // The same, left out when there are none.
  void optional_string_array(std::string_view name, const std::vector<std::string>& items) {
    if (!items.empty()) {
      string_array(name, items);
    }
  }
  void integer_member(std::string_view name, std::int64_t value) {
    key(name);
    integer(value);
  }
  void boolean_member(std::string_view name, bool value) {
    key(name);
    boolean(value);
  }

  // For writing a big array's items on two threads: a writer into `out` for
  // items that continue the array this writer is in, after at least one
  // item, giving the text this writer would give them. Its finish() only
  // flushes. Null when the encoding cannot continue elsewhere.
  virtual std::unique_ptr<TreeWriter> continuation(std::ostream& /*out*/) const { return nullptr; }
  // Takes `text` a continuation wrote as `items` more items of the current
  // array (the text is moved, not copied, when this writer writes into a
  // util::TextSink); `text` is empty afterwards.
  virtual void append_items(util::TextSink& /*text*/, std::size_t /*items*/) {}
};

// Items per round of a big array written on two threads (below).
inline constexpr std::size_t k_items_per_round = 16384;

// Writes `count` items with write_item(into, index, half) into the array
// `writer` has just begun, in order. For a big array whose encoding can
// continue elsewhere, the items go in rounds: each round's second half is
// written on a second thread (half 1) into a buffer of its own and appended
// before the next round begins, so the text is the same as when written in
// one go, and the buffer never holds more than a round's (a few
// megabytes; writing into a file that fills as it goes, half the document's
// text would otherwise wait in fresh memory). Half 0 is always this thread,
// and no two calls with half 1 overlap.
template <typename WriteItem>
void write_items_made(TreeWriter& writer, std::size_t count, WriteItem write_item) {
  util::TextSink second_text;
  std::size_t begin = 0;
  while (begin < count) {
    const std::size_t round = std::min(k_items_per_round, count - begin);
    std::unique_ptr<TreeWriter> second =
        round >= k_two_halves_threshold ? writer.continuation(second_text) : nullptr;
    if (!second) {
      for (std::size_t i = begin; i < begin + round; ++i) {
        write_item(writer, i, 0);
      }
    } else {
      kensa::run_in_two_halves(round, [&](std::size_t from, std::size_t to, int half) {
        TreeWriter& into = half == 0 ? writer : *second;
        for (std::size_t i = from; i < to; ++i) {
          write_item(into, begin + i, half);
        }
      });
      second->finish();
      writer.append_items(second_text, round - round / 2);
    }
    begin += round;
  }
}

// Writes every item of `items` with write_item(writer, item), as
// write_items_made does.
template <typename Items, typename WriteItem>
void write_items(TreeWriter& writer, const Items& items, WriteItem write_item) {
  write_items_made(writer, items.size(), [&](TreeWriter& into, std::size_t index, int /*half*/) {
    write_item(into, items[index]);
  });
}

// Indented JSON (two spaces), keys in the order they are written.
std::unique_ptr<TreeWriter> make_json_writer(std::ostream& out);

// Block-style YAML 1.2 that any YAML 1.1 reader takes too: every string
// double-quoted, sequences indented at their key, "---" first.
std::unique_ptr<TreeWriter> make_yaml_writer(std::ostream& out);

} // namespace kensa::format::common
