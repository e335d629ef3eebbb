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

std::unique_ptr<archive, WriterDeleter> open_tar(const std::filesystem::path& file, bool gzip) {
  std::filesystem::create_directories(file.parent_path());
  std::unique_ptr<archive, WriterDeleter> writer(archive_write_new());
  REQUIRE(archive_write_set_format_pax(writer.get()) == ARCHIVE_OK);
  if (gzip) {
    REQUIRE(archive_write_add_filter_gzip(writer.get()) == ARCHIVE_OK);
  }
  REQUIRE(archive_write_open_filename(writer.get(), file.c_str()) == ARCHIVE_OK);
  return writer;
}

} // namespace

void write_sparse_tar(const std::filesystem::path& file, const std::string& name,
                      std::uint64_t size, const std::string& data) {
  REQUIRE(data.size() <= size);
  auto writer = open_tar(file, false);
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
  auto writer = open_tar(file, gzip);
  for (const auto& [name, contents] : members) {
    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(contents.size()));
    REQUIRE(archive_write_header(writer.get(), entry.get()) == ARCHIVE_OK);
    if (!contents.empty()) {
      REQUIRE(archive_write_data(writer.get(), contents.data(), contents.size()) ==
              static_cast<la_ssize_t>(contents.size()));
    }
  }
}

void write_zip(const std::filesystem::path& file,
               const std::vector<std::pair<std::string, std::string>>& members) {
  std::filesystem::create_directories(file.parent_path());
  std::unique_ptr<archive, WriterDeleter> writer(archive_write_new());
  REQUIRE(archive_write_set_format_zip(writer.get()) == ARCHIVE_OK);
  REQUIRE(archive_write_open_filename(writer.get(), file.c_str()) == ARCHIVE_OK);
  for (const auto& [name, contents] : members) {
    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(contents.size()));
    REQUIRE(archive_write_header(writer.get(), entry.get()) == ARCHIVE_OK);
    REQUIRE(archive_write_data(writer.get(), contents.data(), contents.size()) ==
            static_cast<la_ssize_t>(contents.size()));
  }
}

void write_ar(const std::filesystem::path& file,
              const std::vector<std::pair<std::string, std::string>>& members) {
  std::filesystem::create_directories(file.parent_path());
  std::unique_ptr<archive, WriterDeleter> writer(archive_write_new());
  REQUIRE(archive_write_set_format_ar_svr4(writer.get()) == ARCHIVE_OK);
  REQUIRE(archive_write_open_filename(writer.get(), file.c_str()) == ARCHIVE_OK);
  for (const auto& [name, contents] : members) {
    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(contents.size()));
    REQUIRE(archive_write_header(writer.get(), entry.get()) == ARCHIVE_OK);
    REQUIRE(archive_write_data(writer.get(), contents.data(), contents.size()) ==
            static_cast<la_ssize_t>(contents.size()));
  }
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
    for (const auto& [name, contents] : members) {
      std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
      archive_entry_set_pathname(entry.get(), name.c_str());
      archive_entry_set_filetype(entry.get(), AE_IFREG);
      archive_entry_set_perm(entry.get(), 0644);
      archive_entry_set_size(entry.get(), static_cast<la_int64_t>(contents.size()));
      REQUIRE(archive_write_header(writer.get(), entry.get()) == ARCHIVE_OK);
      REQUIRE(archive_write_data(writer.get(), contents.data(), contents.size()) ==
              static_cast<la_ssize_t>(contents.size()));
    }
  }
  bytes.resize(used);
  return bytes;
}

} // namespace kensa::testing
