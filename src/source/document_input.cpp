#include "file_io.hpp"

#include <kensa/source/document_input.hpp>
#include <kensa/util/huge_pages.hpp>
#include <kensa/util/mapped_file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace kensa::source {

namespace {

// A stream (a pipe, a device) is read in blocks of this size, joined once
// its end is known: a stream that exceeds the cap is refused having held
// no more than the cap, where a buffer grown by doubling holds one and a
// half times it, copied over and over.
constexpr std::size_t k_block = std::size_t{4} << 20;

std::string too_large(std::uint64_t max_bytes) {
  return "larger than " + std::to_string(max_bytes) + " bytes, the most kensa reads of one SBOM";
}

// Closes a descriptor kensa opened (never standard input).
class Descriptor {
 public:
  explicit Descriptor(int fd, bool owned) : m_fd(fd), m_owned(owned) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (m_owned && m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
  bool m_owned;
};

enum class StreamEnd { reached, beyond_cap, failed };

// Appends what `fd` holds to `text` until its end, unless together they
// hold more than `max_bytes`; `failed` sets `error` to the errno.
StreamEnd read_to_end(int fd, std::string& text, std::uint64_t max_bytes, int& error) {
  const std::uint64_t most = max_bytes < UINT64_MAX ? max_bytes + 1 : max_bytes;
  std::vector<std::unique_ptr<char[]>> blocks;
  std::uint64_t total = text.size();
  std::size_t in_last = k_block;
  while (total < most) {
    if (in_last == k_block) {
      blocks.push_back(std::make_unique_for_overwrite<char[]>(k_block));
      in_last = 0;
    }
    const auto wanted =
        static_cast<std::size_t>(std::min<std::uint64_t>(k_block - in_last, most - total));
    const ssize_t n = ::read(fd, blocks.back().get() + in_last, wanted);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      error = errno;
      return StreamEnd::failed;
    }
    if (n == 0) {
      break;
    }
    in_last += static_cast<std::size_t>(n);
    total += static_cast<std::uint64_t>(n);
  }
  if (total > max_bytes) {
    return StreamEnd::beyond_cap;
  }
  text.reserve(static_cast<std::size_t>(total));
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    text.append(blocks[i].get(), i + 1 == blocks.size() ? in_last : k_block);
    blocks[i].reset();
  }
  return StreamEnd::reached;
}

} // namespace

std::string document_input_name(const std::string& path) {
  return path == "-" ? "standard input" : path;
}

Result<util::InputText> read_document_input(const std::string& path, std::uint64_t max_bytes) {
  const bool standard_input = path == "-";
  const Descriptor fd(standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC),
                      !standard_input);
  if (fd.get() < 0) {
    return fail(std::string("cannot be read: ") + std::strerror(errno));
  }
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) {
    return fail(std::string("cannot be read: ") + std::strerror(errno));
  }
  if (S_ISDIR(status.st_mode)) {
    return fail("a folder, not an SBOM file");
  }
  std::string text;
  if (S_ISREG(status.st_mode)) {
    const auto size = static_cast<std::uint64_t>(status.st_size);
    if (size > max_bytes) {
      return fail(too_large(max_bytes));
    }
    // Mapped where the system lets it: no copy, no fresh memory. A file
    // that grew since it was measured is read instead, to its new end.
    if (auto mapped = util::MappedFile::map(fd.get(), static_cast<std::size_t>(size))) {
      return util::InputText(std::move(*mapped));
    }
    // Room for the whole file at once, on huge pages where the system has
    // them (reading a 100 MB document touches every page of it).
    text.reserve(static_cast<std::size_t>(size));
    util::advise_huge_pages(text.data(), text.capacity());
    text.resize(static_cast<std::size_t>(size));
    std::size_t used = 0;
    while (used < text.size()) {
      const ssize_t n = ::read(fd.get(), text.data() + used, text.size() - used);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n < 0) {
        return fail(std::string("cannot be read: ") + std::strerror(errno));
      }
      if (n == 0) {
        break; // Shrunk since it was measured.
      }
      used += static_cast<std::size_t>(n);
    }
    text.resize(used);
    if (used < size) {
      return util::InputText(std::move(text));
    }
    // It may have grown since it was measured: one more byte tells, and
    // whatever follows is read like a stream.
    char next = 0;
    ssize_t n = 0;
    do {
      n = ::read(fd.get(), &next, 1);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      return fail(std::string("cannot be read: ") + std::strerror(errno));
    }
    if (n == 0) {
      return util::InputText(std::move(text));
    }
    text.push_back(next);
  }
  int error = 0;
  switch (read_to_end(fd.get(), text, max_bytes, error)) {
  case StreamEnd::reached:
    return util::InputText(std::move(text));
  case StreamEnd::beyond_cap:
    return fail(too_large(max_bytes));
  case StreamEnd::failed:
    break;
  }
  return fail(std::string("cannot be read: ") + std::strerror(error));
}

Result<std::string> read_document_head(const std::string& path, std::size_t size) {
  auto head = read_file_head(path, size);
  if (!head) {
    return fail("cannot be read: " + head.error());
  }
  return head;
}

} // namespace kensa::source
