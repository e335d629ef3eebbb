#pragma once

#include <kensa/util/result.hpp>

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kensa {

// Which output paths a write accepts besides a new or writable regular file.
struct OutputPathRules {
  // A symlink is written through (the file it points at is replaced, the
  // link stays) and an existing device, FIFO or socket is written into in
  // place. Off by default: an output path that is a link could point at
  // anything (/etc/passwd for a scan run as root), and a device is rarely
  // meant.
  bool allow_special = false;
};

// Checks, before any work is done, that `path` may be written under
// `rules`: refuses a folder, a read-only existing file (never replaced), and
// without allow_special a symlink or a non-regular file. The message names
// `path` and says why.
Status check_output_path(const std::filesystem::path& path, const OutputPathRules& rules = {});

// Whether `path` exists as a symlink or as something other than a regular
// file or folder: what OutputPathRules::allow_special lets a write use.
bool is_special_output(const std::filesystem::path& path);

// Writes `contents` to `path` so that readers see either the old file or the
// complete new one, never a partial write: the bytes go to a temporary file in
// the same folder, are flushed, and the temporary file is renamed over `path`.
// An existing file keeps its permission bits; a new one gets the mode the
// umask gives. The path is checked first as check_output_path does; an
// allowed device or FIFO is written in place, since renaming over it would
// replace the device node. On failure the temporary file is removed and the
// message names `path`.
Status write_file_atomically(const std::filesystem::path& path, std::string_view contents,
                             const OutputPathRules& rules = {});
// The same for a text in parts (util::TextSink::pieces), written one after
// the other.
Status write_file_atomically(const std::filesystem::path& path,
                             std::span<const std::string_view> parts,
                             const OutputPathRules& rules = {});

// A file written as write_file_atomically writes one, by a writer that
// produces it as it goes: open() checks the path and creates the temporary
// file (or opens an allowed device or FIFO, written in place); the caller
// writes to descriptor(); commit() gives the file its mode, flushes it and
// renames it over the path. Destroyed without a commit, the temporary file
// is removed. Messages name the path asked for.
class AtomicFile {
 public:
  static Result<std::unique_ptr<AtomicFile>> open(const std::filesystem::path& path,
                                                  const OutputPathRules& rules = {});
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  int descriptor() const { return m_fd; }
  // A device or FIFO written in place: no going back to overwrite.
  bool in_place() const { return m_temporary.empty(); }
  // The message for a write that failed with `error` (an errno value).
  std::string write_error(int error) const;
  Status commit();

 private:
  AtomicFile() = default;

  std::filesystem::path m_requested;
  std::filesystem::path m_path;
  std::string m_temporary;
  // The mode the file gets, a replaced file's own or the umask's.
  unsigned m_mode = 0;
  int m_fd = -1;
};

// Writes the parts to an open descriptor (standard output, say), in order,
// retrying short writes. Fails with `name` and the system's reason (a full
// disk, a closed descriptor, a reader that went away).
Status write_to_descriptor(int fd, std::span<const std::string_view> parts, std::string_view name);

} // namespace kensa
