#pragma once

#include <string_view>

namespace kensa::cli {

enum class LogFormat { text, json };

// Sends spdlog's default logger to stderr, as "kensa: <level>: <message>"
// lines or as one JSON object per line. `verbosity` counts -v flags (1: info,
// 2 or more: debug); `quiet` leaves only errors. stdout is never used: it
// carries documents only.
void setup_logging(LogFormat format, int verbosity, bool quiet);

} // namespace kensa::cli
