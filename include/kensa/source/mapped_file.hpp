#pragma once

#include <kensa/util/result.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

namespace kensa::source {

// A file's bytes mapped read-only into memory instead of read into it: the
// pages a reader touches are loaded from the file as it touches them and can
// be dropped again by the system, so reading the headers and a few sections
// of a 700 MB executable costs a few pages, not 700 MB. Executables wanted
// for their build information are handed to scanners this way
// (SourceFile::mapped).
//
// A file that shrinks while it is mapped (another process truncates it)
// would make a read past its new end fault: the pages it lost read as
// zeros instead (the guard of util/mapped_file.hpp, which SBOM documents
// read through too), so the reader sees damaged bytes, never a crash.
class MappedFile {
 public:
  virtual ~MappedFile() = default;
  // All the bytes, valid as long as the object lives.
  virtual std::string_view bytes() const = 0;
  // Says that the bytes [offset, offset + size) will not be read again
  // soon: the pages wholly inside are let go at once (they count in the
  // process's memory until the system needs them otherwise). Reading them
  // again later still works: they are loaded from the file anew.
  virtual void release(std::size_t offset, std::size_t size) const {
    (void)offset;
    (void)size;
  }
};

// Maps the regular file at `path`, which has `size` bytes (as the walk
// found it). Fails with the system's reason. An empty file maps to no bytes.
Result<std::shared_ptr<const MappedFile>> map_file(const std::filesystem::path& path,
                                                   std::uint64_t size);

// Maps the first `size` bytes of the open file `fd`, which the result then
// owns (and closes).
Result<std::shared_ptr<const MappedFile>> map_descriptor(int fd, std::uint64_t size);

} // namespace kensa::source
