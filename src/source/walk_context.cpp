#include "walk_context.hpp"

#include <stdexcept>
#include <string>

namespace kensa::source {

std::optional<model::Hasher> WalkContext::make_hasher() const {
  if (m_options.digests.empty()) {
    return std::nullopt;
  }
  auto hasher = model::Hasher::create(m_options.digests);
  if (!hasher) {
    // The CLI only accepts algorithms OpenSSL computes, so this is a bug.
    throw std::logic_error(hasher.error());
  }
  return std::move(hasher).value();
}

bool WalkContext::count_entry(std::string_view location) {
  if (m_stopped) {
    return false;
  }
  if (++m_entries > m_options.limits.max_entries) {
    m_sink.omit(std::string(location), "more than " + std::to_string(m_options.limits.max_entries) +
                                           " entries; the rest of the input was not scanned");
    m_stopped = true;
    return false;
  }
  return true;
}

bool WalkContext::add_decompressed(std::uint64_t bytes, std::string_view location) {
  if (m_budget_spent) {
    return false;
  }
  m_decompressed += bytes;
  add_read(bytes);
  if (m_decompressed > m_options.limits.max_total_bytes) {
    m_sink.omit(std::string(location),
                "more than " + std::to_string(m_options.limits.max_total_bytes) +
                    " bytes decompressed in this scan (--max-total-size); the rest of this "
                    "archive was not read, and no archive after it is opened");
    m_budget_spent = true;
    return false;
  }
  return true;
}

void WalkContext::add_read(std::uint64_t bytes) {
  m_read += bytes;
  m_sink.bytes_read(m_read);
}

bool WalkContext::may_open_archive(std::string_view location) {
  if (!m_budget_spent) {
    return true;
  }
  if (m_unopened++ == 0) {
    m_first_unopened = std::string(location);
  }
  return false;
}

void WalkContext::finish() {
  if (m_unopened == 0) {
    return;
  }
  m_sink.omit(m_first_unopened,
              "this archive" +
                  (m_unopened > 1 ? " and " + std::to_string(m_unopened - 1) + " after it were"
                                  : std::string(" was")) +
                  " not opened: the scan's decompression budget (--max-total-size) was spent");
  m_unopened = 0;
}

std::uint64_t WalkContext::nested_room() const {
  std::uint64_t cap = m_options.limits.max_nested_archive_size;
  return m_nested_held >= cap ? 0 : cap - m_nested_held;
}

} // namespace kensa::source
