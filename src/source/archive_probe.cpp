#include "archive_reader.hpp"

#include <kensa/source/archive_format.hpp>

namespace kensa::source {

namespace {

// Asks libarchive what the opened input holds.
ArchiveProbe probe_reader(Result<ArchiveReader> reader) {
  if (!reader) {
    return ArchiveProbe::unknown;
  }
  switch (reader->next()) {
  case ArchiveReader::Next::entry:
    return reader->is_raw() ? ArchiveProbe::not_archive : ArchiveProbe::archive;
  case ArchiveReader::Next::end:
    return ArchiveProbe::not_archive;
  case ArchiveReader::Next::failed:
    break;
  }
  return ArchiveProbe::unknown;
}

// The probe for what the first bytes alone decide: everything but
// compressed streams, which must be decompressed to be told apart.
std::optional<ArchiveProbe> probe_by_magic(std::string_view head) {
  ArchiveFormat format = detect_archive_format(head);
  if (format == ArchiveFormat::none) {
    return ArchiveProbe::not_archive;
  }
  if (!is_compression(format)) {
    return ArchiveProbe::archive;
  }
  return std::nullopt;
}

} // namespace

ArchiveProbe probe_archive(std::string_view head) {
  if (auto decided = probe_by_magic(head)) {
    return *decided;
  }
  return probe_reader(ArchiveReader::open_memory(head));
}

ArchiveProbe probe_archive_file(const std::filesystem::path& path, std::string_view head) {
  if (auto decided = probe_by_magic(head)) {
    return *decided;
  }
  return probe_reader(ArchiveReader::open_file(path));
}

bool is_archive(std::string_view head) {
  return probe_archive(head) == ArchiveProbe::archive;
}

} // namespace kensa::source
