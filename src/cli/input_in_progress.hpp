#pragma once

#include <string>

// What kensa is reading at the moment, so that the one line printed when
// memory runs out (app.cpp) can name it.
namespace kensa::cli {

// Names `input` as the input being read while the guard lives. When the
// guard is left by an exception, the name stays, for app.cpp to report
// once the exception has reached it.
class InputInProgress {
 public:
  explicit InputInProgress(std::string input);
  ~InputInProgress();
  InputInProgress(const InputInProgress&) = delete;
  InputInProgress& operator=(const InputInProgress&) = delete;

 private:
  std::string m_previous;
  int m_exceptions;
};

// The input being read, or "" when none has been named. Never throws.
std::string input_in_progress() noexcept;

} // namespace kensa::cli
