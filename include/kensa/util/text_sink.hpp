#pragma once

#include <kensa/util/text_spill.hpp>

#include <cstddef>
#include <memory>
#include <ostream>
#include <span>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

// Whole documents built in memory. A std::ostringstream doubles one buffer
// as it grows, so a 300 MB document briefly needs the old and the new
// buffer (768 MB) and is copied about twice on the way; a TextSink fills
// fixed chunks instead. Whoever needs one string joins them once (take());
// a file is written from the chunks themselves (pieces()), with no joined
// copy at all.
namespace kensa::util {

class ChunkedTextBuffer final : public std::streambuf {
 public:
  // Bigger than glibc's largest mmap threshold (32 MiB), so that every
  // chunk this size is mapped on its own and returned to the system when
  // freed.
  static constexpr std::size_t k_default_chunk_size = std::size_t{48} << 20U;
  // The first chunk: most documents are small, and a 48 MiB block for a
  // 10 KB SBOM costs a mapping (and, under AddressSanitizer, 6 MiB of
  // shadow to poison) for nothing. Each further chunk doubles, up to the
  // chunk size.
  static constexpr std::size_t k_first_chunk_size = std::size_t{64} << 10U;

  // `chunk_size` is the largest chunk.
  explicit ChunkedTextBuffer(std::size_t chunk_size = k_default_chunk_size);
  ChunkedTextBuffer(const ChunkedTextBuffer&) = delete;
  ChunkedTextBuffer& operator=(const ChunkedTextBuffer&) = delete;

  std::size_t size() const;
  // Everything written, in one string; the buffer is empty afterwards.
  std::string take();
  // Takes `text` as what comes next (without a copy when nothing was
  // written yet).
  void adopt(std::string text);
  // Takes what `other` holds as what comes next, its chunks as they are
  // (no copy of them); `other` is empty afterwards.
  void append(ChunkedTextBuffer& other);
  // Everything written, in order, where it lies: writable in place (a
  // placeholder filled in once the whole text is known). In spill mode,
  // only what was not spilled yet.
  std::vector<std::span<char>> pieces();
  // Drops everything written.
  void clear();

  // Spill mode, for an empty buffer: each chunk, once full, goes to
  // `spill` and leaves memory, and so does the text appended from another
  // buffer. size() still counts everything written.
  void spill_into(TextSpill& spill);
  TextSpill* spill() const { return m_spill; }
  // Sends what is left to the spill.
  void flush_spill();
  // The first bytes spilled (at least the first chunk's), kept for a writer
  // that fills a placeholder near the start once the text is complete.
  std::string_view spilled_head() const { return m_spilled_head; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;

 private:
  struct Chunk {
    std::unique_ptr<char[]> bytes;
    std::size_t capacity = 0;
    // Bytes written, once a later chunk follows (a chunk taken over from
    // another buffer may end before it is full).
    std::size_t used = 0;
  };
  void start_chunk();
  // The last chunk is written no further: its bytes count as full ones.
  void close_last_chunk();
  // How much of chunk `index` is written: all of it but for the last.
  std::size_t used_in_chunk(std::size_t index) const;
  // Spill mode: every chunk but the one being filled (all of them when
  // `all`) goes to the spill.
  void spill_chunks(bool all);

  std::size_t m_chunk_size;
  // Text adopted before anything was written.
  std::string m_head;
  // Full chunks, then the one being filled (the put area).
  std::vector<Chunk> m_chunks;
  // Bytes in the full chunks.
  std::size_t m_full_bytes = 0;
  TextSpill* m_spill = nullptr;
  // Bytes spilled, and a copy of the first of them.
  std::size_t m_spilled_bytes = 0;
  std::string m_spilled_head;
};

// An output stream into a ChunkedTextBuffer.
class TextSink final : public std::ostream {
 public:
  explicit TextSink(std::size_t chunk_size = ChunkedTextBuffer::k_default_chunk_size)
      : std::ostream(nullptr), m_buffer(chunk_size) {
    rdbuf(&m_buffer);
  }

  bool empty() const { return m_buffer.size() == 0; }
  std::size_t size() const { return m_buffer.size(); }
  std::string take() { return m_buffer.take(); }
  void adopt(std::string text) { m_buffer.adopt(std::move(text)); }
  void append(TextSink& other) { m_buffer.append(other.m_buffer); }
  std::vector<std::span<char>> pieces() { return m_buffer.pieces(); }
  void clear() { m_buffer.clear(); }
  // Spill mode (ChunkedTextBuffer::spill_into).
  void spill_into(TextSpill& spill) { m_buffer.spill_into(spill); }
  TextSpill* spill() const { return m_buffer.spill(); }
  void flush_spill() {
    flush();
    m_buffer.flush_spill();
  }
  std::string_view spilled_head() const { return m_buffer.spilled_head(); }

 private:
  ChunkedTextBuffer m_buffer;
};

} // namespace kensa::util
