#include "archive_reader.hpp"

#include <kensa/source/archive_format.hpp>

namespace kensa::source {

bool is_archive(std::string_view head) {
  ArchiveFormat format = detect_archive_format(head);
  if (format == ArchiveFormat::none) {
    return false;
  }
  if (!is_compression(format)) {
    return true;
  }
  // Only decompressing tells a compressed tar from a compressed man page;
  // the head is enough for libarchive to recognise the format inside.
  auto reader = ArchiveReader::open_memory(head);
  if (!reader) {
    return false;
  }
  return reader->next() == ArchiveReader::Next::entry && !reader->is_raw();
}

} // namespace kensa::source
