#pragma once

#include <kensa/util/text_spill.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kensa::util {

// A TextSpill that writes to a file descriptor on a thread of its own, so
// that a big document is written while the rest of it is rendered. At most
// k_max_queued bytes wait at a time: a renderer faster than the file waits
// for it rather than holding the document in memory.
class FileSpill final : public TextSpill {
 public:
  static constexpr std::size_t k_max_queued = std::size_t{32} << 20U;

  explicit FileSpill(int fd);
  FileSpill(const FileSpill&) = delete;
  FileSpill& operator=(const FileSpill&) = delete;
  // Writes what is still queued, then stops the thread.
  ~FileSpill() override;

  void take(std::unique_ptr<char[]> bytes, std::size_t size) override;
  void watch(std::function<void(std::string_view)> watch) override;
  void drain() override;
  void overwrite(std::size_t offset, std::string_view bytes) override;

  // The errno value of the first write that failed, 0 when none did;
  // after a failure nothing more is written. Call after drain().
  int error() const;

 private:
  struct Piece {
    std::unique_ptr<char[]> bytes;
    std::size_t size = 0;
  };
  void run();

  int m_fd;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Piece> m_queue;
  std::size_t m_queued_bytes = 0;
  // A piece taken off the queue and not written yet.
  bool m_writing = false;
  bool m_stopping = false;
  int m_error = 0;
  std::function<void(std::string_view)> m_watch;
  std::thread m_thread;
};

} // namespace kensa::util
