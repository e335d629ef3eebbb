#include <kensa/util/atomic_file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
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

// Where a write goes once the rules allowed it.
struct OutputTarget {
  std::filesystem::path path;
  // The existing file's permission bits, kept by the replacement.
  std::optional<mode_t> existing_mode;
  // A device, FIFO or socket: written in place.
  bool in_place = false;
};

Result<OutputTarget> resolve_output(const std::filesystem::path& requested,
                                    const OutputPathRules& rules) {
  OutputTarget target{requested, std::nullopt, false};
  struct stat link {};
  if (::lstat(requested.c_str(), &link) != 0) {
    if (errno == ENOENT) {
      return target;
    }
    return fail(describe_errno(requested, "write"));
  }
  if (S_ISLNK(link.st_mode)) {
    if (!rules.allow_special) {
      return fail("cannot write " + requested.string() +
                  ": it is a symbolic link, which kensa does not write through");
    }
    std::error_code error;
    std::filesystem::path resolved = std::filesystem::weakly_canonical(requested, error);
    if (error) {
      return fail("cannot write " + requested.string() + ": " + error.message());
    }
    target.path = resolved;
  }
  struct stat existing {};
  if (::stat(target.path.c_str(), &existing) != 0) {
    if (errno == ENOENT) {
      return target;
    }
    return fail(describe_errno(requested, "write"));
  }
  if (S_ISDIR(existing.st_mode)) {
    return fail("cannot write " + requested.string() + ": it is a folder");
  }
  if (!S_ISREG(existing.st_mode)) {
    if (!rules.allow_special) {
      return fail("cannot write " + requested.string() +
                  ": it is not a regular file (a device, FIFO or socket)");
    }
    target.in_place = true;
    return target;
  }
  // access() says yes to root for any file; the permission bits still say
  // whether the owner meant the file to stay as it is.
  if ((existing.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      ::access(target.path.c_str(), W_OK) != 0) {
    return fail("cannot write " + requested.string() +
                ": it is read-only, and kensa never replaces a read-only file");
  }
  target.existing_mode = existing.st_mode & 07777;
  return target;
}

} // namespace

bool is_special_output(const std::filesystem::path& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) != 0) {
    return false;
  }
  return S_ISLNK(link.st_mode) || (!S_ISREG(link.st_mode) && !S_ISDIR(link.st_mode));
}

Status check_output_path(const std::filesystem::path& path, const OutputPathRules& rules) {
  auto target = resolve_output(path, rules);
  if (!target) {
    return fail(target.error());
  }
  return ok_status();
}

Status write_file_atomically(const std::filesystem::path& requested, std::string_view contents,
                             const OutputPathRules& rules) {
  return write_file_atomically(requested, std::span<const std::string_view>(&contents, 1), rules);
}

Result<std::unique_ptr<AtomicFile>> AtomicFile::open(const std::filesystem::path& requested,
                                                     const OutputPathRules& rules) {
  auto target = resolve_output(requested, rules);
  if (!target) {
    return fail(target.error());
  }
  std::unique_ptr<AtomicFile> file(new AtomicFile());
  file->m_requested = requested;
  file->m_path = target->path;
  if (target->in_place) {
    file->m_fd = ::open(file->m_path.c_str(), O_WRONLY | O_CLOEXEC);
    if (file->m_fd < 0) {
      return fail(describe_errno(file->m_path, "write"));
    }
    return file;
  }
  // The temporary file must be in the target's folder: rename() is atomic
  // only within one file system. mkstemp creates it exclusively, so nothing
  // planted under that name is followed.
  std::filesystem::path folder = file->m_path.parent_path();
  if (folder.empty()) {
    folder = ".";
  }
  std::string temporary =
      (folder / ("." + file->m_path.filename().string() + ".tmp-XXXXXX")).string();
  file->m_fd = mkstemp(temporary.data());
  if (file->m_fd < 0) {
    return fail(describe_errno(requested, "write"));
  }
  file->m_temporary = std::move(temporary);
  // mkstemp creates the file 0600; an SBOM is meant to be shared, so a new
  // file gets the mode a normal file would get under the user's umask, and
  // a replaced one keeps its own.
  if (target->existing_mode) {
    file->m_mode = *target->existing_mode;
  } else {
    const mode_t mask = umask(0);
    umask(mask);
    file->m_mode = 0666 & ~mask;
  }
  return file;
}

AtomicFile::~AtomicFile() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
  if (!m_temporary.empty()) {
    ::unlink(m_temporary.c_str());
  }
}

std::string AtomicFile::write_error(int error) const {
  errno = error;
  return describe_errno(in_place() ? m_path : m_requested, "write");
}

Status AtomicFile::commit() {
  const int fd = m_fd;
  m_fd = -1;
  if (in_place()) {
    if (::close(fd) != 0) {
      return fail(describe_errno(m_path, "write"));
    }
    return ok_status();
  }
  fchmod(fd, static_cast<mode_t>(m_mode));
  if (fsync(fd) != 0 || ::close(fd) != 0) {
    return fail(describe_errno(m_requested, "write"));
  }
  // rename() replaces the directory entry itself: had the path become a
  // symlink since it was checked, the link would be replaced, never the file
  // it points at.
  if (std::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
    return fail(describe_errno(m_requested, "write"));
  }
  m_temporary.clear();
  return ok_status();
}

Status write_file_atomically(const std::filesystem::path& requested,
                             std::span<const std::string_view> parts,
                             const OutputPathRules& rules) {
  auto file = AtomicFile::open(requested, rules);
  if (!file) {
    return fail(file.error());
  }
  if (!write_parts((*file)->descriptor(), parts)) {
    return fail((*file)->write_error(errno));
  }
  return (*file)->commit();
}

Status write_to_descriptor(int fd, std::span<const std::string_view> parts, std::string_view name) {
  if (!write_parts(fd, parts)) {
    return fail("cannot write to " + std::string(name) + ": " + std::strerror(errno));
  }
  return ok_status();
}

} // namespace kensa
