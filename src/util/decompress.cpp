#include <kensa/util/decompress.hpp>

#include <lzma.h>
#include <zlib.h>

#include <cstdint>
#include <limits>

namespace kensa {

namespace {

constexpr std::size_t k_chunk = 1 << 16;
constexpr std::uint64_t k_xz_memory_limit = 256u << 20;

Failure too_large(std::size_t max_size) {
  return fail("decompresses to more than " + std::to_string(max_size) + " bytes");
}

Result<std::string> inflate_stream(std::string_view bytes, Compression compression,
                                   std::size_t max_size) {
  if (bytes.size() > std::numeric_limits<uInt>::max()) {
    return fail("is too large for zlib");
  }
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip header and trailer around the deflate stream.
  const int window = compression == Compression::gzip ? 16 + MAX_WBITS : MAX_WBITS;
  if (inflateInit2(&stream, window) != Z_OK) {
    return fail("cannot start zlib");
  }
  std::string out;
  char buffer[k_chunk];
  // zlib's interface is not const-correct; it never writes to its input.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      break;
    }
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > max_size) {
      inflateEnd(&stream);
      return too_large(max_size);
    }
    if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      status = Z_BUF_ERROR; // Input ended before the stream did.
    }
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) {
    return fail(compression == Compression::gzip ? "is not a complete gzip stream"
                                                 : "is not a complete zlib stream");
  }
  return out;
}

Result<std::string> decode_xz(std::string_view bytes, std::size_t max_size) {
  lzma_stream stream = LZMA_STREAM_INIT;
  if (lzma_stream_decoder(&stream, k_xz_memory_limit, 0) != LZMA_OK) {
    return fail("cannot start the xz decoder");
  }
  std::string out;
  char buffer[k_chunk];
  stream.next_in = reinterpret_cast<const std::uint8_t*>(bytes.data());
  stream.avail_in = bytes.size();
  lzma_ret status = LZMA_OK;
  while (status == LZMA_OK) {
    stream.next_out = reinterpret_cast<std::uint8_t*>(buffer);
    stream.avail_out = sizeof buffer;
    status = lzma_code(&stream, LZMA_FINISH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > max_size) {
      lzma_end(&stream);
      return too_large(max_size);
    }
  }
  lzma_end(&stream);
  if (status != LZMA_STREAM_END) {
    return fail("is not a complete xz stream");
  }
  return out;
}

} // namespace

Result<std::string> decompress(std::string_view bytes, Compression compression,
                               std::size_t max_size) {
  if (compression == Compression::xz) {
    return decode_xz(bytes, max_size);
  }
  return inflate_stream(bytes, compression, max_size);
}

} // namespace kensa
