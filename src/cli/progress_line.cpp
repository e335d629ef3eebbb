#include "progress_line.hpp"

#include <kensa/model/diagnostic_budget.hpp>
#include <kensa/util/terminal_text.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace kensa::cli {

namespace {

// Redraws per second: often enough to look alive, rarely enough to cost
// nothing and not to flicker.
constexpr auto k_redraw_interval = std::chrono::milliseconds(250);

std::string size_text(std::uint64_t bytes) {
  constexpr const char* k_units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(k_units)) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, k_units[unit]);
  return text;
}

// The number of code points of UTF-8 text: its width for the mostly ASCII
// text of a progress line.
std::size_t columns_of(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

// The last `columns` code points of `text`, after "…".
std::string keep_end(std::string_view text, std::size_t columns) {
  if (columns_of(text) <= columns) {
    return std::string(text);
  }
  if (columns == 0) {
    return {};
  }
  std::size_t keep = columns - 1;
  std::size_t at = text.size();
  while (at > 0 && keep > 0) {
    --at;
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
      --keep;
    }
  }
  return "\u2026" + std::string(text.substr(at));
}

} // namespace

std::string progress_text(const scanner::ScanProgress& progress, std::size_t width) {
  std::string text = "kensa: " + model::with_thousands(progress.entries) + " entries, " +
                     size_text(progress.bytes) + " read";
  if (!progress.walking) {
    text += ", " + model::with_thousands(progress.components) + " components; running";
  }
  std::string place = escape_for_terminal(progress.place);
  std::size_t used = columns_of(text) + 1;
  if (used < width) {
    text += " " + keep_end(place, width - used);
  }
  if (columns_of(text) > width) {
    return keep_end(text, width);
  }
  return text;
}

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

std::size_t stderr_width() {
  struct winsize size {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 80;
}

ProgressLine::ProgressLine(bool active) : m_active(active) {
  if (m_active) {
    set_status_line(this);
  }
}

ProgressLine::~ProgressLine() {
  if (m_active) {
    erase();
    set_status_line(nullptr);
  }
}

void ProgressLine::update(const scanner::ScanProgress& progress) {
  if (!m_active) {
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (now - m_last < k_redraw_interval) {
    return;
  }
  m_last = now;
  // One column is left free: writing the last one makes some terminals
  // wrap.
  std::size_t width = stderr_width();
  std::string line = "\r" + progress_text(progress, width > 1 ? width - 1 : width) + "\033[K";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  m_drawn = true;
}

void ProgressLine::erase() {
  if (!m_drawn) {
    return;
  }
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  m_drawn = false;
}

} // namespace kensa::cli
