#pragma once

#include <string_view>

namespace kensa::cli {

enum class LogFormat { text, json };

// Sends spdlog's default logger to stderr, as "kensa: <level>: <message>"
// lines or as one JSON object per line. `verbosity` counts -v flags (1: info,
// 2 or more: debug); `quiet` leaves only errors. stdout is never used: it
// carries documents only.
void setup_logging(LogFormat format, int verbosity, bool quiet);

// Whether a progress line may be drawn: messages are text (not JSON) and
// not quietened. Known once setup_logging ran.
bool progress_wanted();

// A line drawn at the bottom of a terminal's stderr (a progress line):
// every message erases it first, so that messages are never written into
// it; it is drawn again at its next update.
class StatusLine {
 public:
  virtual ~StatusLine() = default;
  virtual void erase() = 0;
};

// The status line text messages erase first; nullptr for none. The line
// must outlive its registration.
void set_status_line(StatusLine* line);

} // namespace kensa::cli
