#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

// A regular file read through the page cache instead of into a buffer of
// its own: the pages the kernel already holds are shared, so reading a
// 200 MB SBOM neither copies it nor faults in 200 MB of fresh memory
// (on a virtual machine, first touches of fresh memory cost more than
// parsing the text).
//
// A mapped file that another process cuts short while it is read would
// kill the reader with SIGBUS on the first page past its new end. Each
// mapping is registered with a SIGBUS handler that puts zero pages in
// place of the lost ones and notes it: the reader sees zeros, and its
// caller reports the file as changed while it was read (changed()). A
// SIGBUS at any other address goes where it went before the handler was
// installed. A file written over in place shows its new bytes through the
// mapping, after the parser checked the old ones: changed() tells that
// too (size, modification and change times), and the caller drops what
// it made of the text.
namespace kensa::util {

// The one SIGBUS guard of the process, for every mapping kensa makes (this
// MappedFile, and source::MappedFile for executables): registers the
// mapping [data, data + size) and gives its place, or -1 when every place
// is taken (the caller must not map, or read instead).
int guard_mapping(const void* data, std::size_t size);
// Whether a page of the mapping at `place` was lost and replaced by zeros.
bool mapping_lost_pages(int place);
// Ends the guard of the mapping at `place` (before it is unmapped).
void unguard_mapping(int place);

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  ~MappedFile();

  // The `size` bytes (more than zero) of the open regular file `fd`, read
  // in at once; nullopt when the file is no longer `size` bytes long, the
  // system refuses the mapping or every guarded place is taken (the caller
  // reads the file instead).
  static std::optional<MappedFile> map(int fd, std::size_t size);

  std::string_view text() const { return {m_data, m_size}; }
  // Whether the file changed since it was mapped: written to, cut short
  // (the pages it lost read as zeros) or grown. Still known after
  // release().
  bool changed() const;
  // Unmaps the file (text() is empty afterwards).
  void release();

 private:
  const char* m_data = nullptr;
  std::size_t m_size = 0;
  // The guarded place of the mapping, while there is one.
  int m_slot = -1;
  // The file, to look at it again, and what it looked like when mapped.
  int m_fd = -1;
  struct Stamp {
    long long size = 0;
    long long modified_seconds = 0;
    long long modified_nanoseconds = 0;
    long long changed_seconds = 0;
    long long changed_nanoseconds = 0;
  };
  Stamp m_stamp;
  bool m_changed = false;
};

} // namespace kensa::util
