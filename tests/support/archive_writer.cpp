#include "archive_writer.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <catch2/catch.hpp>

#include <memory>

namespace kensa::testing {

namespace {

struct WriterDeleter {
  void operator()(archive* writer) const {
    archive_write_close(writer);
    archive_write_free(writer);
  }
};

struct EntryDeleter {
  void operator()(archive_entry* entry) const { archive_entry_free(entry); }
};

using Writer = std::unique_ptr<archive, WriterDeleter>;
using Members = std::vector<std::pair<std::string, std::string>>;

// Opens `file` for writing in the format `set_format` selects (pax, zip,
// ar), gzip-compressed when asked.
Writer open_archive(const std::filesystem::path& file, int (*set_format)(archive*), bool gzip) {
  std::filesystem::create_directories(file.parent_path());
  Writer writer(archive_write_new());
  REQUIRE(set_format(writer.get()) == ARCHIVE_OK);
  if (gzip) {
    REQUIRE(archive_write_add_filter_gzip(writer.get()) == ARCHIVE_OK);
  }
  REQUIRE(archive_write_open_filename(writer.get(), file.c_str()) == ARCHIVE_OK);
  return writer;
}

// Writes each member as a regular file, mode 0644.
void write_regular_files(archive* writer, const Members& members) {
  for (const auto& [name, contents] : members) {
    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(contents.size()));
    REQUIRE(archive_write_header(writer, entry.get()) == ARCHIVE_OK);
    if (!contents.empty()) {
      REQUIRE(archive_write_data(writer, contents.data(), contents.size()) ==
              static_cast<la_ssize_t>(contents.size()));
    }
  }
}

} // namespace

void write_sparse_tar(const std::filesystem::path& file, const std::string& name,
                      std::uint64_t size, const std::string& data) {
  REQUIRE(data.size() <= size);
  auto writer = open_archive(file, archive_write_set_format_pax, false);
  std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
  archive_entry_set_pathname(entry.get(), name.c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
  archive_entry_sparse_add_entry(entry.get(), static_cast<la_int64_t>(size - data.size()),
                                 static_cast<la_int64_t>(data.size()));
  REQUIRE(archive_write_header(writer.get(), entry.get()) == ARCHIVE_OK);
  REQUIRE(archive_write_data(writer.get(), data.data(), data.size()) ==
          static_cast<la_ssize_t>(data.size()));
}

void write_tar(const std::filesystem::path& file,
               const std::vector<std::pair<std::string, std::string>>& members, bool gzip) {
  write_regular_files(open_archive(file, archive_write_set_format_pax, gzip).get(), members);
}

void write_zip(const std::filesystem::path& file,
               const std::vector<std::pair<std::string, std::string>>& members) {
  write_regular_files(open_archive(file, archive_write_set_format_zip, false).get(), members);
}

void write_ar(const std::filesystem::path& file,
              const std::vector<std::pair<std::string, std::string>>& members) {
  write_regular_files(open_archive(file, archive_write_set_format_ar_svr4, false).get(), members);
}

std::string tar_bytes(const std::vector<std::pair<std::string, std::string>>& members, bool gzip) {
  std::size_t room = 64 * 1024;
  for (const auto& [name, contents] : members) {
    room += name.size() + contents.size() + 4096;
  }
  std::string bytes(room, '\0');
  std::size_t used = 0;
  {
    std::unique_ptr<archive, WriterDeleter> writer(archive_write_new());
    REQUIRE(archive_write_set_format_pax(writer.get()) == ARCHIVE_OK);
    if (gzip) {
      REQUIRE(archive_write_add_filter_gzip(writer.get()) == ARCHIVE_OK);
    }
    REQUIRE(archive_write_open_memory(writer.get(), bytes.data(), bytes.size(), &used) ==
            ARCHIVE_OK);
    write_regular_files(writer.get(), members);
  }
  bytes.resize(used);
  return bytes;
}

} // namespace kensa::testing
