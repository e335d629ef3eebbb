#include "logging.hpp"

#include <kensa/util/terminal_text.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <ctime>
#include <mutex>

namespace kensa::cli {

namespace {

StatusLine* g_status_line = nullptr;
bool g_progress_wanted = false;

// One JSON object per line: {"time": ..., "level": ..., "message": ...}.
// Written by hand rather than with a pattern so messages are escaped.
class JsonStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    std::time_t seconds = std::chrono::system_clock::to_time_t(message.time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char time[32];
    std::strftime(time, sizeof time, "%Y-%m-%dT%H:%M:%SZ", &utc);
    nlohmann::ordered_json line{
        {"time", time},
        {"level", std::string(spdlog::level::to_string_view(message.level).data(),
                              spdlog::level::to_string_view(message.level).size())},
        {"message", std::string(message.payload.data(), message.payload.size())}};
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text.push_back('\n');
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

// "kensa: LEVEL: message", one line per message. Messages carry names
// from the input (folders, files, packages): every control character in
// them is escaped, so a folder named "x\nkensa: error: ..." cannot forge a
// line and an escape sequence cannot reach the terminal.
class TextStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    const auto level = spdlog::level::to_string_view(message.level);
    std::string text = "kensa: ";
    text.append(level.data(), level.size());
    text += ": ";
    text += escape_for_terminal(std::string_view(message.payload.data(), message.payload.size()));
    text.push_back('\n');
    if (g_status_line != nullptr) {
      g_status_line->erase();
    }
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

} // namespace

bool progress_wanted() {
  return g_progress_wanted;
}

void set_status_line(StatusLine* line) {
  g_status_line = line;
}

void setup_logging(LogFormat format, int verbosity, bool quiet) {
  std::shared_ptr<spdlog::logger> logger;
  if (format == LogFormat::json) {
    logger = std::make_shared<spdlog::logger>("kensa", std::make_shared<JsonStderrSink>());
  } else {
    logger = std::make_shared<spdlog::logger>("kensa", std::make_shared<TextStderrSink>());
  }
  spdlog::level::level_enum level = spdlog::level::warn;
  if (quiet) {
    level = spdlog::level::err;
  } else if (verbosity == 1) {
    level = spdlog::level::info;
  } else if (verbosity >= 2) {
    level = spdlog::level::debug;
  }
  logger->set_level(level);
  g_progress_wanted = format == LogFormat::text && !quiet;
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

} // namespace kensa::cli
