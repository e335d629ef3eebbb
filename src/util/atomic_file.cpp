#include <kensa/util/atomic_file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace kensa {

namespace {

std::string describe_errno(const std::filesystem::path& path, const char* action) {
  return "cannot " + std::string(action) + " " + path.string() + ": " + std::strerror(errno);
}

// Writes every part to `fd`, in order; false (errno set) on failure.
bool write_parts(int fd, std::span<const std::string_view> parts) {
  for (const std::string_view part : parts) {
    const char* data = part.data();
    std::size_t remaining = part.size();
    while (remaining > 0) {
      ssize_t written = ::write(fd, data, remaining);
      if (written < 0) {
        if (errno == EINTR) {
          continue;
        }
        return false;
      }
      data += written;
      remaining -= static_cast<std::size_t>(written);
    }
  }
  return true;
}

// Writes straight into an existing non-regular file (a device such as
// /dev/null or /dev/stdout, a FIFO): renaming over it would replace the device
// node itself.
Status write_in_place(const std::filesystem::path& path, std::span<const std::string_view> parts) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) {
    return fail(describe_errno(path, "write"));
  }
  if (!write_parts(fd, parts)) {
    std::string message = describe_errno(path, "write");
    close(fd);
    return fail(message);
  }
  close(fd);
  return ok_status();
}

} // namespace

Status write_file_atomically(const std::filesystem::path& requested, std::string_view contents) {
  return write_file_atomically(requested, std::span<const std::string_view>(&contents, 1));
}

Status write_file_atomically(const std::filesystem::path& requested,
                             std::span<const std::string_view> parts) {
  std::filesystem::path path = requested;
  // A symlink is written through: the file it points at is replaced, the link
  // stays.
  std::error_code error;
  if (std::filesystem::is_symlink(requested, error)) {
    std::filesystem::path target = std::filesystem::weakly_canonical(requested, error);
    if (!error) {
      path = target;
    }
  }
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    if (S_ISDIR(existing.st_mode)) {
      return fail("cannot write " + requested.string() + ": it is a folder");
    }
    return write_in_place(path, parts);
  }
  // The temporary file must be in the target's folder: rename() is atomic
  // only within one file system.
  std::filesystem::path folder = path.parent_path();
  if (folder.empty()) {
    folder = ".";
  }
  std::string temporary = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(temporary.data());
  if (fd < 0) {
    return fail(describe_errno(path, "write"));
  }
  if (!write_parts(fd, parts)) {
    std::string message = describe_errno(path, "write");
    close(fd);
    unlink(temporary.c_str());
    return fail(message);
  }
  // mkstemp creates the file 0600; an SBOM is meant to be shared, so give it
  // the mode a normal file would get under the user's umask.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (fsync(fd) != 0 || close(fd) != 0) {
    std::string message = describe_errno(path, "write");
    unlink(temporary.c_str());
    return fail(message);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string message = describe_errno(path, "write");
    unlink(temporary.c_str());
    return fail(message);
  }
  return ok_status();
}

} // namespace kensa
