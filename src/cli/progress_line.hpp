#pragma once

#include "logging.hpp"

#include <kensa/scanner/scan.hpp>

#include <chrono>
#include <cstddef>
#include <string>

namespace kensa::cli {

// The line a long scan keeps up to date at the bottom of a terminal: files
// walked, bytes read, components found and where the scan is, redrawn a few
// times a second and erased when the scan ends (or when a message is
// logged). It draws nothing unless it was made active: stderr is a
// terminal, messages are text, and -q was not given.
class ProgressLine : public StatusLine {
 public:
  // `active`: whether to draw at all. Registers itself with the logging
  // (set_status_line) while it lives.
  explicit ProgressLine(bool active);
  ~ProgressLine() override;
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Redraws the line from `progress` when the last drawing is old enough.
  void update(const scanner::ScanProgress& progress);
  // Removes the line from the terminal (it is drawn again at the next
  // update).
  void erase() override;

 private:
  bool m_active;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_last{};
};

// The text of a progress line for `progress`, at most `width` columns
// (the place is cut at its start, with "…", to fit); control characters in
// the place are escaped.
std::string progress_text(const scanner::ScanProgress& progress, std::size_t width);

// Whether standard error is a terminal, and its width in columns (80 when
// it does not say).
bool stderr_is_terminal();
std::size_t stderr_width();

} // namespace kensa::cli
