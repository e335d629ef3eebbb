#pragma once

#include <kensa/util/result.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct archive;
struct archive_entry;

namespace kensa::source {

// One libarchive reader: an archive opened from a file, from memory or from a
// stream of blocks, read entry by entry without ever writing to disk.
class ArchiveReader {
 public:
  // Hands out the next block of a streamed archive; an empty view means the
  // end, nullopt a read error.
  using BlockSource = std::function<std::optional<std::string_view>()>;

  // Fails with libarchive's message when the file cannot be opened.
  static Result<ArchiveReader> open_file(const std::filesystem::path& path);
  // `bytes` must outlive the reader.
  static Result<ArchiveReader> open_memory(std::string_view bytes);
  // For archives that cannot be held in memory (image layers): read once,
  // front to back. Formats that need to seek (7z, iso, zip's central
  // directory) fall back to their streaming readers or fail.
  static Result<ArchiveReader> open_stream(BlockSource source);

  ArchiveReader(ArchiveReader&&) noexcept;
  ArchiveReader& operator=(ArchiveReader&&) noexcept;
  ~ArchiveReader();

  enum class Next { entry, end, failed };
  // Moves to the next entry. `failed` means the archive cannot be read any
  // further (error_text() says why); an entry whose header libarchive could
  // only partly read is reported as `entry` with entry_warning() set.
  Next next();
  archive_entry* entry() const;
  // What libarchive said about the current entry's header (a pax value
  // over 1,000,000 bytes it rejected, a name it could not convert), empty
  // when it read the header whole.
  const std::string& entry_warning() const;
  // libarchive's last message.
  std::string error_text() const;

  struct Block {
    std::string_view bytes;
    // Where the block starts in the entry; a jump past the bytes read so far
    // is a hole (sparse file) that reads as zeros.
    std::uint64_t offset = 0;
    // True at the end of the entry's data (bytes is then empty).
    bool end = false;
  };
  // The next block of the current entry's data (pointing into libarchive's
  // buffers, valid until the next call); a block with `end` set after the
  // last, nullopt on a read error.
  std::optional<Block> read_block();

  // Bytes read from the underlying file, memory or stream so far.
  std::uint64_t compressed_bytes() const;
  // Bytes the decompression filters have produced so far (the tar stream of a
  // tar.gz); equal to compressed_bytes() when nothing is compressed.
  std::uint64_t uncompressed_bytes() const;
  // True when a decompression filter (gzip, xz, ...) is in use.
  bool is_compressed() const;
  // True when libarchive found no archive format and read the input as one
  // raw stream (a compressed plain file). Valid after the first next().
  bool is_raw() const;
  // True for an ar archive (a .deb, a static library .a or .rlib). Valid
  // after the first next().
  bool is_ar() const;
  // libarchive's name of the format, for messages ("GNU tar format", ...).
  std::string format_name() const;

 private:
  struct State;
  explicit ArchiveReader(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

// What the first bytes of a file say about it being an archive kensa opens.
enum class ArchiveProbe {
  archive,
  not_archive,
  // A compressed head the decompressor could not get far enough into (it
  // fills a 64 KiB buffer, or a whole block for bzip2, zstd and lz4, before
  // anything can be seen), or a damaged one.
  unknown,
};

// Probes a head: an archive format, or a compressed stream holding one (a
// compressed plain file, such as a gzipped man page, is not).
ArchiveProbe probe_archive(std::string_view head);

// Probes the file at `path` whose first bytes are `head`, decompressing as
// much of the file as it takes. A file that cannot be read is `unknown`.
ArchiveProbe probe_archive_file(const std::filesystem::path& path, std::string_view head);

// The longest head read from a member to probe it; a member still `unknown`
// then is opened as an archive, which decides.
inline constexpr std::size_t k_max_probe_size = 256 * 1024;

} // namespace kensa::source
