#include "image_store.hpp"

#include "../file_io.hpp"

#include <kensa/source/entry_path.hpp>

#include <archive_entry.h>
#include <sys/stat.h>

#include <cctype>

namespace kensa::source {

namespace fs = std::filesystem;

namespace {

// Members up to this size are kept from the indexing pass: manifests and
// configs are a few KiB; the total kept is capped too.
constexpr std::uint64_t k_small_member = 4ull << 20;
constexpr std::uint64_t k_small_total = 64ull << 20;
// Headers looked at to guess whether a tarball is an image.
constexpr int k_peek_entries = 16;

std::string member_path(archive_entry* entry) {
  const char* name = archive_entry_pathname(entry);
  return name == nullptr ? std::string() : sanitize_entry_path(name).path;
}

class FolderStore : public ImageStore {
 public:
  explicit FolderStore(fs::path root) : m_root(std::move(root)) {}

  bool has(const std::string& path) const override {
    auto full = resolve(path);
    struct stat info {};
    return !full.empty() && ::stat(full.c_str(), &info) == 0 && S_ISREG(info.st_mode);
  }

  Result<std::string> read(const std::string& path, std::uint64_t cap) override {
    auto full = resolve(path);
    struct stat info {};
    if (full.empty() || ::stat(full.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      return fail(path + " is missing");
    }
    if (static_cast<std::uint64_t>(info.st_size) > cap) {
      return fail(path + " is larger than " + std::to_string(cap) + " bytes");
    }
    return read_regular_file(full, static_cast<std::uint64_t>(info.st_size));
  }

  Status with_blob(const std::string& path,
                   const std::function<void(ArchiveReader&)>& use) override {
    auto full = resolve(path);
    if (full.empty() || !has(path)) {
      return fail(path + " is missing");
    }
    auto reader = ArchiveReader::open_file(full);
    if (!reader) {
      return fail(path + ": " + reader.error());
    }
    use(*reader);
    return ok_status();
  }

 private:
  // Empty when `path` tries to leave the layout.
  fs::path resolve(const std::string& path) const {
    auto sanitized = sanitize_entry_path(path);
    if (sanitized.escaped || sanitized.path.empty()) {
      return {};
    }
    return m_root / sanitized.path;
  }

  fs::path m_root;
};

class TarballStore : public ImageStore {
 public:
  explicit TarballStore(fs::path tarball) : m_tarball(std::move(tarball)) {}

  Status index() {
    auto reader = ArchiveReader::open_file(m_tarball);
    if (!reader) {
      return fail(reader.error());
    }
    std::uint64_t kept = 0;
    while (true) {
      auto next = reader->next();
      if (next == ArchiveReader::Next::end) {
        break;
      }
      if (next == ArchiveReader::Next::failed) {
        return fail(reader->error_text());
      }
      if (archive_entry_filetype(reader->entry()) != AE_IFREG) {
        continue;
      }
      std::string path = member_path(reader->entry());
      auto size = static_cast<std::uint64_t>(archive_entry_size(reader->entry()));
      m_members.insert(path);
      if (size > k_small_member || kept + size > k_small_total) {
        continue;
      }
      std::string contents;
      while (true) {
        auto block = reader->read_block();
        if (!block) {
          return fail(path + ": " + reader->error_text());
        }
        if (block->end) {
          break;
        }
        contents.append(block->bytes);
      }
      kept += contents.size();
      m_small[path] = std::move(contents);
    }
    return ok_status();
  }

  bool has(const std::string& path) const override {
    return m_members.count(sanitize_entry_path(path).path) > 0;
  }

  Result<std::string> read(const std::string& path, std::uint64_t cap) override {
    auto it = m_small.find(sanitize_entry_path(path).path);
    if (it == m_small.end()) {
      return fail(has(path) ? path + " is larger than " + std::to_string(cap) + " bytes"
                            : path + " is missing");
    }
    if (it->second.size() > cap) {
      return fail(path + " is larger than " + std::to_string(cap) + " bytes");
    }
    return it->second;
  }

  Status with_blob(const std::string& path,
                   const std::function<void(ArchiveReader&)>& use) override {
    std::string wanted = sanitize_entry_path(path).path;
    if (auto it = m_small.find(wanted); it != m_small.end()) {
      auto reader = ArchiveReader::open_memory(it->second);
      if (!reader) {
        return fail(path + ": " + reader.error());
      }
      use(*reader);
      return ok_status();
    }
    auto outer = ArchiveReader::open_file(m_tarball);
    if (!outer) {
      return fail(outer.error());
    }
    while (true) {
      auto next = outer->next();
      if (next != ArchiveReader::Next::entry) {
        return fail(
            path + (next == ArchiveReader::Next::end ? " is missing" : ": " + outer->error_text()));
      }
      if (archive_entry_filetype(outer->entry()) == AE_IFREG &&
          member_path(outer->entry()) == wanted) {
        break;
      }
    }
    // The layer streams out of the tarball's member: never held whole.
    ArchiveReader& source = *outer;
    auto reader = ArchiveReader::open_stream([&source]() -> std::optional<std::string_view> {
      auto block = source.read_block();
      if (!block) {
        return std::nullopt;
      }
      return block->bytes;
    });
    if (!reader) {
      return fail(path + ": " + reader.error());
    }
    use(*reader);
    return ok_status();
  }

 private:
  fs::path m_tarball;
  std::set<std::string> m_members;
  std::map<std::string, std::string> m_small;
};

bool is_hex_digest_name(std::string_view segment) {
  if (segment.ends_with(".json")) {
    segment.remove_suffix(5);
  }
  if (segment.size() != 64) {
    return false;
  }
  for (char c : segment) {
    if (std::isxdigit(static_cast<unsigned char>(c)) == 0) {
      return false;
    }
  }
  return true;
}

} // namespace

std::unique_ptr<ImageStore> make_folder_store(fs::path root) {
  return std::make_unique<FolderStore>(std::move(root));
}

Result<std::unique_ptr<ImageStore>> make_tarball_store(const fs::path& tarball) {
  auto store = std::make_unique<TarballStore>(tarball);
  if (auto indexed = store->index(); !indexed) {
    return fail(indexed.error());
  }
  return std::unique_ptr<ImageStore>(std::move(store));
}

bool tarball_looks_like_image(const fs::path& tarball) {
  auto reader = ArchiveReader::open_file(tarball);
  if (!reader) {
    return false;
  }
  for (int i = 0; i < k_peek_entries; ++i) {
    if (reader->next() != ArchiveReader::Next::entry || reader->is_raw()) {
      return false;
    }
    std::string path = member_path(reader->entry());
    std::string_view first = std::string_view(path).substr(0, path.find('/'));
    if (path == "manifest.json" || path == "oci-layout" || path == "index.json" ||
        path == "repositories" || first == "blobs" || is_hex_digest_name(first)) {
      return true;
    }
  }
  return false;
}

} // namespace kensa::source
