#include "file_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kensa::source {

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// Opens without following a final symlink unless the walker already decided
// to follow it (then O_NOFOLLOW fails with ELOOP and the plain open is used).
int open_for_reading(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  return fd;
}

// Calls `consume(bytes)` for each chunk read; stops after `limit` bytes.
template <typename Consume>
Status read_chunks(const std::filesystem::path& path, std::uint64_t limit, Consume consume) {
  int fd = open_for_reading(path);
  if (fd < 0) {
    return fail(errno_text());
  }
  static constexpr std::size_t k_chunk = 1 << 16;
  char buffer[k_chunk];
  std::uint64_t total = 0;
  while (total < limit) {
    auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(k_chunk, limit - total));
    ssize_t n = ::read(fd, buffer, wanted);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      std::string message = errno_text();
      ::close(fd);
      return fail(message);
    }
    if (n == 0) {
      break;
    }
    consume(std::string_view(buffer, static_cast<std::size_t>(n)));
    total += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  return ok_status();
}

} // namespace

Result<std::string> read_regular_file(const std::filesystem::path& path,
                                      std::uint64_t expected_size) {
  std::string contents;
  contents.reserve(static_cast<std::size_t>(expected_size));
  auto status =
      read_chunks(path, UINT64_MAX, [&](std::string_view bytes) { contents.append(bytes); });
  if (!status) {
    return fail(status.error());
  }
  return contents;
}

Result<std::string> read_file_head(const std::filesystem::path& path, std::size_t size) {
  std::string head;
  auto status = read_chunks(path, size, [&](std::string_view bytes) { head.append(bytes); });
  if (!status) {
    return fail(status.error());
  }
  return head;
}

Status hash_file(const std::filesystem::path& path, model::Hasher& hasher) {
  return read_chunks(path, UINT64_MAX, [&](std::string_view bytes) { hasher.update(bytes); });
}

} // namespace kensa::source
