#include "archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

namespace kensa::source {

namespace {

// Large reads keep system calls and decompressor restarts rare when
// streaming gigabytes.
constexpr std::size_t k_file_block_size = 1 << 20;

struct ArchiveDeleter {
  void operator()(archive* reader) const { archive_read_free(reader); }
};

std::unique_ptr<archive, ArchiveDeleter> new_reader() {
  std::unique_ptr<archive, ArchiveDeleter> reader(archive_read_new());
  if (!reader) {
    return reader;
  }
  archive_read_support_filter_all(reader.get());
  // The formats of docs/sources.md, named one by one: "all" would add
  // mtree, whose reader takes a text file for a specification of files
  // (each line a file name), so that a gzipped changelog or JSON file read
  // as a "tar" of phantom members named after its lines; WARC and LHA are
  // left out with it, nothing kensa scans comes in them.
  archive_read_support_format_tar(reader.get());
  archive_read_support_format_cpio(reader.get());
  archive_read_support_format_zip(reader.get());
  archive_read_support_format_ar(reader.get());
  archive_read_support_format_7zip(reader.get());
  archive_read_support_format_iso9660(reader.get());
  archive_read_support_format_rar(reader.get());
  archive_read_support_format_rar5(reader.get());
  archive_read_support_format_cab(reader.get());
  archive_read_support_format_xar(reader.get());
  // Raw lets a compressed plain file open as one stream instead of failing,
  // so it can be told apart from a corrupt archive.
  archive_read_support_format_raw(reader.get());
  // Alpine packages are several gzip streams, each a tar without its end
  // marker; reading on past an end marker is harmless for other tars.
  archive_read_set_options(reader.get(), "tar:read_concatenated_archives");
  return reader;
}

} // namespace

struct ArchiveReader::State {
  std::unique_ptr<archive, ArchiveDeleter> reader;
  archive_entry* entry = nullptr;
  BlockSource source;
  std::string stream_error;
  std::string entry_warning;
};

ArchiveReader::ArchiveReader(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ArchiveReader::ArchiveReader(ArchiveReader&&) noexcept = default;
ArchiveReader& ArchiveReader::operator=(ArchiveReader&&) noexcept = default;
ArchiveReader::~ArchiveReader() = default;

Result<ArchiveReader> ArchiveReader::open_file(const std::filesystem::path& path) {
  auto state = std::make_unique<State>();
  state->reader = new_reader();
  if (!state->reader) {
    return fail("out of memory");
  }
  if (archive_read_open_filename(state->reader.get(), path.c_str(), k_file_block_size) !=
      ARCHIVE_OK) {
    const char* message = archive_error_string(state->reader.get());
    return fail(message != nullptr ? message : "cannot open");
  }
  return ArchiveReader(std::move(state));
}

Result<ArchiveReader> ArchiveReader::open_memory(std::string_view bytes) {
  auto state = std::make_unique<State>();
  state->reader = new_reader();
  if (!state->reader) {
    return fail("out of memory");
  }
  // libarchive never writes through this pointer; its API predates const.
  if (archive_read_open_memory(state->reader.get(), const_cast<char*>(bytes.data()),
                               bytes.size()) != ARCHIVE_OK) {
    const char* message = archive_error_string(state->reader.get());
    return fail(message != nullptr ? message : "cannot open");
  }
  return ArchiveReader(std::move(state));
}

Result<ArchiveReader> ArchiveReader::open_stream(BlockSource source) {
  auto state = std::make_unique<State>();
  state->reader = new_reader();
  if (!state->reader) {
    return fail("out of memory");
  }
  state->source = std::move(source);
  auto read = [](archive* reader, void* data, const void** buffer) -> la_ssize_t {
    auto* self = static_cast<State*>(data);
    auto block = self->source();
    if (!block) {
      self->stream_error = "read error in the enclosing archive";
      archive_set_error(reader, EIO, "%s", self->stream_error.c_str());
      return -1;
    }
    *buffer = block->data();
    return static_cast<la_ssize_t>(block->size());
  };
  State* raw_state = state.get();
  if (archive_read_open(state->reader.get(), raw_state, nullptr, read, nullptr) != ARCHIVE_OK) {
    const char* message = archive_error_string(state->reader.get());
    return fail(message != nullptr ? message : "cannot open");
  }
  return ArchiveReader(std::move(state));
}

ArchiveReader::Next ArchiveReader::next() {
  while (true) {
    int status = archive_read_next_header(m_state->reader.get(), &m_state->entry);
    m_state->entry_warning.clear();
    if (status == ARCHIVE_WARN) {
      m_state->entry_warning = error_text();
    }
    if (status == ARCHIVE_OK || status == ARCHIVE_WARN) {
      return Next::entry;
    }
    if (status == ARCHIVE_EOF) {
      return Next::end;
    }
    if (status == ARCHIVE_RETRY) {
      continue;
    }
    m_state->entry = nullptr;
    return Next::failed;
  }
}

archive_entry* ArchiveReader::entry() const {
  return m_state->entry;
}

const std::string& ArchiveReader::entry_warning() const {
  return m_state->entry_warning;
}

std::string ArchiveReader::error_text() const {
  const char* message = archive_error_string(m_state->reader.get());
  return message != nullptr ? message : "unknown error";
}

std::optional<ArchiveReader::Block> ArchiveReader::read_block() {
  const void* data = nullptr;
  std::size_t size = 0;
  la_int64_t offset = 0;
  int status = archive_read_data_block(m_state->reader.get(), &data, &size, &offset);
  if (status == ARCHIVE_EOF) {
    return Block{{}, 0, true};
  }
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    return std::nullopt;
  }
  return Block{std::string_view(static_cast<const char*>(data), size),
               offset < 0 ? 0 : static_cast<std::uint64_t>(offset), false};
}

std::uint64_t ArchiveReader::compressed_bytes() const {
  la_int64_t bytes = archive_filter_bytes(m_state->reader.get(), -1);
  return bytes < 0 ? 0 : static_cast<std::uint64_t>(bytes);
}

std::uint64_t ArchiveReader::uncompressed_bytes() const {
  la_int64_t bytes = archive_filter_bytes(m_state->reader.get(), 0);
  return bytes < 0 ? 0 : static_cast<std::uint64_t>(bytes);
}

bool ArchiveReader::is_compressed() const {
  return archive_filter_count(m_state->reader.get()) > 1;
}

bool ArchiveReader::is_raw() const {
  return archive_format(m_state->reader.get()) == ARCHIVE_FORMAT_RAW;
}

bool ArchiveReader::is_ar() const {
  return (archive_format(m_state->reader.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_AR;
}

std::string ArchiveReader::format_name() const {
  const char* name = archive_format_name(m_state->reader.get());
  return name != nullptr ? name : "unknown format";
}

} // namespace kensa::source
