#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

// Where a TextSink in spill mode sends its text as its chunks fill, instead
// of keeping the whole document in memory (util/text_sink.hpp): a big
// document is written to its file while the rest of it is still being
// rendered, in memory the sink reuses.
namespace kensa::util {

class TextSpill {
 public:
  virtual ~TextSpill() = default;

  // The next `size` bytes of the text, in order; the spill owns them now.
  virtual void take(std::unique_ptr<char[]> bytes, std::size_t size) = 0;
  // From now on, `watch` sees every byte taken, in order, before it is
  // written (on the thread that writes them): a writer hashing its whole
  // text for a serial number calls this before it writes anything.
  virtual void watch(std::function<void(std::string_view)> watch) = 0;
  // Returns once every byte taken has been written and watched.
  virtual void drain() = 0;
  // Writes `bytes` over bytes taken before, `offset` bytes from the start
  // of the text (after drain()).
  virtual void overwrite(std::size_t offset, std::string_view bytes) = 0;
};

} // namespace kensa::util
