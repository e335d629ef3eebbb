#include <kensa/util/file_spill.hpp>

#include <unistd.h>

#include <cerrno>

namespace kensa::util {

namespace {

// Writes all of `bytes` at the descriptor's position; 0, or the errno value.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

} // namespace

FileSpill::FileSpill(int fd) : m_fd(fd), m_thread([this] { run(); }) {}

FileSpill::~FileSpill() {
  {
    const std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_changed.notify_all();
  m_thread.join();
}

void FileSpill::take(std::unique_ptr<char[]> bytes, std::size_t size) {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_queued_bytes < k_max_queued || m_error != 0; });
  m_queued_bytes += size;
  m_queue.push_back(Piece{std::move(bytes), size});
  lock.unlock();
  m_changed.notify_all();
}

void FileSpill::watch(std::function<void(std::string_view)> watch) {
  drain();
  const std::lock_guard lock(m_mutex);
  m_watch = std::move(watch);
}

void FileSpill::drain() {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_queue.empty() && !m_writing; });
}

void FileSpill::overwrite(std::size_t offset, std::string_view bytes) {
  drain();
  const std::lock_guard lock(m_mutex);
  while (m_error == 0 && !bytes.empty()) {
    const ssize_t written = ::pwrite(m_fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    if (written < 0) {
      if (errno != EINTR) {
        m_error = errno;
      }
      continue;
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
    offset += static_cast<std::size_t>(written);
  }
}

int FileSpill::error() const {
  const std::lock_guard lock(m_mutex);
  return m_error;
}

void FileSpill::run() {
  std::unique_lock lock(m_mutex);
  while (true) {
    m_changed.wait(lock, [&] { return !m_queue.empty() || m_stopping; });
    if (m_queue.empty()) {
      return;
    }
    Piece piece = std::move(m_queue.front());
    m_queue.pop_front();
    m_writing = true;
    const bool failed = m_error != 0;
    const std::function<void(std::string_view)>* watch = m_watch ? &m_watch : nullptr;
    lock.unlock();
    int error = 0;
    if (!failed) {
      const std::string_view bytes(piece.bytes.get(), piece.size);
      // watch() waits for the queue to drain before it changes m_watch.
      if (watch != nullptr) {
        (*watch)(bytes);
      }
      error = write_all(m_fd, bytes);
    }
    // Freed here, off the renderer's thread.
    piece.bytes.reset();
    lock.lock();
    if (error != 0 && m_error == 0) {
      m_error = error;
    }
    m_queued_bytes -= piece.size;
    m_writing = false;
    m_changed.notify_all();
  }
}

} // namespace kensa::util
