#include <kensa/util/text_sink.hpp>

#include <algorithm>
#include <cstring>

namespace kensa::util {

ChunkedTextBuffer::ChunkedTextBuffer(std::size_t chunk_size) : m_chunk_size(chunk_size) {}

namespace {

// How much of the spilled text a sink keeps a copy of (spilled_head()).
constexpr std::size_t k_spilled_head_size = std::size_t{64} << 10U;

} // namespace

void ChunkedTextBuffer::start_chunk() {
  std::size_t capacity = std::min(m_chunk_size, k_first_chunk_size);
  if (!m_chunks.empty()) {
    close_last_chunk();
    capacity = std::min(m_chunk_size, m_chunks.back().capacity * 2);
    if (m_spill != nullptr) {
      spill_chunks(true);
    }
  }
  m_chunks.push_back(Chunk{std::make_unique_for_overwrite<char[]>(capacity), capacity});
  char* begin = m_chunks.back().bytes.get();
  setp(begin, begin + capacity);
}

std::size_t ChunkedTextBuffer::size() const {
  if (m_chunks.empty()) {
    return m_spilled_bytes + m_head.size();
  }
  return m_spilled_bytes + m_head.size() + m_full_bytes +
         static_cast<std::size_t>(pptr() - pbase());
}

void ChunkedTextBuffer::spill_into(TextSpill& spill) {
  m_spill = &spill;
}

void ChunkedTextBuffer::spill_chunks(bool all) {
  if (!m_head.empty()) {
    // Adopted text, before any chunk: sent as a chunk of its own.
    auto bytes = std::make_unique_for_overwrite<char[]>(m_head.size());
    std::memcpy(bytes.get(), m_head.data(), m_head.size());
    const std::size_t size = m_head.size();
    m_head.clear();
    m_head.shrink_to_fit();
    m_spilled_head.append(bytes.get(), std::min(size, k_spilled_head_size));
    m_spilled_bytes += size;
    m_spill->take(std::move(bytes), size);
  }
  const std::size_t keep = all || m_chunks.empty() ? 0 : 1;
  const std::size_t sent = m_chunks.size() - keep;
  for (std::size_t i = 0; i < sent; ++i) {
    Chunk& chunk = m_chunks[i];
    // Every chunk sent is closed: its size is `used`.
    if (m_spilled_head.size() < k_spilled_head_size) {
      m_spilled_head.append(chunk.bytes.get(),
                            std::min(chunk.used, k_spilled_head_size - m_spilled_head.size()));
    }
    m_full_bytes -= chunk.used;
    m_spilled_bytes += chunk.used;
    if (chunk.used > 0) {
      m_spill->take(std::move(chunk.bytes), chunk.used);
    }
  }
  m_chunks.erase(m_chunks.begin(), m_chunks.begin() + static_cast<std::ptrdiff_t>(sent));
}

void ChunkedTextBuffer::flush_spill() {
  if (m_spill == nullptr) {
    return;
  }
  if (!m_chunks.empty()) {
    close_last_chunk();
    setp(nullptr, nullptr);
  }
  spill_chunks(true);
  m_chunks.clear();
  m_full_bytes = 0;
}

ChunkedTextBuffer::int_type ChunkedTextBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) {
    return traits_type::not_eof(c);
  }
  start_chunk();
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize ChunkedTextBuffer::xsputn(const char* text, std::streamsize count) {
  std::streamsize written = 0;
  while (written < count) {
    if (pptr() == epptr()) {
      start_chunk();
    }
    const auto room = static_cast<std::streamsize>(epptr() - pptr());
    const std::streamsize piece = std::min(room, count - written);
    std::memcpy(pptr(), text + written, static_cast<std::size_t>(piece));
    // pbump takes an int; a piece is at most one chunk.
    pbump(static_cast<int>(piece));
    written += piece;
  }
  return written;
}

std::string ChunkedTextBuffer::take() {
  std::string text = std::move(m_head);
  m_head.clear();
  if (!m_chunks.empty()) {
    // Reserved, not resized: pages are touched only as chunks are copied in
    // and freed, so the text and its chunks are never both whole in memory.
    text.reserve(text.size() + size());
    for (std::size_t i = 0; i < m_chunks.size(); ++i) {
      text.append(m_chunks[i].bytes.get(), used_in_chunk(i));
      m_chunks[i].bytes.reset();
    }
    clear();
  }
  return text;
}

void ChunkedTextBuffer::close_last_chunk() {
  Chunk& last = m_chunks.back();
  last.used = static_cast<std::size_t>(pptr() - pbase());
  m_full_bytes += last.used;
}

void ChunkedTextBuffer::append(ChunkedTextBuffer& other) {
  if (size() == 0 && m_spill == nullptr) {
    m_head = std::move(other.m_head);
    m_chunks = std::move(other.m_chunks);
    m_full_bytes = other.m_full_bytes;
    setp(other.pbase(), other.epptr());
    pbump(static_cast<int>(other.pptr() - other.pbase()));
    other.clear();
    return;
  }
  // A head is adopted text, short where it exists at all: copied.
  if (!other.m_head.empty()) {
    sputn(other.m_head.data(), static_cast<std::streamsize>(other.m_head.size()));
  }
  if (!other.m_chunks.empty()) {
    // The chunks change hands, as big as they are: this buffer's last
    // chunk ends where it is, and `other`'s last one is filled on.
    if (!m_chunks.empty()) {
      close_last_chunk();
    }
    const auto used_in_last = static_cast<int>(other.pptr() - other.pbase());
    char* begin = other.pbase();
    char* end = other.epptr();
    m_full_bytes += other.m_full_bytes;
    for (auto& chunk : other.m_chunks) {
      m_chunks.push_back(std::move(chunk));
    }
    setp(begin, end);
    pbump(used_in_last);
    if (m_spill != nullptr) {
      // All but the chunk now being filled.
      spill_chunks(false);
    }
  }
  other.clear();
}

void ChunkedTextBuffer::clear() {
  m_head.clear();
  m_chunks.clear();
  m_full_bytes = 0;
  setp(nullptr, nullptr);
}

std::size_t ChunkedTextBuffer::used_in_chunk(std::size_t index) const {
  return index + 1 == m_chunks.size() ? static_cast<std::size_t>(pptr() - pbase())
                                      : m_chunks[index].used;
}

std::vector<std::span<char>> ChunkedTextBuffer::pieces() {
  std::vector<std::span<char>> out;
  if (!m_head.empty()) {
    out.emplace_back(m_head.data(), m_head.size());
  }
  for (std::size_t i = 0; i < m_chunks.size(); ++i) {
    const std::size_t length = used_in_chunk(i);
    if (length > 0) {
      out.emplace_back(m_chunks[i].bytes.get(), length);
    }
  }
  return out;
}

void ChunkedTextBuffer::adopt(std::string text) {
  if (size() == 0 && m_spill == nullptr) {
    m_head = std::move(text);
    return;
  }
  sputn(text.data(), static_cast<std::streamsize>(text.size()));
}

} // namespace kensa::util
